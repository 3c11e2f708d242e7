/// Who an ACL entry grants a command to: every server (`*`) or the listed server identifiers.
public enum ACLGrantees: Sendable, Hashable, CustomStringConvertible {
    /// `*`: any server.
    case everyone
    /// The listed `ServerID`s, in the order given, without duplicates. Matching is case-sensitive.
    case servers([String])

    /// True when `server` is granted.
    /// - Parameter server: a `ServerID`.
    public func includes(_ server: String) -> Bool {
        switch self {
        case .everyone: true
        case .servers(let servers): servers.contains(server)
        }
    }

    /// `*`, or the server identifiers joined by `+`.
    public var description: String {
        switch self {
        case .everyone: "*"
        case .servers(let servers): servers.joined(separator: "+")
        }
    }
}
