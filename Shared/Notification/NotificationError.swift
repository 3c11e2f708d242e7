/// Why a notification artefact (package #0, WSP push PDU, SMS user data, PAP document) could not be
/// encoded or decoded.
///
/// Errors are values, never crashes: every decoder in this module checks lengths before it reads and reports
/// what it expected. `offset` is the byte offset in the input where the problem was found, when that makes
/// sense.
///
/// ```swift
/// do {
///     _ = try PackageZero.decode(bytes)
/// } catch let error as NotificationError where error.kind == .truncated {
///     print("short package: \(error)")
/// }
/// ```
public struct NotificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure a caller may want to tell apart.
    public enum Kind: String, Sendable, Hashable {
        /// The input ended before a field it announces.
        case truncated
        /// The bytes or the document do not follow the format (bad length, bad integer, bad markup...).
        case malformed
        /// Well formed, but a value this module does not accept (a version outside the accepted range,
        /// a header code page shift, an unknown document type).
        case unsupported
        /// A value given to an encoder is out of range (a server ID longer than 255 bytes, a version wider
        /// than 10 bits, too many SMS segments...).
        case invalidArgument
        /// SMS reassembly: a segment of the concatenated message is missing.
        case missingSegment
        /// SMS reassembly: segments disagree (reference, total, ports) or the same sequence number arrived
        /// twice with different content.
        case inconsistentSegments
        /// An XML construct refused for safety (a DOCTYPE internal subset with declarations, entities).
        case forbiddenConstruct
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// A one-line, human-readable reason.
    public var message: String
    /// The byte offset in the input where the problem was found, when known.
    public var offset: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the kind of failure.
    ///   - message: a one-line reason.
    ///   - offset: the byte offset in the input, when known.
    public init(_ kind: Kind, _ message: String, offset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    /// The message, followed by the byte offset when there is one.
    public var description: String {
        if let offset { return "\(message) at byte \(offset)" }
        return message
    }
}
