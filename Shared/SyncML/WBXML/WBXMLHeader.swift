/// The header of a WBXML document: version, public identifier, charset and string table.
struct WBXMLHeader: Sendable {
    /// How the document names its type.
    enum PublicID: Sendable, Hashable {
        /// A well-known numeric identifier such as 0x1201 (SyncML 1.2).
        case number(UInt32)
        /// A formal public identifier held in the string table; the range of its bytes in the input.
        case formal(Range<Int>)
    }

    /// The WBXML version byte, 0x00...0x03 (WBXML 1.0 to 1.3).
    var version: UInt8
    var publicID: PublicID
    var charset: WBXMLCharset
    /// The range of the string table in the input.
    var stringTable: Range<Int>

    /// The highest WBXML version byte accepted (1.3).
    static let newestVersion: UInt8 = 0x03

    /// Reads the header from the start of `reader`, leaving it at the first body token.
    ///
    /// Checks, in order: the version byte (else `malformed`), the public identifier's encoding, the charset
    /// (else `unsupportedCharset`), the string table length against the remaining input (else `truncated`,
    /// before anything is allocated), and a string-table public identifier's index (else `malformed`).
    /// Whether the identifier names an acceptable document is the caller's decision.
    static func read(from reader: inout WBXMLByteReader) throws(SyncMLDecodeError) -> WBXMLHeader {
        let versionOffset = reader.position
        let version = try reader.readByte("the WBXML version")
        guard version <= newestVersion else {
            throw SyncMLDecodeError(
                .malformed, "WBXML version byte 0x\(String(version, radix: 16)) is not 1.0 to 1.3",
                offset: versionOffset)
        }
        let idOffset = reader.position
        let number = try reader.readMultiByteUInt32("the public identifier")
        var tableIndex: UInt32?
        if number == 0 { tableIndex = try reader.readMultiByteUInt32("the public identifier index") }
        let charsetOffset = reader.position
        let mibEnum = try reader.readMultiByteUInt32("the charset")
        guard let charset = WBXMLCharset(mibEnum: mibEnum) else {
            throw SyncMLDecodeError(
                .unsupportedCharset, "charset MIBenum \(mibEnum) is not UTF-8, US-ASCII or ISO-8859-1",
                offset: charsetOffset)
        }
        let tableOffset = reader.position
        let tableLength = try reader.readMultiByteUInt32("the string table length")
        let table = try reader.readBytes(count: tableLength, "the string table", tokenOffset: tableOffset)
        let publicID: PublicID
        if let tableIndex {
            guard tableIndex < UInt32(table.count) else {
                throw SyncMLDecodeError(
                    .malformed, "public identifier index \(tableIndex) is outside the string table", offset: idOffset)
            }
            publicID = .formal(WBXMLHeader.string(at: Int(tableIndex), in: table, of: reader.bytes))
        } else {
            publicID = .number(number)
        }
        return WBXMLHeader(version: version, publicID: publicID, charset: charset, stringTable: table)
    }

    /// True when the header's public identifier is `number`, or a string-table identifier equal to one of
    /// `formal` without regard to ASCII case.
    func identifies(number: UInt32, formal: [String], in bytes: [UInt8]) -> Bool {
        switch publicID {
        case .number(let value): return value == number
        case .formal(let range): return formal.contains { WBXMLHeader.asciiEqualsIgnoringCase(bytes[range], $0) }
        }
    }

    /// The string starting at `offset` in the string table: it runs to a NUL or to the end of the table.
    static func string(at offset: Int, in table: Range<Int>, of bytes: [UInt8]) -> Range<Int> {
        let start = table.lowerBound + offset
        var index = start
        while index < table.upperBound && bytes[index] != 0 { index += 1 }
        return start..<index
    }

    private static func asciiEqualsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
        let utf8 = text.utf8
        guard bytes.count == utf8.count else { return false }
        return zip(bytes, utf8).allSatisfy { lowered($0) == lowered($1) }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
