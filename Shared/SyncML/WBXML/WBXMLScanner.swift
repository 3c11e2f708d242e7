/// The WBXML body tokenizer shared by ``WBXMLCursor`` and ``WBXMLDevInf``: it turns bytes into
/// ``WBXMLEvent``s and keeps the decoder state that WBXML makes global.
///
/// - The tag code page is global: SWITCH_PAGE changes it until the next SWITCH_PAGE, and END does not
///   restore it.
/// - Depth and element count are checked against ``DecodeLimits`` as each start tag is read, including
///   inside elements that are being skipped, so no input can make the scanner work without bound.
/// - PI and EXT tokens are refused as `malformed`: SyncML, MetInf and DevInf define no extensions and no
///   processing instructions, and accepting them would only widen what untrusted input can reach.
/// - Every length and index is checked against the input before use.
struct WBXMLScanner: Sendable {
    private(set) var reader: WBXMLByteReader
    private let limits: DecodeLimits
    private let maxElements: Int
    /// The range of the string table in the input; empty until ``readHeader()``.
    private(set) var stringTable: Range<Int> = 0..<0
    /// The charset strings are in; UTF-8 until ``readHeader()``.
    private(set) var charset: WBXMLCharset = .utf8
    /// The tag code page in force.
    private(set) var page: UInt8 = 0
    /// How many elements with content are open (the root is depth 1).
    private(set) var depth = 0
    /// How many start tags have been read.
    private(set) var elementCount = 0

    /// Scans `bytes[range]`.
    /// - Parameters:
    ///   - maxElements: the element budget, when it must be smaller than `limits.maxElements` (a nested
    ///     document shares its container's budget).
    init(bytes: [UInt8], range: Range<Int>, limits: DecodeLimits, maxElements: Int? = nil) {
        reader = WBXMLByteReader(bytes: bytes, range: range)
        self.limits = limits
        self.maxElements = maxElements ?? limits.maxElements
    }

    /// The whole input array.
    var bytes: [UInt8] { reader.bytes }

    /// The offset of the next byte to read.
    var position: Int { reader.position }

    /// True when every byte has been read.
    var isAtEnd: Bool { reader.isAtEnd }

    /// Reads the document header and takes its charset and string table.
    mutating func readHeader() throws(SyncMLDecodeError) -> WBXMLHeader {
        let header = try WBXMLHeader.read(from: &reader)
        stringTable = header.stringTable
        charset = header.charset
        return header
    }

    /// Reads the next body event. Running out of input is `truncated`: a document always ends with the
    /// root's END, and callers that accept the end of input check ``isAtEnd`` first.
    mutating func next() throws(SyncMLDecodeError) -> WBXMLEvent {
        while true {
            let offset = reader.position
            let byte = try reader.readByte("an element")
            switch byte {
            case WBXMLGlobalToken.switchPage:
                page = try reader.readByte("SWITCH_PAGE")
            case WBXMLGlobalToken.end:
                guard depth > 0 else {
                    throw SyncMLDecodeError(.malformed, "END with no open element", offset: offset)
                }
                depth -= 1
                return .end
            case WBXMLGlobalToken.entity:
                let value = try reader.readMultiByteUInt32("ENTITY")
                guard let scalar = Unicode.Scalar(value) else {
                    throw SyncMLDecodeError(
                        .malformed, "ENTITY \(value) is not a Unicode scalar value", offset: offset)
                }
                return .entity(scalar)
            case WBXMLGlobalToken.inlineString:
                return .string(try reader.readTerminatedString("STR_I"))
            case WBXMLGlobalToken.tableString:
                return .string(try tableString(offset: offset))
            case WBXMLGlobalToken.opaque:
                let length = try reader.readMultiByteUInt32("OPAQUE")
                return .opaque(try reader.readBytes(count: length, "OPAQUE", tokenOffset: offset))
            case WBXMLGlobalToken.literal, WBXMLGlobalToken.literalContent, WBXMLGlobalToken.literalAttributes,
                WBXMLGlobalToken.literalAttributesContent:
                _ = try tableString(offset: offset)
                return .start(
                    try startTag(
                        token: WBXMLGlobalToken.literal, flags: byte & ~WBXMLGlobalToken.tokenMask,
                        offset: offset))
            case WBXMLGlobalToken.extensionInline0...WBXMLGlobalToken.processingInstruction,
                WBXMLGlobalToken.extensionTable0...WBXMLGlobalToken.extensionTable2,
                WBXMLGlobalToken.extension0...WBXMLGlobalToken.extension2:
                throw SyncMLDecodeError(
                    .malformed, "PI and EXT tokens are not accepted (0x\(String(byte, radix: 16)))", offset: offset)
            default:
                return .start(
                    try startTag(
                        token: byte & WBXMLGlobalToken.tokenMask,
                        flags: byte & ~WBXMLGlobalToken.tokenMask, offset: offset))
            }
        }
    }

