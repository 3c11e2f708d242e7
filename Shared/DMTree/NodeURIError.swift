/// Why a node URI (or the query part of one) was refused.
///
/// A value, never a crash: ``NodeURI`` and ``NodeAddress`` throw it with typed throws, so callers can switch on
/// ``kind`` and show ``message``, which names the offending segment.
public struct NodeURIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of refusal a caller may want to tell apart.
    public enum Kind: String, Sendable, Hashable {
        /// The URI is the empty string.
        case empty
        /// The URI starts with `/`. DM URIs are relative to the device root; Windows rejects a leading `/`.
        case leadingSlash
        /// The URI ends with `/` (an empty last segment).
        case trailingSlash
        /// Two `/` in a row: an empty segment.
        case emptySegment
        /// A `.` or `..` segment after the root.
        case dotSegment
        /// A `?` where only a path is allowed: use ``NodeAddress`` for a URI with a query.
        case unexpectedQuery
        /// A `%` not followed by two hexadecimal digits.
        case invalidEscape
        /// A control character (U+0000–U+001F, U+007F) that was not percent-escaped.
        case invalidCharacter
        /// More segments than ``NodeURI/Limits/maxDepth``.
        case tooDeep
        /// Longer than ``NodeURI/Limits/maxTotalLength``.
        case tooLong
        /// A segment longer than ``NodeURI/Limits/maxSegmentLength``.
        case segmentTooLong
        /// A query that is neither `?prop=<name>` nor `?list=<Struct|StructData|TNDS…>`.
        case invalidQuery
    }

    /// What went wrong.
    public var kind: Kind
    /// A one-line explanation naming the offending part.
    public var message: String
    /// The text that was being parsed.
    public var input: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the kind of refusal.
    ///   - message: a one-line explanation.
    ///   - input: the text being parsed.
    public init(_ kind: Kind, _ message: String, input: String) {
        self.kind = kind
        self.message = message
        self.input = input
    }

    /// The input and the message, on one line.
    public var description: String { "invalid node URI '\(input)': \(message)" }
}
