/// Why a command failed: the `error` of a failed ``CommandResult``, `{"code": "...", "message": "..."}`.
///
/// `code` is stable and meant for programs; `message` is for people. Codes every receiver may use are the
/// ``WellKnownCode`` cases; a command may define more of its own, documented with it.
public struct CommandFailure: Codable, Sendable, Equatable, Error, CustomStringConvertible {
    /// Codes any command endpoint may answer with.
    public enum WellKnownCode: String, Sendable, CaseIterable {
        /// The receiver does not handle a command of this name.
        case unknownCommand = "unknown_command"
        /// The envelope or its `data` does not match the command's schema.
        case invalidData = "invalid_data"
        /// The receiver failed while handling the command; retrying later may succeed.
        case internalError = "internal_error"
    }

    /// A stable, machine-readable code, e.g. `unknown_command`.
    public var code: String
    /// A one-line explanation for people.
    public var message: String

    /// Creates a failure.
    /// - Parameters:
    ///   - code: the code.
    ///   - message: the explanation.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// Creates a failure with a well-known code.
    /// - Parameters:
    ///   - code: the code.
    ///   - message: the explanation.
    public init(_ code: WellKnownCode, message: String) {
        self.init(code: code.rawValue, message: message)
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}
