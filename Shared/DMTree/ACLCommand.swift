/// The commands an access control list grants, in the order DM lists them.
public enum ACLCommand: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// Add a child node.
    case add = "Add"
    /// Delete the node.
    case delete = "Delete"
    /// Execute the node.
    case exec = "Exec"
    /// Read the node.
    case get = "Get"
    /// Replace the value or a property.
    case replace = "Replace"

    /// Looks a command up by name, ignoring ASCII case.
    /// - Parameter name: e.g. `Get`.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, name) }) else {
            return nil
        }
        self = match
    }

    /// Orders commands as DM lists them: Add, Delete, Exec, Get, Replace.
    public static func < (lhs: ACLCommand, rhs: ACLCommand) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
