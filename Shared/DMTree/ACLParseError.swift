/// Why an ACL value such as `Get=*&Replace=srv1` was refused.
public struct ACLParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of refusal.
    public enum Kind: String, Sendable, Hashable {
        /// An entry without `=`.
        case missingEquals
        /// A command other than Add, Delete, Exec, Get and Replace.
        case unknownCommand
        /// An entry with no server after `=`, or an empty name between `+` signs.
        case emptyServerID
        /// A server identifier containing `*`, `=`, `&` or a control character.
        case invalidServerID
    }

    /// What went wrong.
    public var kind: Kind
    /// A one-line explanation naming the offending entry.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the kind of refusal.
    ///   - message: a one-line explanation.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `invalid ACL: ` and the message.
    public var description: String { "invalid ACL: \(message)" }
}
