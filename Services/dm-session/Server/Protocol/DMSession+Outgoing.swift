import Contracts
import SyncML

/// How many commands a message carries and whether more wait.
struct SentCommands {
    var count = 0
    var moreRemaining = false
}

extension DMSession {
    /// Room kept free in every message for what size estimates miss.
    static let sizeMargin = 24

    /// Adds the server's commands to the reply: the next chunk of a Large Object in progress, or queued commands
    /// while they fit in the device's `MaxMsgSize` and the command limit.
    mutating func fillCommands(
        into reply: inout ReplyBuilder, request: SyncMLMessage, queue: [QueuedCommand], effects: inout SessionEffects
    ) -> SentCommands {
        if outgoingObject == nil, retry.isEmpty, queue.isEmpty { return SentCommands() }
        let header = responseHeader(for: request)
        if outgoingObject == nil, let sent = fillWhole(into: &reply, header: header, queue: queue, effects: &effects) {
            return sent
        }
        let encoding = self.encoding
        let budget = clientMaxMsgSize - Self.sizeMargin
        var used = reply.message(header: header, final: true).encoded(as: encoding).count
        let emptySize = SyncMLMessage(version: request.version, header: header, body: [], isFinal: true)
            .encoded(as: encoding).count
        func size(of command: Command) -> Int {
            SyncMLMessage(version: request.version, header: header, body: [command], isFinal: true)
                .encoded(as: encoding).count - emptySize
        }
        var sent = SentCommands()
        let msgID = String(nextServerMsgID)

        if outgoingObject != nil {
            sendChunk(into: &reply, msgID: msgID, room: budget - used, size: size(of:), effects: &effects)
            sent.count = 1
            sent.moreRemaining = outgoingObject != nil || !queue.isEmpty
            return sent
        }

        let retried = retry
        let queue = retried + queue.filter { queued in !retried.contains { $0.id == queued.id } }
        retry = []
        defer {
            // Commands to send again that did not fit wait for the next message.
            let taken = Set(effects.pickedCommands)
            retry = retried.filter { !taken.contains($0.id) }
        }
        var added: [(commandID: String, command: Command, builder: CommandBuilder)] = []
        var commandCount = 0
        for queued in queue {
            if commandCount + queued.spec.commandCount > limits.maxCommandsPerMessage {
                sent.moreRemaining = true
                break
            }
            if account?.unsupportedContainer(in: queued.spec) != nil {
                // The device answered 406 to this kind before: not sent, completed with the device's answer.
                rejectLocally(queued, status: StatusCode.optionalFeatureNotSupported.rawValue, effects: &effects)
                continue
            }
            var builder = CommandBuilder(nextCmdID: reply.nextCmdID, msgID: nextServerMsgID)
            let command: Command
            switch builder.build(queued.spec, commandID: queued.id) {
            case .failure(let rejection):
                rejectLocally(queued, status: rejection.status, effects: &effects)
                continue
            case .success(let built):
                command = built
            }
            let commandSize = size(of: command)
            if used + commandSize <= budget {
                adopt(queued, builder: builder, effects: &effects)
                reply.append(command)
                reply.advanceCmdID(to: builder.nextCmdID)
                added.append((queued.id, command, builder))
                used += commandSize
                commandCount += queued.spec.commandCount
                continue
            }
            guard added.isEmpty else {
                sent.moreRemaining = true
                break
            }
            // Alone it does not fit: a Large Object if it can be one, else it cannot be sent.
            guard let object = largeObject(for: queued) else {
                rejectLocally(queued, status: StatusCode.requestEntityTooLarge.rawValue, effects: &effects)
                continue
            }
            if let maxObject = clientMaxObjSize, object.payload.count <= maxObject {
                outgoingObject = object
                effects.pickedCommands.append(queued.id)
                pending[queued.id] = PendingCompletion(spec: queued.spec, innerRemaining: 0)
                pendingOrder.append(queued.id)
                sendChunk(into: &reply, msgID: msgID, room: budget - used, size: size(of:), effects: &effects)
                sent.count = 1
                sent.moreRemaining = true
                return sent
            }
            // Larger than the device accepts, or the device announced no MaxObjSize (no Large Object support).
            rejectLocally(queued, status: StatusCode.requestEntityTooLarge.rawValue, effects: &effects)
        }
        // The estimate is per command (a WBXML code-page switch between commands can add 2 bytes each); when it
        // comes close to the limit, the whole message decides: drop from the end until it fits.
        let estimateIsSafe = used + 2 * added.count <= budget
        while !estimateIsSafe, added.count > 1,
            reply.message(header: header, final: false).encoded(as: encoding).count > clientMaxMsgSize
        {
            let last = added.removeLast()
            reply.removeLast(1)
            unadopt(last.commandID, builder: last.builder, effects: &effects)
            sent.moreRemaining = true
        }
        sent.count = added.count
        return sent
    }

