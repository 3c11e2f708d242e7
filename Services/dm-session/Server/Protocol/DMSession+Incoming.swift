import Contracts
import SyncML

extension DMSession {
    /// Handles one of the device's commands: answers it (except Status and successful Results) and records what
    /// it means.
    mutating func receiveCommand(
        _ command: Command, request: SyncMLMessage, reply: inout ReplyBuilder, signals: inout ClientSignals,
        effects: inout SessionEffects
    ) {
        switch command {
        case .status(let status):
            if status.cmdRef.trimmingASCIIWhitespace() == "0" && status.cmd == "SyncHdr" {
                receiveServerAuthentication(status, effects: &effects)
            } else {
                receiveStatus(status, effects: &effects)
            }
        case .results(let results):
            receiveResults(results, command: command, reply: &reply)
        case .alert(let alert):
            reply.status(for: command, code: StatusCode.ok.rawValue)
            switch alert.code {
            case AlertCode.serverInitiatedManagement.rawValue, AlertCode.clientInitiatedManagement.rawValue:
                alertCode = alertCode ?? alert.code
            case AlertCode.nextMessage.rawValue:
                signals.nextMessageRequested = true
            case AlertCode.sessionAbort.rawValue:
                signals.aborted = true
            default:
                effects.alerts.append(
                    AlertReceived(
                        deviceID: deviceID, sessionID: id, code: alert.code ?? 0, correlator: alert.correlator,
                        items: alert.items.map(Self.alertItem)))
            }
        case .replace(let replace):
            var code = StatusCode.ok.rawValue
            for item in replace.items {
                switch absorb(item, commandName: "Replace") {
                case .buffered: code = StatusCode.chunkedItemAccepted.rawValue
                case .failed(let failure): code = failure
                case .complete(let whole):
                    if let uri = whole.source?.locURI ?? whole.target?.locURI {
                        let meta = whole.meta ?? replace.meta
                        effects.treeWrites.append(
                            TreeWrite(uri: uri, value: Self.text(of: whole), format: Self.format(of: whole, meta: meta), type: meta?.type))
                    }
                }
            }
            reply.status(for: command, code: code)
            noteInterruptedObject(reply: &reply)
        case .unsupported:
            reply.status(for: command, code: StatusCode.optionalFeatureNotSupported.rawValue)
        case .add, .atomic, .copy, .delete, .exec, .get, .sequence:
            // A DM client sends only Status, Results, Alert and Replace.
            reply.status(for: command, code: StatusCode.commandNotAllowed.rawValue)
        }
    }

    /// A Status for one of the server's commands.
    mutating func receiveStatus(_ status: StatusCommand, effects: inout SessionEffects) {
        let msgRef = status.msgRef?.trimmingASCIIWhitespace() ?? String(nextServerMsgID - 1)
        let key = CommandBuilder.key(msgID: msgRef, cmdID: status.cmdRef.trimmingASCIIWhitespace())
        guard let entry = inFlight.removeValue(forKey: key), var completion = pending[entry.commandID] else { return }
        if entry.name == "Get" { answeredGets[key] = entry.commandID }
        let code = status.code ?? StatusCode.commandFailed.rawValue
        if !entry.isLastChunk {
            guard code != StatusCode.chunkedItemAccepted.rawValue else { return }
            // The device refused a chunk: the object is abandoned with its status.
            outgoingObject = nil
            completion.status = code
            pending[entry.commandID] = completion
            return
        }
        if code == StatusCode.invalidCredentials.rawValue || code == StatusCode.missingCredentials.rawValue,
            !serverAuthenticated, entry.index == nil
        {
            // Not executed because the device did not accept the server's credentials: send it again.
            pending[entry.commandID] = nil
            pendingOrder.removeAll { $0 == entry.commandID }
            retry.append(QueuedCommand(id: entry.commandID, spec: completion.spec))
            return
        }
        let answers = status.items.map { Self.valueItem($0, uri: nil) }
        if let index = entry.index {
            completion.statuses.append(
                SessionItemStatus(command: entry.name, index: index, status: code, items: answers.isEmpty ? nil : answers))
            completion.innerRemaining -= 1
        } else {
            completion.status = code
            completion.results.append(contentsOf: answers)
            learnContainerSupport(completion.spec.kind, status: code, effects: &effects)
        }
        pending[entry.commandID] = completion
    }

    /// A device's Status for an Atomic or Sequence tells whether it supports them: 406 (optional feature not
    /// supported) says no, any status of an executed container (2xx, 507 Atomic failed, 516...) says yes.
    mutating func learnContainerSupport(_ kind: SessionCommandSpec.Kind, status: Int, effects: inout SessionEffects) {
        guard kind == .atomic || kind == .sequence, var known = account else { return }
        guard status != StatusCode.invalidCredentials.rawValue, status != StatusCode.missingCredentials.rawValue else {
            return
        }
        let supported = status != StatusCode.optionalFeatureNotSupported.rawValue
        if kind == .atomic {
            guard known.supportsAtomic != supported else { return }
            known.supportsAtomic = supported
        } else {
            guard known.supportsSequence != supported else { return }
            known.supportsSequence = supported
        }
        account = known
        effects.containerSupport[kind] = supported
    }

