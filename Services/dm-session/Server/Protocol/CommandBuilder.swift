import Contracts
import SyncML

/// Where a sent command's Status goes: the queued command and, inside an Atomic or Sequence, the position.
struct InFlightCommand: Sendable, Hashable {
    var commandID: String
    /// The element name (`Get`, `Atomic`, ...).
    var name: String
    /// Position inside the container; nil for the top-level command.
    var index: Int?
    /// For a Large Object chunk: false while more chunks follow.
    var isLastChunk: Bool = true
}

/// Turns queued command specs into SyncML commands, numbering CmdIDs as it goes.
struct CommandBuilder {
    /// The next CmdID of the message.
    var nextCmdID: Int
    /// The message's MsgID.
    let msgID: Int
    /// Every command built, by "msgID#cmdID".
    var inFlight: [String: InFlightCommand] = [:]

    static func key(msgID: String, cmdID: String) -> String { "\(msgID)#\(cmdID)" }

    mutating func takeCmdID() -> String {
        defer { nextCmdID += 1 }
        return String(nextCmdID)
    }

    /// Builds the command for a spec; nil when the spec cannot be a command (the status to complete it with).
    mutating func build(_ spec: SessionCommandSpec, commandID: String, index: Int? = nil) -> Result<Command, CommandRejection> {
        let cmdID = takeCmdID()
        let items = spec.items.map(Self.item)
        let command: Command
        switch spec.kind {
        case .get: command = .get(ItemCommand(cmdID: cmdID, items: items))
        case .replace: command = .replace(ItemCommand(cmdID: cmdID, items: items))
        case .add: command = .add(ItemCommand(cmdID: cmdID, items: items))
        case .delete: command = .delete(ItemCommand(cmdID: cmdID, items: items))
        case .copy: command = .copy(ItemCommand(cmdID: cmdID, items: items))
        case .exec: command = .exec(ExecCommand(cmdID: cmdID, correlator: spec.correlator, items: items))
        case .alert:
            guard let code = spec.alertCode else { return .failure(CommandRejection(status: 400)) }
            command = .alert(AlertCommand(cmdID: cmdID, data: String(code), items: spec.items.map { Item(data: $0.data.map(DataContent.text)) }))
        case .atomic, .sequence:
            var inner: [Command] = []
            for (position, child) in (spec.commands ?? []).enumerated() {
                switch build(child, commandID: commandID, index: position) {
                case .success(let built): inner.append(built)
                case .failure(let rejection): return .failure(rejection)
                }
            }
            let container = ContainerCommand(cmdID: cmdID, commands: inner)
            command = spec.kind == .atomic ? .atomic(container) : .sequence(container)
        }
        inFlight[Self.key(msgID: String(msgID), cmdID: cmdID)] = InFlightCommand(
            commandID: commandID, name: command.name, index: index)
        return .success(command)
    }

    /// The SyncML item of a spec item (Meta only when Format or Type is given).
    static func item(_ spec: SessionCommandItem) -> Item {
        let meta = spec.format != nil || spec.type != nil ? MetaInfo(format: spec.format, type: spec.type) : nil
        return Item(
            target: spec.target.map { Location($0) }, source: spec.source.map { Location($0) }, meta: meta,
            data: spec.data.map(DataContent.text))
    }
}

/// Why a queued command cannot be sent: it completes with this status without reaching the device.
struct CommandRejection: Error, Hashable {
    var status: Int
}

extension SessionCommandSpec {
    /// The number of commands it makes, nested ones included.
    var commandCount: Int {
        1 + (commands ?? []).reduce(0) { $0 + $1.commandCount }
    }

    /// True when the device may answer with Results (a Get, or a container with one).
    var expectsResults: Bool {
        kind == .get || (commands ?? []).contains { $0.expectsResults }
    }
}
