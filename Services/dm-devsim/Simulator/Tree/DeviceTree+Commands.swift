public import DMTree

/// One Item of a Get's Results: the node, its Format and Type, and its data (none for `?list=Struct`).
public struct TreeResultItem: Sendable, Hashable {
    public var uri: String
    public var format: NodeFormat
    public var type: String?
    public var data: [UInt8]?

    public init(uri: String, format: NodeFormat, type: String? = nil, data: [UInt8]?) {
        self.uri = uri
        self.format = format
        self.type = type
        self.data = data
    }
}

extension DeviceTree {
    /// `Add`: creates a node. 418 if it exists, 405 below a leaf, 425 without Add on the nearest existing
    /// ancestor, 415 when the value does not fit the format. Missing interior parents are created implicitly
    /// (with empty ACLs, so they inherit).
    public mutating func add(
        _ uri: NodeURI, format: NodeFormat, type: String? = nil, value: [UInt8]? = nil, serverID: String?
    ) -> Int {
        if exists(uri) { return 418 }
        var ancestor = uri.parent
        while let here = ancestor, !exists(here) { ancestor = here.parent }
        guard let existing = ancestor, let parentNode = node(existing) else { return 404 }
        if !parentNode.isInterior { return 405 }
        if !allows(serverID, .add, on: existing) { return 425 }
        if existing.hasPrefix(DeviceTree.inbox) { return 200 }
        let bytes = value ?? []
        if format != .node, format != .bin, let text = String(validating: bytes, as: UTF8.self) {
            if !format.isValid(text) { return 415 }
        }
        var node = TreeNode(format: format, type: type, value: format == .node ? nil : bytes)
        node.verNo = 1
        set(uri, node)
        return 200
    }

    /// `Replace` of a value or of a property (`?prop=ACL|Name|Title`). 404 when missing, 405 for interior nodes
    /// and read-only properties, 425 without Replace, 415 for a format that does not match or a value that does
    /// not parse, 418 when a rename hits a sibling.
    public mutating func replace(
        _ address: NodeAddress, format: NodeFormat?, type: String? = nil, value: [UInt8], serverID: String?
    ) -> Int {
        let uri = address.uri
        guard var node = node(uri) else { return 404 }
        switch address.query {
        case .list?:
            return 406
        case .property(let property)?:
            let aclOwner = uri.parent ?? uri
            guard property.isReplaceable else { return 405 }
            if !allows(serverID, .replace, on: aclOwner) { return 425 }
            let text = String(decoding: value, as: UTF8.self)
            switch property {
            case .acl:
                guard let acl = try? AccessControlList(parsing: text) else { return 400 }
                node.acl = acl
                replaceNode(uri, node)
                return 200
            case .title:
                node.title = text
                replaceNode(uri, node)
                return 200
            case .name:
                return rename(uri, to: text)
            default:
                return 405
            }
        case nil:
            if node.isInterior { return 405 }
            if !allows(serverID, .replace, on: uri) { return 425 }
            if let format, format != node.format, !(node.format == .chr && node.type == nil && !node.isPermanent) {
                return 415
            }
            let effective = format ?? node.format
            if effective != .bin, let text = String(validating: value, as: UTF8.self), !effective.isValid(text) {
                return 415
            }
            node.format = effective
            if let type, !node.isPermanent { node.type = type }
            node.value = value
            node.verNo &+= 1
            replaceNode(uri, node)
            return 200
        }
    }

    /// `Delete` of a node and its subtree: 405 for the root and permanent nodes, 404 when missing, 425 without
    /// Delete.
    public mutating func delete(_ uri: NodeURI, serverID: String?) -> Int {
        if uri.isRoot { return 405 }
        guard let node = node(uri) else { return 404 }
        if node.isPermanent { return 405 }
        if !allows(serverID, .delete, on: uri) { return 425 }
        if subtree(uri).contains(where: { self.node($0)?.isPermanent == true }) { return 405 }
        remove(uri)
        return 200
    }

