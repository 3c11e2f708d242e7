public import DMTree

/// A device's management tree, stored flat by path (`DevInfo/DevId`; the root is the empty path).
///
/// The tree is a value: copying it is cheap (copy on write) and restoring a copy is how Atomic rolls back.
/// Every operation checks what the DM 1.2 command semantics require and returns the status code a real client
/// would answer (404 not found, 405 not allowed, 418 exists, 425 ACL, 415 format...).
///
/// ```swift
/// var tree = DeviceTree()
/// _ = tree.add(try NodeURI("./Vendor"), format: .node, serverID: "dms")
/// ```
public struct DeviceTree: Sendable, Hashable {
    /// Nodes by path.
    public internal(set) var nodes: [String: TreeNode]

    /// A tree holding only the root, whose ACL is `Add=*&Get=*` (the spec's default).
    public init() {
        var root = TreeNode(format: .node, acl: .rootDefault, isPermanent: true)
        root.acl = .rootDefault
        nodes = ["": root]
    }

    /// The storage key of a URI.
    @inline(__always) static func key(_ uri: NodeURI) -> String { uri.segments.joined(separator: "/") }

    /// The node at `uri`, if any.
    public func node(_ uri: NodeURI) -> TreeNode? { nodes[Self.key(uri)] }

    /// The node at a path written as text (`./DevInfo/DevId`), if any.
    public func node(_ text: String) -> TreeNode? {
        if let key = Self.plainKey(text) { return nodes[key] }
        guard let uri = try? NodeURI(text) else { return nil }
        return node(uri)
    }

    /// The storage key of a path that is already in normal form (`./` then non-empty segments of letters,
    /// digits, `-` and `_`), without parsing it as a ``NodeURI``: the account and enabler code reads the tree
    /// by such paths many times per session. Nil for anything else (the caller parses).
    static func plainKey(_ text: String) -> String? {
        let utf8 = text.utf8
        guard utf8.count > 2, text.hasPrefix("./") else { return nil }
        var previousWasSlash = true
        for byte in utf8.dropFirst(2) {
            switch byte {
            case UInt8(ascii: "/"):
                if previousWasSlash { return nil }
                previousWasSlash = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                previousWasSlash = false
            default:
                return nil
            }
        }
        return previousWasSlash ? nil : String(text.dropFirst(2))
    }

    /// The value of a leaf as text, if the node exists and is a leaf.
    public func value(_ text: String) -> String? { node(text)?.text }

    /// Whether a node exists.
    public func exists(_ uri: NodeURI) -> Bool { nodes[Self.key(uri)] != nil }

    /// The ACL in force for a node: its own, or the nearest ancestor's non-empty one.
    public func effectiveACL(_ uri: NodeURI) -> AccessControlList {
        var current: NodeURI? = uri
        while let here = current {
            if let acl = nodes[Self.key(here)]?.acl, !acl.isEmpty { return acl }
            current = here.parent
        }
        return AccessControlList()
    }

    /// Whether `serverID` may run `command` on the node (nil server: a local, trusted caller).
    public func allows(_ serverID: String?, _ command: ACLCommand, on uri: NodeURI) -> Bool {
        guard let serverID else { return true }
        return effectiveACL(uri).allows(serverID, command)
    }

    /// Every path at or below `uri`, depth first, children in order.
    public func subtree(_ uri: NodeURI) -> [NodeURI] {
        guard let node = node(uri) else { return [] }
        var result = [uri]
        for child in node.children {
            guard let childURI = try? uri.appending(child) else { continue }
            result += subtree(childURI)
        }
        return result
    }

    // MARK: Building (no checks; used for the standard objects and by the enablers)

    /// Creates or overwrites a node and any missing interior parents, without ACL checks.
    /// - Returns: the node's URI.
    @discardableResult
    public mutating func set(_ text: String, _ node: TreeNode) -> NodeURI {
        guard let uri = try? NodeURI(text) else { return .root }
        set(uri, node)
        return uri
    }

    /// Creates or overwrites a node and any missing interior parents, without ACL checks.
    public mutating func set(_ uri: NodeURI, _ node: TreeNode) {
        ensureParents(of: uri)
        let key = Self.key(uri)
        var stored = node
        if let existing = nodes[key], existing.isInterior, node.isInterior { stored.children = existing.children }
        if nodes[key] == nil, let parent = uri.parent, let name = uri.lastSegment {
            nodes[Self.key(parent)]?.children.append(name)
        }
        nodes[key] = stored
    }

    /// Sets a leaf's value as text, creating the leaf (`chr`) when it is missing. No checks.
    public mutating func setValue(_ text: String, _ value: String) {
        guard let uri = try? NodeURI(text) else { return }
        if var node = nodes[Self.key(uri)] {
            node.value = Array(value.utf8)
            node.verNo &+= 1
            nodes[Self.key(uri)] = node
        } else {
            set(uri, TreeNode(format: .chr, value: Array(value.utf8)))
        }
    }

    /// Sets a leaf's value as bytes, when the leaf exists.
    public mutating func setBytes(_ uri: NodeURI, _ value: [UInt8]) {
        guard var node = nodes[Self.key(uri)], !node.isInterior else { return }
        node.value = value
        node.verNo &+= 1
        nodes[Self.key(uri)] = node
    }

    /// Removes a node and its subtree without checks.
    public mutating func remove(_ uri: NodeURI) {
        guard !uri.isRoot, nodes[Self.key(uri)] != nil else { return }
        for path in subtree(uri) { nodes[Self.key(path)] = nil }
        if let parent = uri.parent, let name = uri.lastSegment {
            nodes[Self.key(parent)]?.children.removeAll { $0 == name }
        }
    }

    private mutating func ensureParents(of uri: NodeURI) {
        var missing: [NodeURI] = []
        var current = uri.parent
        while let here = current, nodes[Self.key(here)] == nil {
            missing.append(here)
            current = here.parent
        }
        for parent in missing.reversed() {
            if let grand = parent.parent, let name = parent.lastSegment {
                nodes[Self.key(grand)]?.children.append(name)
            }
            nodes[Self.key(parent)] = TreeNode(format: .node)
        }
    }
}
