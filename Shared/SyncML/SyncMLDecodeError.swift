internal import XMLStream

/// Why a SyncML message (XML or WBXML) could not be decoded: what was wrong and where.
///
/// Decode errors are values, never crashes. For WBXML `offset` is the byte offset where the problem was
/// found; for XML `line`/`column` come from libxml2. `element` names the element being read, when known.
public struct SyncMLDecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// Not well-formed XML or WBXML (bad token, bad multi-byte integer, unterminated string...).
        case malformed
        /// The input ended in the middle of the document.
        case truncated
        /// A limit from ``DecodeLimits`` was exceeded.
        case limitExceeded
        /// Entities, DOCTYPE internal subsets, or other constructs refused for safety.
        case forbiddenConstruct
        /// A WBXML public identifier or an XML namespace that is not SyncML 1.1 or 1.2.
        case unsupportedDocumentType
        /// A WBXML character set other than UTF-8, US-ASCII or ISO-8859-1.
        case unsupportedCharset
        /// Well-formed, but an element is missing, repeated or misplaced.
        case invalidStructure
    }

    public var kind: Kind
    public var message: String
    /// Byte offset into WBXML input, or nil.
    public var offset: Int?
    /// 1-based line in XML input, or nil.
    public var line: Int?
    /// 1-based column in XML input, or nil.
    public var column: Int?
    /// The element being read, if known.
    public var element: String?

    public init(
        _ kind: Kind, _ message: String, offset: Int? = nil, line: Int? = nil, column: Int? = nil,
        element: String? = nil
    ) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
        self.element = element
    }

    public var description: String {
        var text = message
        if let element { text += " in <\(element)>" }
        if let offset { text += " at byte \(offset)" }
        if let line, line > 0 { text += " at line \(line)" + (column.map { ", column \($0)" } ?? "") }
        return text
    }
}

extension SyncMLDecodeError {
    /// The SyncML form of an error from the XML reader, keeping its position.
    init(_ error: XMLDecodeError) {
        let kind: Kind =
            switch error.kind {
            case .malformed: .malformed
            case .limitExceeded: .limitExceeded
            case .forbiddenConstruct: .forbiddenConstruct
            case .unexpectedContent: .invalidStructure
            }
        self.init(
            kind, error.message, line: error.line > 0 ? error.line : nil, column: error.column > 0 ? error.column : nil)
    }
}