    /// `Get` of a value, a property or a structure. Returns the status and the Results items.
    public func get(_ address: NodeAddress, serverID: String?) -> (status: Int, items: [TreeResultItem]) {
        let uri = address.uri
        if uri.hasPrefix(DeviceTree.inbox) { return (405, []) }
        guard let node = node(uri) else { return (404, []) }
        if !allows(serverID, .get, on: uri) { return (425, []) }
        switch address.query {
        case nil:
            return (200, [item(uri, node, withData: true)])
        case .property(let property)?:
            let value: String?
            switch property {
            case .acl: value = node.acl.description
            case .format: value = node.format.rawValue
            case .name: value = uri.lastSegment.map(NodeURI.unescape) ?? "."
            case .size: value = node.size.map(String.init)
            case .title: value = node.title
            case .tstamp: value = node.tstamp
            case .type: value = node.type ?? (node.isInterior ? nil : "text/plain")
            case .verNo: value = String(node.verNo)
            }
            guard let value else { return (404, []) }
            return (
                200,
                [TreeResultItem(uri: "\(address)", format: .chr, data: Array(value.utf8))]
            )
        case .list(let list)?:
            switch list {
            case .tnds: return (406, [])
            case .struct, .structData:
                let withData = list == .structData
                let items = subtree(uri).compactMap { path -> TreeResultItem? in
                    guard let here = self.node(path), allows(serverID, .get, on: path) else { return nil }
                    return item(path, here, withData: withData && !here.isInterior)
                }
                return (200, items)
            }
        }
    }

    /// `Copy` between two leaves (DM 1.2): 404 when the source is missing, 405 for interior nodes, 425 without
    /// Get on the source or Replace/Add on the target.
    public mutating func copy(from source: NodeURI, to target: NodeURI, serverID: String?) -> Int {
        guard let sourceNode = node(source) else { return 404 }
        if sourceNode.isInterior { return 405 }
        if !allows(serverID, .get, on: source) { return 425 }
        if let targetNode = node(target) {
            if targetNode.isInterior { return 405 }
            return replace(
                NodeAddress(uri: target), format: sourceNode.format, type: sourceNode.type,
                value: sourceNode.value ?? [], serverID: serverID)
        }
        return add(
            target, format: sourceNode.format, type: sourceNode.type, value: sourceNode.value, serverID: serverID)
    }

    /// The Inbox (`./Inbox`): Add places objects, Get answers 405.
    public static let inbox = try! NodeURI("./Inbox")

    private func item(_ uri: NodeURI, _ node: TreeNode, withData: Bool) -> TreeResultItem {
        if node.isInterior {
            let children = node.children.joined(separator: "/")
            return TreeResultItem(
                uri: uri.description, format: .node, type: node.type,
                data: withData ? Array(children.utf8) : nil)
        }
        return TreeResultItem(
            uri: uri.description, format: node.format, type: node.type, data: withData ? (node.value ?? []) : nil)
    }

    private mutating func replaceNode(_ uri: NodeURI, _ node: TreeNode) {
        set(uri, node)
    }

    private mutating func rename(_ uri: NodeURI, to name: String) -> Int {
        guard let parent = uri.parent, let node = node(uri), !node.isPermanent, let oldName = uri.lastSegment else {
            return 405
        }
        guard let newURI = try? parent.appending(name: name), let newName = newURI.lastSegment else { return 400 }
        if exists(newURI) { return 418 }
        var moved: [(String, TreeNode)] = []
        for path in subtree(uri) {
            guard let below = path.segments(below: uri), let here = self.node(path) else { continue }
            moved.append(((newURI.segments + below).joined(separator: "/"), here))
            nodes[DeviceTree.key(path)] = nil
        }
        for (key, here) in moved { nodes[key] = here }
        let parentKey = DeviceTree.key(parent)
        if let index = nodes[parentKey]?.children.firstIndex(of: oldName) {
            nodes[parentKey]?.children[index] = newName
        }
        return 200
    }
}
