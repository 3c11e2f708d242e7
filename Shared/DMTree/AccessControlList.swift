/// A node's access control list (the `ACL` property): which servers may run which commands on the node.
///
/// The text form is `Command=grantees` entries joined by `&`, where grantees are `*` or server identifiers
/// joined by `+`: `Get=*&Replace=srv1+srv2`. An empty ACL means "inherit the parent's" (see
/// ``effective(along:)``). Parsing accepts command names in any case and merges repeated commands; formatting
/// is canonical (commands in the order Add, Delete, Exec, Get, Replace).
///
/// ```swift
/// let acl = try AccessControlList(parsing: "Get=*&Replace=srv1+srv2")
/// acl.allows("srv2", .replace)   // true
/// acl.allows("srv3", .replace)   // false
/// acl.description                // "Get=*&Replace=srv1+srv2"
/// ```
public struct AccessControlList: Sendable, Hashable, CustomStringConvertible {
    /// The grants, by command.
    public private(set) var grants: [ACLCommand: ACLGrantees]

    /// Creates an ACL from grants (an empty dictionary is the empty ACL).
    /// - Parameter grants: who may run each command.
    public init(_ grants: [ACLCommand: ACLGrantees] = [:]) {
        self.grants = grants
    }

    /// The default ACL of the root node, `Add=*&Get=*`.
    public static let rootDefault = AccessControlList([.add: .everyone, .get: .everyone])

    /// Parses the text form.
    /// - Parameter text: e.g. `Add=*&Get=srv1+srv2`; the empty string is the empty ACL.
    /// - Throws: ``ACLParseError`` naming the offending entry.
    public init(parsing text: String) throws(ACLParseError) {
        self.init()
        guard !text.isEmpty else { return }
        for entry in text.split(separator: "&", omittingEmptySubsequences: false) {
            guard let equals = entry.firstIndex(of: "=") else {
                throw ACLParseError(.missingEquals, "entry '\(entry)' has no '='")
            }
            let name = String(entry[..<equals])
            guard let command = ACLCommand(name: name) else {
                throw ACLParseError(
                    .unknownCommand, "unknown command '\(name)' (expected Add, Delete, Exec, Get or Replace)")
            }
            let list = entry[entry.index(after: equals)...]
            guard !list.isEmpty else {
                throw ACLParseError(.emptyServerID, "entry '\(entry)' names no server")
            }
            for server in list.split(separator: "+", omittingEmptySubsequences: false) {
                if server == "*" {
                    grant(command, to: .everyone)
                    continue
                }
                guard !server.isEmpty else {
                    throw ACLParseError(.emptyServerID, "entry '\(entry)' has an empty server name")
                }
                guard AccessControlList.isValidServerID(server) else {
                    throw ACLParseError(.invalidServerID, "server '\(server)' in entry '\(entry)' is not valid")
                }
                grant(command, to: .servers([String(server)]))
            }
        }
    }

    /// True when no command is granted (the node inherits its parent's ACL).
    public var isEmpty: Bool { grants.isEmpty }

    /// True when `server` may run `command` under this ACL alone (no inheritance).
    /// - Parameters:
    ///   - server: the server's `ServerID`.
    ///   - command: the command.
    public func allows(_ server: String, _ command: ACLCommand) -> Bool {
        grants[command]?.includes(server) ?? false
    }

    /// Adds grantees for `command`; granting to everyone replaces any list of servers. Server identifiers should
    /// pass ``isValidServerID(_:)``: one holding `+`, `&`, `=` or `*` would not survive formatting and parsing.
    /// - Parameters:
    ///   - command: the command.
    ///   - grantees: `.everyone` or servers to add.
    public mutating func grant(_ command: ACLCommand, to grantees: ACLGrantees) {
        switch (grants[command], grantees) {
        case (.everyone, _): return
        case (_, .everyone): grants[command] = .everyone
        case (.servers(let existing), .servers(let added)):
            grants[command] = .servers(existing + added.filter { !existing.contains($0) }.uniqued())
        case (nil, .servers(let added)):
            grants[command] = .servers(added.uniqued())
        }
    }

    /// Removes every grant of `command`.
    /// - Parameter command: the command.
    public mutating func revoke(_ command: ACLCommand) {
        grants[command] = nil
    }

    /// The text form, canonical: commands in the order Add, Delete, Exec, Get, Replace.
    public var description: String {
        ACLCommand.allCases.compactMap { command in grants[command].map { "\(command.rawValue)=\($0)" } }
            .joined(separator: "&")
    }

    /// The ACL that applies to a node: the first non-empty ACL walking up from the node to the root.
    /// - Parameter chain: the ACLs of the node, its parent, ... up to the root.
    /// - Returns: the effective ACL, or the empty ACL when every one is empty.
    public static func effective(along chain: [AccessControlList]) -> AccessControlList {
        chain.first { !$0.isEmpty } ?? AccessControlList()
    }

    /// True when `server` is a usable ServerID inside an ACL.
    public static func isValidServerID(_ server: some StringProtocol) -> Bool {
        !server.isEmpty
            && !server.utf8.contains {
                $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "&")
                    || $0 == UInt8(ascii: "+") || $0 < 0x20 || $0 == 0x7F
            }
    }
}

extension Array where Element: Hashable {
    fileprivate func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
