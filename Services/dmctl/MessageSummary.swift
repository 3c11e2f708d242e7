import SyncML

/// What `dmctl syncml inspect` shows of a message: the header, then every command with its items.
struct MessageSummary: Encodable {
    struct Header: Encodable {
        var verDTD: String, verProto: String, sessionID: String, msgID: String
        var target: String, source: String, sourceName: String?, respURI: String?, noResp: Bool
        var credType: String?, credData: String?, maxMsgSize: String?, maxObjSize: String?
    }

    struct ItemSummary: Encodable {
        var target: String?, source: String?, format: String?, type: String?, mark: String?, size: String?
        var moreData: Bool
        var data: String? = nil
        var dataBytes: Int? = nil
        var dataKind: String? = nil
    }

    struct CommandSummary: Encodable {
        var name: String, cmdID: String
        var code: String?, meaning: String?, correlator: String?
        var msgRef: String?, cmdRef: String?, cmd: String?, targetRefs: [String]?, sourceRefs: [String]?
        var challenge: String?, nextNonce: String?, format: String?, type: String?
        var noResp: Bool
        var items: [ItemSummary]
        var commands: [CommandSummary]?
    }

    var version: String, encoding: String, bytes: Int, final: Bool
    var header: Header
    var commands: [CommandSummary]

    init(_ message: SyncMLMessage, encoding: SyncMLEncoding, size: Int) {
        version = message.version.rawValue
        self.encoding = encoding.rawValue
        bytes = size
        final = message.isFinal
        let h = message.header
        header = Header(
            verDTD: h.verDTD, verProto: h.verProto, sessionID: h.sessionID, msgID: h.msgID, target: h.target.locURI,
            source: h.source.locURI, sourceName: h.source.locName, respURI: h.respURI, noResp: h.noResp,
            credType: h.cred?.meta?.type, credData: h.cred?.data, maxMsgSize: h.meta?.maxMsgSize,
            maxObjSize: h.meta?.maxObjSize)
        commands = message.body.map(MessageSummary.summarise)
    }

    private static func summarise(_ command: Command) -> CommandSummary {
        var summary = CommandSummary(
            name: command.name, cmdID: command.cmdID, noResp: false, items: command.items.map(summarise))
        switch command {
        case .add(let c), .copy(let c), .delete(let c), .get(let c), .replace(let c):
            summary.noResp = c.noResp
            summary.format = c.meta?.format
            summary.type = c.meta?.type
        case .alert(let c):
            summary.noResp = c.noResp
            summary.code = c.data
            summary.meaning = c.code.flatMap { AlertCode($0).meaning }
            summary.correlator = c.correlator
        case .exec(let c):
            summary.noResp = c.noResp
            summary.correlator = c.correlator
        case .atomic(let c), .sequence(let c):
            summary.noResp = c.noResp
            summary.commands = c.commands.map(summarise)
        case .results(let c):
            summary.msgRef = c.msgRef
            summary.cmdRef = c.cmdRef
        case .status(let c):
            summary.code = c.data
            summary.meaning = c.code.map { StatusCode($0).meaning }
            summary.msgRef = c.msgRef
            summary.cmdRef = c.cmdRef
            summary.cmd = c.cmd
            summary.targetRefs = c.targetRefs.isEmpty ? nil : c.targetRefs
            summary.sourceRefs = c.sourceRefs.isEmpty ? nil : c.sourceRefs
            summary.challenge = c.chal?.meta.type
            summary.nextNonce = c.chal?.meta.nextNonce
        case .unsupported:
            break
        }
        return summary
    }

    private static func summarise(_ item: Item) -> ItemSummary {
        var summary = ItemSummary(
            target: item.target?.locURI, source: item.source?.locURI, format: item.meta?.format, type: item.meta?.type,
            mark: item.meta?.mark, size: item.meta?.size, moreData: item.moreData)
        if let data = item.data {
            summary.dataBytes = data.byteCount
            switch data {
            case .text(let text): summary.data = text; summary.dataKind = "text"
            case .markup(let markup): summary.data = markup; summary.dataKind = "markup"
            case .opaque(let bytes):
                summary.dataKind = "opaque"
                summary.data = String(validating: bytes, as: UTF8.self) ?? "base64:" + Base64.encode(bytes)
            }
        }
        return summary
    }

    /// The human-readable form.
    var text: String {
        var lines: [String] = []
        lines.append(
            "SyncML \(version) \(encoding.uppercased()), \(bytes) bytes, session \(header.sessionID), message \(header.msgID)"
                + (final ? ", final" : ""))
        lines.append("  from \(header.source)" + (header.sourceName.map { " (\($0))" } ?? "") + " to \(header.target)")
        if let respURI = header.respURI { lines.append("  RespURI \(respURI)") }
        if let credType = header.credType ?? (header.credData != nil ? "cred" : nil) {
            lines.append("  Cred \(credType) \(header.credData ?? "")")
        }
        if header.maxMsgSize != nil || header.maxObjSize != nil {
            lines.append("  MaxMsgSize \(header.maxMsgSize ?? "-") MaxObjSize \(header.maxObjSize ?? "-")")
        }
        for command in commands { append(command, indent: "  ", to: &lines) }
        return lines.joined(separator: "\n")
    }

    private func append(_ command: CommandSummary, indent: String, to lines: inout [String]) {
        var line = "\(indent)\(command.cmdID) \(command.name)"
        if let code = command.code { line += " \(code)" + (command.meaning.map { " (\($0))" } ?? "") }
        if let cmd = command.cmd { line += " for \(cmd) msg \(command.msgRef ?? "-") cmd \(command.cmdRef ?? "-")" }
        else if let cmdRef = command.cmdRef { line += " for msg \(command.msgRef ?? "-") cmd \(cmdRef)" }
        if let correlator = command.correlator { line += " correlator \(correlator)" }
        if let challenge = command.challenge { line += " challenge \(challenge) nonce \(command.nextNonce ?? "-")" }
        if command.noResp { line += " NoResp" }
        lines.append(line)
        for item in command.items {
            var text = "\(indent)    " + (item.target ?? item.source ?? "(no URI)")
            let meta = [item.format, item.type, item.mark, item.size.map { "size \($0)" }].compactMap { $0 }
            if !meta.isEmpty { text += " [\(meta.joined(separator: ", "))]" }
            if let data = item.data {
                let shown = data.count > 60 ? String(data.prefix(57)) + "..." : data
                text += " = \(shown.replacingNewlines())"
                if let bytes = item.dataBytes, data.count > 60 { text += " (\(bytes) bytes)" }
            }
            if item.moreData { text += " MoreData" }
            lines.append(text)
        }
        for child in command.commands ?? [] { append(child, indent: indent + "  ", to: &lines) }
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
