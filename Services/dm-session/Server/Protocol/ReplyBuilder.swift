import SyncML

/// The body of the server's answer as it is assembled: the SyncHdr Status first, then a Status per device
/// command in order, then the server's own commands; CmdIDs numbered from 1.
struct ReplyBuilder {
    let request: SyncMLMessage
    private(set) var body: [Command] = []
    private(set) var nextCmdID = 1

    init(request: SyncMLMessage) {
        self.request = request
    }

    mutating func takeCmdID() -> String {
        defer { nextCmdID += 1 }
        return String(nextCmdID)
    }

    /// Takes CmdIDs a builder used.
    mutating func advanceCmdID(to next: Int) {
        nextCmdID = max(nextCmdID, next)
    }

    /// The Status answering the SyncHdr (always the first command).
    mutating func headerStatus(_ code: Int, chal: Challenge? = nil) {
        let header = request.header
        body.append(
            .status(
                StatusCommand(
                    cmdID: takeCmdID(), msgRef: header.msgID, cmdRef: "0", cmd: "SyncHdr",
                    targetRefs: [header.target.locURI], sourceRefs: [header.source.locURI], chal: chal,
                    data: String(code))))
    }

    /// A Status answering one of the device's commands.
    mutating func status(for command: Command, code: Int, items: [Item] = []) {
        let targets = command.items.compactMap { $0.target?.locURI }
        let sources = command.items.compactMap { $0.source?.locURI }
        body.append(
            .status(
                StatusCommand(
                    cmdID: takeCmdID(), msgRef: request.header.msgID, cmdRef: command.cmdID, cmd: command.name,
                    targetRefs: targets.count == 1 ? targets : [], sourceRefs: sources.count == 1 ? sources : [],
                    data: String(code), items: items)))
    }

    /// A Status with `code` for every command that is answered (all but Status and Results).
    mutating func answerAll(_ commands: [Command], with code: Int) {
        for command in commands {
            switch command {
            case .status, .results: continue
            default: status(for: command, code: code)
            }
        }
    }

    mutating func append(_ command: Command) {
        body.append(command)
    }

    mutating func append(contentsOf commands: [Command]) {
        body.append(contentsOf: commands)
    }

    mutating func removeLast(_ count: Int) {
        body.removeLast(count)
    }

    func message(header: SyncHeader, final: Bool) -> SyncMLMessage {
        SyncMLMessage(version: request.version, header: header, body: body, isFinal: final)
    }
}
