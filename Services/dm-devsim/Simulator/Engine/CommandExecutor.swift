import DMTree
public import SyncML

/// A Large Object being received: the chunks so far of one Add or Replace.
public struct IncomingLargeObject: Sendable, Hashable {
    public var command: String
    public var target: String
    public var format: String?
    public var type: String?
    public var declaredSize: Int?
    public var bytes: [UInt8]
}

/// Executes the commands of one server message against a device, producing the Status and Results commands a
/// DM 1.2 client owes (CmdIDs are left empty: the session numbers them when it packs its message).
///
/// Pure: it changes the device value it holds and returns commands; it does no I/O.
public struct CommandExecutor: Sendable {
    /// Where a command sits: Atomic and Sequence change what is allowed and what a failure does.
    enum Container { case body, atomic, sequence }

    public var device: SimulatedDevice
    /// The Large Object being received across messages, if any.
    public var largeObject: IncomingLargeObject?
    /// The server's identity for ACL checks.
    public let serverID: String
    /// The MsgID of the server message being executed.
    public let msgRef: String
    /// Replies, in order: Statuses then Results for each command.
    public private(set) var replies: [Command] = []
    /// Alerts the device raises while executing (1225 when a Large Object is interrupted).
    public private(set) var alerts: [Command] = []
    /// True when a chunk was buffered (213): the client asks for the next message (1222).
    public private(set) var awaitingMoreData = false

    public init(device: SimulatedDevice, serverID: String, msgRef: String, largeObject: IncomingLargeObject? = nil) {
        self.device = device
        self.serverID = serverID
        self.msgRef = msgRef
        self.largeObject = largeObject
    }

    /// Executes every command of a server SyncBody in order (Status and Results elements from the server are not
    /// commands to execute and are skipped).
    public mutating func execute(_ commands: [Command]) {
        for command in commands {
            switch command {
            case .status, .results: continue
            default: _ = execute(command, in: .body)
            }
            // A device gives a new SCOMO Download entry its Status and Operations at once.
            if case .atomic = command { SCOMOTree.completeDownloadEntries(in: &device.tree, serverID: serverID) }
            if case .add = command { SCOMOTree.completeDownloadEntries(in: &device.tree, serverID: serverID) }
            if case .sequence = command { SCOMOTree.completeDownloadEntries(in: &device.tree, serverID: serverID) }
        }
    }

    // MARK: Dispatch

    /// Executes one command and appends its replies. Returns the status code.
    mutating func execute(_ command: Command, in container: Container) -> Int {
        interruptLargeObjectIfNeeded(by: command)
        switch command {
        case .add(let c): return itemCommand(c, name: "Add", in: container)
        case .replace(let c): return itemCommand(c, name: "Replace", in: container)
        case .delete(let c):
            var codes: [Int] = []
            for item in c.items {
                codes.append(targetURI(item).map { device.tree.delete($0, serverID: serverID) } ?? 404)
            }
            return finishItems(c, name: "Delete", codes: codes)
        case .copy(let c):
            var codes: [Int] = []
            for item in c.items {
                guard let target = targetURI(item), let sourceText = item.source?.locURI,
                    let source = try? NodeURI(sourceText)
                else {
                    codes.append(404)
                    continue
                }
                codes.append(device.tree.copy(from: source, to: target, serverID: serverID))
            }
            return finishItems(c, name: "Copy", codes: codes)
        case .get(let c):
            if container == .atomic {
                reply(status(c.cmdID, "Get", 500, noResp: c.noResp))
                return 500
            }
            return get(c)
        case .exec(let c):
            if container == .atomic {
                reply(status(c.cmdID, "Exec", 500, noResp: c.noResp))
                return 500
            }
            return exec(c)
        case .alert(let c): return alert(c)
        case .atomic(let c):
            if container == .atomic {
                reply(status(c.cmdID, "Atomic", 500, noResp: c.noResp))
                return 500
            }
            return atomic(c)
        case .sequence(let c): return sequence(c, in: container)
        case .unsupported(let c):
            reply(status(c.cmdID, c.name, 406, noResp: false))
            return 406
        case .status, .results:
            return 200
        }
    }