    /// Counts a start tag against the limits and opens it when it has content.
    private mutating func startTag(token: UInt8, flags: UInt8, offset: Int) throws(SyncMLDecodeError)
        -> WBXMLStartTag
    {
        elementCount += 1
        guard elementCount <= maxElements else {
            throw SyncMLDecodeError(.limitExceeded, "more than \(maxElements) elements", offset: offset)
        }
        guard depth < limits.maxDepth else {
            throw SyncMLDecodeError(.limitExceeded, "nesting deeper than \(limits.maxDepth)", offset: offset)
        }
        let tag = WBXMLStartTag(page: page, token: token, flags: flags, offset: offset)
        if tag.hasContent { depth += 1 }
        return tag
    }

    /// Reads a string-table offset and returns the string there (to a NUL or the end of the table).
    private mutating func tableString(offset: Int) throws(SyncMLDecodeError) -> Range<Int> {
        let index = try reader.readMultiByteUInt32("a string table reference")
        guard index < UInt32(stringTable.count) else {
            throw SyncMLDecodeError(
                .malformed, "string table reference \(index) is outside the \(stringTable.count)-byte table",
                offset: offset)
        }
        return WBXMLHeader.string(at: Int(index), in: stringTable, of: reader.bytes)
    }

    /// Skips the element whose start tag was just read: its attribute list, if any, then its content
    /// through its END, if it has content.
    mutating func skip(_ tag: WBXMLStartTag) throws(SyncMLDecodeError) {
        if tag.hasAttributes { try skipAttributes() }
        if tag.hasContent { try skipContent() }
    }

    /// Skips the rest of the innermost open element, through its END.
    mutating func skipContent() throws(SyncMLDecodeError) {
        let target = depth - 1
        while depth > target {
            if case .start(let tag) = try next(), tag.hasAttributes { try skipAttributes() }
        }
    }

    /// Skips an attribute list through its END. Attribute code pages are separate from tag code pages, so
    /// a SWITCH_PAGE here does not change ``page``.
    mutating func skipAttributes() throws(SyncMLDecodeError) {
        while true {
            let offset = reader.position
            let byte = try reader.readByte("an attribute list")
            switch byte {
            case WBXMLGlobalToken.end:
                return
            case WBXMLGlobalToken.switchPage:
                _ = try reader.readByte("SWITCH_PAGE")
            case WBXMLGlobalToken.entity:
                _ = try reader.readMultiByteUInt32("ENTITY")
            case WBXMLGlobalToken.inlineString, WBXMLGlobalToken.extensionInline0...WBXMLGlobalToken.extensionInline2:
                _ = try reader.readTerminatedString("an inline attribute string")
            case WBXMLGlobalToken.literal, WBXMLGlobalToken.tableString,
                WBXMLGlobalToken.extensionTable0...WBXMLGlobalToken.extensionTable2:
                _ = try tableString(offset: offset)
            case WBXMLGlobalToken.opaque:
                let length = try reader.readMultiByteUInt32("OPAQUE")
                _ = try reader.readBytes(count: length, "OPAQUE", tokenOffset: offset)
            case WBXMLGlobalToken.processingInstruction, WBXMLGlobalToken.literalContent,
                WBXMLGlobalToken.literalAttributes, WBXMLGlobalToken.literalAttributesContent:
                throw SyncMLDecodeError(
                    .malformed, "token 0x\(String(byte, radix: 16)) is not allowed in an attribute list",
                    offset: offset)
            default:
                continue  // ATTRSTART, ATTRVALUE or EXT_0...2: a single byte.
            }
        }
    }

    /// The string in `range` decoded from the document charset.
    func string(_ range: Range<Int>) throws(SyncMLDecodeError) -> String {
        let charset = self.charset
        let text = reader.bytes.withUnsafeBufferPointer {
            charset.string(from: UnsafeBufferPointer(rebasing: $0[range]))
        }
        guard let text else {
            throw SyncMLDecodeError(.malformed, "string is not valid UTF-8", offset: range.lowerBound)
        }
        return text
    }

    /// Appends the string in `range`, converted to UTF-8, to `buffer`.
    func appendString(_ range: Range<Int>, to buffer: inout [UInt8]) {
        let charset = self.charset
        reader.bytes.withUnsafeBufferPointer {
            charset.appendUTF8(of: UnsafeBufferPointer(rebasing: $0[range]), to: &buffer)
        }
    }

    /// Appends the raw bytes in `range` to `buffer`.
    func appendBytes(_ range: Range<Int>, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: reader.bytes[range])
    }

    /// The error for something found at `offset`.
    func error(_ kind: SyncMLDecodeError.Kind, _ message: String, offset: Int? = nil, element: String? = nil)
        -> SyncMLDecodeError
    {
        SyncMLDecodeError(kind, message, offset: offset ?? reader.position, element: element)
    }
}