    /// Results for one of the server's Gets.
    mutating func receiveResults(_ results: ResultsCommand, command: Command, reply: inout ReplyBuilder) {
        let msgRef = results.msgRef?.trimmingASCIIWhitespace() ?? String(nextServerMsgID - 1)
        let key = CommandBuilder.key(msgID: msgRef, cmdID: results.cmdRef.trimmingASCIIWhitespace())
        var failure: Int?
        var buffered = false
        var values: [SessionValueItem] = []
        for item in results.items {
            switch absorb(item, commandName: "Results") {
            case .buffered: buffered = true
            case .failed(let code): failure = code
            case .complete(let whole):
                let meta = whole.meta ?? results.meta
                values.append(
                    SessionValueItem(
                        uri: whole.source?.locURI ?? whole.target?.locURI, format: Self.format(of: whole, meta: meta),
                        type: meta?.type, data: Self.text(of: whole)))
            }
        }
        // Results are matched to the Get by their references; the Status for it may have come before.
        let inner = inFlightResultsOwner(key)
        if let commandID = inner, var completion = pending[commandID] {
            completion.results.append(contentsOf: values)
            if let failure { completion.status = failure }
            pending[commandID] = completion
        }
        if let failure {
            reply.status(for: command, code: failure)
        } else if buffered {
            reply.status(for: command, code: StatusCode.chunkedItemAccepted.rawValue)
        }
        noteInterruptedObject(reply: &reply)
    }

    /// Alert 1225 (no end of data) for an object the device left unfinished, naming its node.
    mutating func noteInterruptedObject(reply: inout ReplyBuilder) {
        guard let object = interruptedObject else { return }
        interruptedObject = nil
        let uri = String(object.key.split(separator: " ", maxSplits: 1).last ?? "")
        reply.append(
            .alert(
                AlertCommand(
                    cmdID: reply.takeCmdID(), data: String(AlertCode.noEndOfData.rawValue),
                    items: [Item(target: Location(uri), source: Location(uri))])))
    }

    /// The queued command a Results answers: the Get may still be in flight or already have its Status.
    func inFlightResultsOwner(_ key: String) -> String? {
        if let entry = inFlight[key] { return entry.commandID }
        return answeredGets[key]
    }

    /// Completes every command that has all it waits for; when the device's package is closed, every command
    /// with a status.
    mutating func completePending(packageClosed: Bool, effects: inout SessionEffects) {
        var remaining: [String] = []
        for commandID in pendingOrder {
            guard let completion = pending[commandID] else { continue }
            guard let status = completion.status else {
                remaining.append(commandID)
                continue
            }
            let waitingForInner = completion.innerRemaining > 0
            let waitingForResults =
                completion.spec.expectsResults && completion.results.isEmpty && (200..<300).contains(status)
            if !packageClosed && (waitingForInner || waitingForResults) {
                remaining.append(commandID)
                continue
            }
            // The chunks of an object still going out keep their command open.
            if let object = outgoingObject, object.commandID == commandID {
                remaining.append(commandID)
                continue
            }
            pending[commandID] = nil
            commandsCompleted += 1
            effects.completions.append(
                CommandCompletion(
                    commandID: commandID, kind: completion.spec.kind, status: status, results: completion.results,
                    statuses: completion.statuses, correlator: completion.spec.correlator))
            effects.treeWrites.append(contentsOf: Self.treeWrites(for: completion, status: status))
        }
        pendingOrder = remaining
        if packageClosed { answeredGets = [:] }
    }

    /// What a completed command tells about the device's tree.
    static func treeWrites(for completion: PendingCompletion, status: Int) -> [TreeWrite] {
        var writes: [TreeWrite] = []
        func apply(_ spec: SessionCommandSpec, _ code: Int) {
            guard (200..<300).contains(code) else { return }
            switch spec.kind {
            case .replace, .add:
                for item in spec.items {
                    guard let uri = item.target, let data = item.data else { continue }
                    writes.append(TreeWrite(uri: uri, value: data, format: item.format, type: item.type))
                }
            case .delete:
                for item in spec.items {
                    guard let uri = item.target else { continue }
                    writes.append(TreeWrite(uri: uri, value: nil, format: nil, type: nil, deleted: true))
                }
            default:
                break
            }
        }
        switch completion.spec.kind {
        case .atomic, .sequence:
            let children = completion.spec.commands ?? []
            if completion.spec.kind == .sequence || (200..<300).contains(status) {
                for inner in completion.statuses where inner.index < children.count {
                    apply(children[inner.index], inner.status)
                }
            }
        default:
            apply(completion.spec, status)
        }
        for result in completion.results {
            guard let uri = result.uri else { continue }
            writes.append(TreeWrite(uri: uri, value: result.data, format: result.format, type: result.type))
        }
        return writes
    }

    static func alertItem(_ item: Item) -> AlertItem {
        AlertItem(
            source: item.source?.locURI, target: item.target?.locURI, type: item.meta?.type, format: item.meta?.format,
            mark: item.meta?.mark, data: text(of: item))
    }

    static func valueItem(_ item: Item, uri: String?) -> SessionValueItem {
        SessionValueItem(
            uri: uri ?? item.source?.locURI ?? item.target?.locURI, format: item.meta?.format, type: item.meta?.type,
            data: text(of: item))
    }

    /// An item's Data as text: text and markup as they are, binary as base64.
    static func text(of item: Item) -> String? {
        guard let data = item.data else { return nil }
        switch data {
        case .text(let text), .markup(let text): return text
        case .opaque(let bytes): return String(validating: bytes, as: UTF8.self) ?? Base64.encode(bytes)
        }
    }

    /// An item's Format; `b64` for binary that ``text(of:)`` encoded.
    static func format(of item: Item, meta: MetaInfo?) -> String? {
        if case .opaque(let bytes)? = item.data, String(validating: bytes, as: UTF8.self) == nil { return "b64" }
        return meta?.format
    }
}