    // MARK: Add / Replace (with Large Objects)

    private mutating func itemCommand(_ c: ItemCommand, name: String, in container: Container) -> Int {
        if c.items.count == 1, let item = c.items.first, item.moreData || largeObject?.target == item.target?.locURI {
            return largeObjectChunk(c, name: name, item: item)
        }
        var codes: [Int] = []
        for item in c.items { codes.append(apply(name, item: item, commandMeta: c.meta, value: nil)) }
        return finishItems(c, name: name, codes: codes)
    }

    private mutating func apply(_ name: String, item: Item, commandMeta: MetaInfo?, value override: [UInt8]?) -> Int {
        guard let text = item.target?.locURI, let address = try? NodeAddress(text) else { return 404 }
        let formatName = item.meta?.format ?? commandMeta?.format
        let type = item.meta?.type ?? commandMeta?.type
        var value = override ?? item.data.map(Self.bytes) ?? []
        var format = formatName.flatMap(NodeFormat.init(name:))
        if override == nil, format == .b64 {
            guard let decoded = Base64.decode(String(decoding: value, as: UTF8.self)) else { return 415 }
            value = decoded
            format = .bin
        }
        if formatName != nil, format == nil { return 415 }
        if value.count > device.maxObjSize { return 413 }
        if name == "Add" {
            guard address.query == nil else { return 405 }
            if format == nil, item.data == nil, override == nil, type == nil { format = .chr }
            return device.tree.add(
                address.uri, format: format ?? .chr, type: type, value: format == .node ? nil : value,
                serverID: serverID)
        }
        return device.tree.replace(address, format: format, type: type, value: value, serverID: serverID)
    }

    private mutating func largeObjectChunk(_ c: ItemCommand, name: String, item: Item) -> Int {
        let target = item.target?.locURI ?? ""
        if largeObject == nil {
            let size = item.meta?.sizeValue ?? c.meta?.sizeValue
            if let size, size > device.maxObjSize {
                reply(status(c.cmdID, name, 413, noResp: c.noResp, targetRef: target))
                return 413
            }
            largeObject = IncomingLargeObject(
                command: name, target: target, format: item.meta?.format ?? c.meta?.format,
                type: item.meta?.type ?? c.meta?.type, declaredSize: size, bytes: [])
        }
        largeObject?.bytes += item.data.map(Self.bytes) ?? []
        if item.moreData {
            awaitingMoreData = true
            reply(status(c.cmdID, name, 213, noResp: c.noResp, targetRef: target))
            return 213
        }
        guard let object = largeObject else { return 500 }
        largeObject = nil
        var value = object.bytes
        var format = object.format.flatMap(NodeFormat.init(name:))
        let encodedCount = value.count
        if format == .b64 {
            guard let decoded = Base64.decode(String(decoding: value, as: UTF8.self)) else {
                reply(status(c.cmdID, name, 415, noResp: c.noResp, targetRef: target))
                return 415
            }
            value = decoded
            format = .bin
        }
        // The spec leaves open whether Size counts encoded or decoded bytes: accept either.
        if let size = object.declaredSize, size != encodedCount, size != value.count {
            reply(status(c.cmdID, name, 424, noResp: c.noResp, targetRef: target))
            return 424
        }
        var assembled = item
        assembled.meta = MetaInfo(format: format?.rawValue ?? object.format, type: object.type)
        let code = apply(object.command, item: assembled, commandMeta: nil, value: value)
        reply(status(c.cmdID, name, code, noResp: c.noResp, targetRef: target))
        return code
    }

    private mutating func interruptLargeObjectIfNeeded(by command: Command) {
        guard let object = largeObject else { return }
        switch command {
        case .add(let c), .replace(let c):
            if c.items.count == 1, c.items.first?.target?.locURI == object.target { return }
        case .status, .results:
            return
        default:
            break
        }
        largeObject = nil
        alerts.append(
            .alert(
                AlertCommand(
                    cmdID: "", data: "1225",
                    items: [Item(target: Location(object.target), source: Location(object.target))])))
    }

