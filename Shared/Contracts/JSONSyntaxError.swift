/// Why a byte sequence is not the JSON text a reader accepts (RFC 8259), and where.
///
/// Thrown by ``JSONValue/init(jsonBytes:maximumDepth:)`` and ``JSONValue/members(_:ofObjectIn:maximumDepth:)``.
///
/// ```swift
/// do { _ = try JSONValue(jsonBytes: Array(#"{"a":}"#.utf8)) } catch { print(error.offset, error.message) }  // 5 ...
/// ```
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The byte offset in the input where the problem was found.
    public var offset: Int
    /// What is wrong there.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - offset: the byte offset in the input.
    ///   - message: what is wrong.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// "`message` at byte `offset`".
    public var description: String { "\(message) at byte \(offset)" }
}