    /// The common case first: every queued command the command limit allows, and the whole message then fits
    /// the device's `MaxMsgSize` (less ``sizeMargin``). One encoding of the whole message decides it, where the
    /// command-by-command path below encodes a message per command. Returns nil, with nothing changed, when the
    /// message would not fit: the command-by-command path then picks what fits (or a Large Object).
    mutating func fillWhole(
        into reply: inout ReplyBuilder, header: SyncHeader, queue: [QueuedCommand], effects: inout SessionEffects
    ) -> SentCommands? {
        var trial = self
        var trialReply = reply
        var trialEffects = effects
        let retried = retry
        let candidates = retried + queue.filter { queued in !retried.contains { $0.id == queued.id } }
        var sent = SentCommands()
        var commandCount = 0
        for queued in candidates {
            if commandCount + queued.spec.commandCount > limits.maxCommandsPerMessage {
                sent.moreRemaining = true
                break
            }
            if account?.unsupportedContainer(in: queued.spec) != nil {
                trial.rejectLocally(queued, status: StatusCode.optionalFeatureNotSupported.rawValue, effects: &trialEffects)
                continue
            }
            var builder = CommandBuilder(nextCmdID: trialReply.nextCmdID, msgID: nextServerMsgID)
            switch builder.build(queued.spec, commandID: queued.id) {
            case .failure(let rejection):
                trial.rejectLocally(queued, status: rejection.status, effects: &trialEffects)
            case .success(let command):
                trial.adopt(queued, builder: builder, effects: &trialEffects)
                trialReply.append(command)
                trialReply.advanceCmdID(to: builder.nextCmdID)
                sent.count += 1
                commandCount += queued.spec.commandCount
            }
        }
        let size = trialReply.message(header: header, final: true).encoded(as: encoding).count
        guard size <= clientMaxMsgSize - Self.sizeMargin else { return nil }
        let taken = Set(trialEffects.pickedCommands)
        trial.retry = retried.filter { !taken.contains($0.id) }
        self = trial
        reply = trialReply
        effects = trialEffects
        return sent
    }

    /// Takes a queued command into the session.
    mutating func adopt(_ queued: QueuedCommand, builder: CommandBuilder, effects: inout SessionEffects) {
        effects.pickedCommands.append(queued.id)
        inFlight.merge(builder.inFlight) { $1 }
        pending[queued.id] = PendingCompletion(spec: queued.spec, innerRemaining: queued.spec.commandCount - 1)
        pendingOrder.append(queued.id)
    }

    /// Undoes ``adopt(_:builder:effects:)`` for a command dropped from the message.
    mutating func unadopt(_ commandID: String, builder: CommandBuilder, effects: inout SessionEffects) {
        effects.pickedCommands.removeAll { $0 == commandID }
        for key in builder.inFlight.keys { inFlight[key] = nil }
        pending[commandID] = nil
        pendingOrder.removeAll { $0 == commandID }
    }

    /// Completes a command that cannot be sent with the status dm-session chose.
    mutating func rejectLocally(_ queued: QueuedCommand, status: Int, effects: inout SessionEffects) {
        effects.pickedCommands.append(queued.id)
        commandsCompleted += 1
        effects.completions.append(
            CommandCompletion(
                commandID: queued.id, kind: queued.spec.kind, status: status, results: [], statuses: [],
                correlator: queued.spec.correlator))
    }

    /// The Large Object form of a command: an Add or Replace of one item with data.
    func largeObject(for queued: QueuedCommand) -> OutgoingLargeObject? {
        guard queued.spec.kind == .add || queued.spec.kind == .replace, queued.spec.items.count == 1,
            let data = queued.spec.items[0].data
        else { return nil }
        return OutgoingLargeObject(
            commandID: queued.id, kind: queued.spec.kind, item: queued.spec.items[0], payload: Array(data.utf8))
    }

    /// Adds the next chunk of the object in progress, as large as the room allows.
    mutating func sendChunk(
        into reply: inout ReplyBuilder, msgID: String, room: Int, size: (Command) -> Int, effects: inout SessionEffects
    ) {
        guard var object = outgoingObject else { return }
        let cmdID = reply.takeCmdID()
        // The chunk's envelope: the command with no data (Size and MoreData included).
        let envelope = size(object.chunkCommand(cmdID: cmdID, length: 0))
        let length = object.chunkLength(room: room - envelope - 8)
        guard length > 0 else {
            // Not even one byte fits next to the Statuses: give up on the object.
            outgoingObject = nil
            if let completion = pending.removeValue(forKey: object.commandID) {
                pendingOrder.removeAll { $0 == object.commandID }
                rejectLocally(
                    QueuedCommand(id: object.commandID, spec: completion.spec),
                    status: StatusCode.requestEntityTooLarge.rawValue, effects: &effects)
            }
            return
        }
        reply.append(object.chunkCommand(cmdID: cmdID, length: length))
        object.offset += length
        let isLast = object.offset >= object.payload.count
        inFlight[CommandBuilder.key(msgID: msgID, cmdID: cmdID)] = InFlightCommand(
            commandID: object.commandID, name: object.kind == .add ? "Add" : "Replace", index: nil, isLastChunk: isLast)
        outgoingObject = isLast ? nil : object
    }
}