    // MARK: Get

    private mutating func get(_ c: ItemCommand) -> Int {
        var codes: [Int] = []
        var results: [Item] = []
        for item in c.items {
            guard let text = item.target?.locURI, let address = try? NodeAddress(text) else {
                codes.append(404)
                continue
            }
            let (code, items) = device.tree.get(address, serverID: serverID)
            codes.append(code)
            for result in items {
                results.append(
                    Item(
                        source: Location(result.uri),
                        meta: MetaInfo(
                            format: result.format == .chr ? nil : (result.format == .bin ? "b64" : result.format.rawValue),
                            type: result.type.flatMap { $0 == "text/plain" ? nil : $0 }),
                        data: result.data.map(Self.content(format: result.format))))
            }
        }
        appendStatuses(c, name: "Get", codes: codes)
        if !results.isEmpty, !c.noResp {
            replies.append(.results(ResultsCommand(cmdID: "", msgRef: msgRef, cmdRef: c.cmdID, items: results)))
        }
        return codes.allSatisfy { $0 == 200 } ? 200 : (codes.first { $0 != 200 } ?? 200)
    }

    // MARK: Exec

    private mutating func exec(_ c: ExecCommand) -> Int {
        guard let item = c.items.first, let text = item.target?.locURI, let uri = try? NodeURI(text) else {
            reply(status(c.cmdID, "Exec", 404, noResp: c.noResp))
            return 404
        }
        let code: Int
        if let node = device.tree.node(uri) {
            if !device.tree.allows(serverID, .exec, on: uri) {
                code = 425
            } else if let action = node.execAction {
                code = accept(action, target: uri.description, correlator: c.correlator, data: item.data?.string)
            } else {
                code = 405
            }
        } else {
            code = 404
        }
        reply(status(c.cmdID, "Exec", code, noResp: c.noResp, targetRef: text))
        return code
    }

    private mutating func accept(_ action: ExecAction, target: String, correlator: String?, data: String?) -> Int {
        if action == .immediate { return 200 }
        if device.pendingOperations.contains(where: { $0.target == target }) { return 500 }
        let operation = PendingOperation(action: action, target: target, correlator: correlator, data: data)
        switch action {
        case .fumoDownload, .fumoDownloadAndUpdate, .fumoUpdate:
            let root = String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
            if let state = device.tree.value("\(root)/State").flatMap(Int.init), state == 30 || state == 60 {
                return 500
            }
            device.tree.setValue("\(root)/State", action == .fumoUpdate ? "60" : "30")
        default:
            break
        }
        device.pendingOperations.append(operation)
        return 202
    }

    // MARK: Alert

    private mutating func alert(_ c: AlertCommand) -> Int {
        let code: Int
        var items: [Item] = []
        switch c.code ?? 0 {
        case 1100...1104:
            var policy = device.uiPolicy
            if device.failures.userRejects { policy.response = .reject }
            (code, items) = UIAlertResponder.respond(to: c, policy: policy)
        case 1222, 1223, 1225:
            code = 200
        default:
            code = 406
        }
        if !c.noResp {
            replies.append(
                .status(
                    StatusCommand(
                        cmdID: "", msgRef: msgRef, cmdRef: c.cmdID, cmd: "Alert", data: String(code), items: items)))
        }
        return code
    }

    // MARK: Atomic and Sequence

    private mutating func atomic(_ c: ContainerCommand) -> Int {
        let snapshot = device
        let statusIndex = replies.count
        reply(status(c.cmdID, "Atomic", 200, noResp: c.noResp))
        var outcomes: [(index: Int, code: Int)] = []
        var failed = false
        for command in c.commands {
            let start = replies.count
            if failed {
                replies.append(contentsOf: Self.skipped(command, msgRef: msgRef))
                continue
            }
            let code = execute(command, in: .atomic)
            outcomes.append((start, code))
            if !(200..<300).contains(code) || code == 213 { failed = true }
        }
        guard failed else { return 200 }
        device = snapshot
        largeObject = nil
        if !c.noResp, case .status(var atomicStatus) = replies[statusIndex] {
            atomicStatus.data = "507"
            replies[statusIndex] = .status(atomicStatus)
        }
        _ = outcomes
        for index in (statusIndex + 1)..<replies.count {
            guard case .status(var inner) = replies[index], let code = inner.code, (200..<300).contains(code),
                code != 215
            else { continue }
            inner.data = "216"
            inner.items = []
            replies[index] = .status(inner)
        }
        replies.removeAll { if case .results = $0 { true } else { false } }
        return 507
    }

