/// Reads WBXML primitives from a byte array by index: single bytes, `mb_u_int32` values, NUL-terminated
/// strings and counted byte runs.
///
/// Every read is checked against ``end`` before any byte is touched, so running out of input is always a
/// ``SyncMLDecodeError`` of kind `truncated` carrying the offset of the construct being read, never a trap.
/// Strings and byte runs come back as index ranges into ``bytes``; nothing is copied here.
struct WBXMLByteReader: Sendable {
    /// The whole input. Only `position..<end` is read.
    let bytes: [UInt8]
    /// One past the last byte that belongs to the document.
    let end: Int
    /// The offset of the next byte to read.
    var position: Int

    /// Reads `bytes[range]`. The range must lie within `bytes`.
    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        self.end = upper
        self.position = lower
    }

    /// True when every byte has been read.
    var isAtEnd: Bool { position >= end }

    /// Bytes left to read.
    var remaining: Int { end - position }

    /// Reads one byte.
    /// - Parameter what: names the construct being read, for the error message.
    @inline(__always)
    mutating func readByte(_ what: StaticString) throws(SyncMLDecodeError) -> UInt8 {
        guard position < end else { throw truncated(at: position, what) }
        let byte = bytes[position]
        position &+= 1
        return byte
    }

    /// Reads a WBXML `mb_u_int32`: 7 bits per byte, most significant group first, the high bit set on every
    /// byte but the last. At most 5 bytes are accepted, and the value must fit in 32 bits.
    /// - Parameter what: names the construct being read, for the error message.
    mutating func readMultiByteUInt32(_ what: StaticString) throws(SyncMLDecodeError) -> UInt32 {
        let start = position
        var value: UInt32 = 0
        for _ in 0..<5 {
            guard position < end else { throw truncated(at: start, what) }
            let byte = bytes[position]
            position &+= 1
            guard value <= 0x01FF_FFFF else {
                throw SyncMLDecodeError(.malformed, "multi-byte integer (\(what)) exceeds 32 bits", offset: start)
            }
            value = value << 7 | UInt32(byte & 0x7F)
            if byte & 0x80 == 0 { return value }
        }
        throw SyncMLDecodeError(.malformed, "multi-byte integer (\(what)) longer than 5 bytes", offset: start)
    }

    /// Reads a NUL-terminated string and returns the range of its bytes, without the NUL.
    mutating func readTerminatedString(_ what: StaticString) throws(SyncMLDecodeError) -> Range<Int> {
        let start = position
        let end = self.end
        let nul: Int? = bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < end {
                if buffer[index] == 0 { return index }
                index &+= 1
            }
            return nil
        }
        guard let nul else { throw truncated(at: start, what) }
        position = nul &+ 1
        return start..<nul
    }

    /// Reads `count` bytes and returns their range. The count is checked against the remaining input
    /// before anything else happens, so a huge declared length costs nothing.
    mutating func readBytes(count: UInt32, _ what: StaticString, tokenOffset: Int) throws(SyncMLDecodeError)
        -> Range<Int>
    {
        guard UInt64(count) <= UInt64(remaining) else {
            throw SyncMLDecodeError(
                .truncated, "\(what) declares \(count) bytes but only \(remaining) remain", offset: tokenOffset)
        }
        let start = position
        position = start &+ Int(count)
        return start..<position
    }

    /// The error for input that ends inside the construct starting at `offset`.
    func truncated(at offset: Int, _ what: StaticString) -> SyncMLDecodeError {
        SyncMLDecodeError(.truncated, "input ends inside \(what)", offset: offset)
    }
}
