/// Why an XML document was refused: what went wrong and where.
///
/// A decode error is a value, never a crash. `line` and `column` are 1-based positions reported by
/// libxml2 when it knows them (0 otherwise); `element` names the element being read when the error is about
/// document structure rather than syntax.
public struct XMLDecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure a caller may want to tell apart.
    public enum Kind: String, Sendable, Hashable {
        /// The bytes are not well-formed XML (libxml2's parser error).
        case malformed
        /// The document is larger, deeper or has more elements than the limits allow.
        case limitExceeded
        /// A DOCTYPE internal subset, an entity reference or an external resource: refused for safety.
        case forbiddenConstruct
        /// Well-formed XML that is not the document the caller expected.
        case unexpectedContent
    }

    public var kind: Kind
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, _ message: String, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        line > 0 ? "\(message) (line \(line), column \(column))" : message
    }
}