    private mutating func sequence(_ c: ContainerCommand, in container: Container) -> Int {
        reply(status(c.cmdID, "Sequence", 200, noResp: c.noResp))
        var skipping = false
        var worst = 200
        for command in c.commands {
            if skipping {
                replies.append(contentsOf: Self.skipped(command, msgRef: msgRef))
                continue
            }
            let code = execute(command, in: container == .atomic ? .atomic : .sequence)
            if case .alert(let alert) = command, (1101...1104).contains(alert.code ?? 0),
                code == 304 || code == 214 || code == 408
            {
                skipping = true
            }
            if !(200..<300).contains(code) { worst = code }
        }
        return container == .atomic ? worst : 200
    }

    /// Status 215 (not executed) for a command and everything inside it.
    static func skipped(_ command: Command, msgRef: String) -> [Command] {
        var result: [Command] = [
            .status(StatusCommand(cmdID: "", msgRef: msgRef, cmdRef: command.cmdID, cmd: command.name, data: "215"))
        ]
        switch command {
        case .atomic(let c), .sequence(let c):
            for inner in c.commands { result += skipped(inner, msgRef: msgRef) }
        default:
            break
        }
        return result
    }

    // MARK: Helpers

    private mutating func finishItems(_ c: ItemCommand, name: String, codes: [Int]) -> Int {
        appendStatuses(c, name: name, codes: codes)
        return codes.first { !(200..<300).contains($0) } ?? codes.first ?? 200
    }

    private mutating func appendStatuses(_ c: ItemCommand, name: String, codes: [Int]) {
        guard !c.noResp else { return }
        if Set(codes).count <= 1 {
            let targets = c.items.count == 1 ? c.items.compactMap { $0.target?.locURI } : []
            replies.append(
                .status(
                    StatusCommand(
                        cmdID: "", msgRef: msgRef, cmdRef: c.cmdID, cmd: name, targetRefs: targets,
                        data: String(codes.first ?? 200))))
            return
        }
        for (item, code) in zip(c.items, codes) {
            replies.append(
                .status(
                    StatusCommand(
                        cmdID: "", msgRef: msgRef, cmdRef: c.cmdID, cmd: name,
                        targetRefs: item.target.map { [$0.locURI] } ?? [], data: String(code))))
        }
    }

    private func targetURI(_ item: Item) -> NodeURI? {
        item.target.flatMap { try? NodeURI($0.locURI) }
    }

    private func status(_ cmdID: String, _ name: String, _ code: Int, noResp: Bool, targetRef: String? = nil)
        -> StatusCommand?
    {
        guard !noResp else { return nil }
        return StatusCommand(
            cmdID: "", msgRef: msgRef, cmdRef: cmdID, cmd: name, targetRefs: targetRef.map { [$0] } ?? [],
            data: String(code))
    }

    private mutating func reply(_ status: StatusCommand?) {
        if let status { replies.append(.status(status)) }
    }

    /// The bytes a Data element carries.
    static func bytes(_ data: DataContent) -> [UInt8] {
        switch data {
        case .text(let text), .markup(let text): Array(text.utf8)
        case .opaque(let bytes): bytes
        }
    }

    /// Data content for a value of a given format (binary values go as base64 text, valid in XML and WBXML).
    static func content(format: NodeFormat) -> ([UInt8]) -> DataContent {
        { bytes in
            format == .bin ? .text(Base64.encode(bytes)) : .text(String(decoding: bytes, as: UTF8.self))
        }
    }
}
