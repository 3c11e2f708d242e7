public import SyncML

/// The client side of one DM 1.2 session as a state machine: ``start()`` gives package 1, ``receive(_:)`` takes
/// each server response and gives the next message or the end. It holds the device value and changes it
/// (tree, nonces, pending alerts and operations); it does no I/O, so a test drives it with fixture messages and
/// the ``SessionDriver`` drives it over HTTP.
///
/// ```swift
/// var session = ClientSession(device: device, trigger: .clientInitiated)
/// var step = session.start()
/// while case .send(let message) = step { step = session.receive(try await post(message)) }
/// ```
public struct ClientSession: Sendable {
    /// The device, as the session leaves it.
    public private(set) var device: SimulatedDevice
    public let sessionID: String
    public let trigger: SessionTrigger
    /// How the device treats a server without or with wrong credentials.
    public var serverAuthPolicy: ServerAuthPolicy
    /// Encoding of the device's messages.
    public var encoding: SyncMLEncoding
    /// Messages sent so far.
    public private(set) var messagesSent = 0
    /// Server commands executed so far.
    public private(set) var commandsExecuted = 0

    private var account: DMAccountView?
    private var url: String
    private var msgID = 0
    private var clientAuth: ClientAuthType
    private var clientAuthenticated = false
    private var authAttempts = 0
    private var serverAuthFailures = 0
    private var serverAuthenticated = false
    private var queue: [QueuedCommand] = []
    private var package1: [QueuedCommand] = []
    private var serverMaxMsgSize = 512 * 1024
    private var largeObject: IncomingLargeObject?
    /// Generic Alerts by CmdID of the message that carried them, waiting for the server's Status.
    private var sentAlerts: [String: [String: PendingAlert]] = [:]
    private var finished = false

    private struct QueuedCommand: Sendable {
        var command: Command
        /// A Large Object chunk with MoreData: nothing may follow it in the same message.
        var endsMessage = false
        /// The Generic Alert this command carries, to clear it once the server acknowledges it.
        var alert: PendingAlert?
    }

    /// - Parameters:
    ///   - device: the device (its tree holds the account, secrets and nonces).
    ///   - trigger: client-initiated (1201) or after a notification (1200 with its session ID).
    ///   - serverAuthPolicy: see ``ServerAuthPolicy``.
    ///   - encoding: XML or WBXML; defaults to the device's.
    public init(
        device: SimulatedDevice, trigger: SessionTrigger, serverAuthPolicy: ServerAuthPolicy = .ifPresent,
        encoding: SyncMLEncoding? = nil
    ) {
        var device = device
        self.trigger = trigger
        switch trigger {
        case .clientInitiated: sessionID = device.nextSessionID()
        case .serverInitiated(let id): sessionID = id
        }
        self.device = device
        self.serverAuthPolicy = serverAuthPolicy
        self.encoding = encoding ?? device.encoding
        account = DMAccountView(tree: device.tree)
        url = account?.serverURL ?? ""
        clientAuth = account?.clientAuth ?? .md5
    }

    // MARK: Package 1

    /// Package 1: Alert 1201 or 1200, the DevInfo Replace, and any Generic Alerts the device owes.
    public mutating func start() -> SessionStep {
        guard account != nil else { return finish(.protocolError("the device has no DM account")) }
        let alertCode = if case .serverInitiated = trigger { "1200" } else { "1201" }
        var commands = [QueuedCommand(command: .alert(AlertCommand(cmdID: "", data: alertCode)))]
        let devInfo = ["DevId", "Man", "Mod", "DmV", "Lang"].map { name in
            Item(source: Location("./DevInfo/\(name)"), data: .text(device.tree.value("./DevInfo/\(name)") ?? ""))
        }
        commands.append(QueuedCommand(command: .replace(ItemCommand(cmdID: "", items: devInfo))))
        for alert in device.pendingAlerts {
            commands.append(QueuedCommand(command: Self.genericAlert(alert), alert: alert))
        }
        package1 = commands
        queue = commands
        return .send(nextMessage(headerStatus: nil, requestMore: false))
    }

    static func genericAlert(_ alert: PendingAlert) -> Command {
        .alert(
            AlertCommand(
                cmdID: "", data: "1226", correlator: alert.correlator,
                items: [
                    Item(
                        source: alert.source.map { Location($0) },
                        meta: MetaInfo(format: alert.format, type: alert.type, mark: alert.mark),
                        data: .text(alert.data))
                ]))
    }

    // MARK: Server messages

    /// Takes a server response and returns the next message, or the end of the session.
    public mutating func receive(_ incoming: IncomingMessage) -> SessionStep {
        guard !finished else { return .finished(.protocolError("the session is over")) }
        let message: SyncMLMessage
        do {
            message = try SyncMLMessage(bytes: incoming.body)
        } catch {
            return finish(.protocolError("undecodable server message: \(error)"))
        }
        if let respURI = message.header.respURI, !respURI.isEmpty { url = respURI }
        if let size = message.header.meta?.maxMsgSizeValue, size > 512 { serverMaxMsgSize = size }
        if message.header.sessionID != sessionID {
            return finish(.protocolError("server SessionID \(message.header.sessionID), expected \(sessionID)"))
        }

        // Statuses for what the device sent.
        var resendPackage1 = false
        for case .status(let status) in message.body {
            if status.cmdRef == "0" || status.cmd == "SyncHdr" {
                switch handleHeaderStatus(status) {
                case .ok: break
                case .retry: resendPackage1 = true
                case .fail: return finish(.authenticationFailed)
                }
            } else if status.cmd == "Alert", let msgRef = status.msgRef,
                let alert = sentAlerts[msgRef]?[status.cmdRef], (200..<300).contains(status.code ?? 0)
            {
                device.pendingAlerts.removeAll { $0 == alert }
            }
        }

        // Alert 1223: the server aborts; the client does not answer.
        if message.body.contains(where: { if case .alert(let a) = $0, a.code == 1223 { true } else { false } }) {
            return finish(.abortedByServer)
        }

        let commands = message.body.filter {
            switch $0 {
            case .status, .results: false
            default: true
            }
        }
        let nextMessageOnly =
            !commands.isEmpty
            && commands.allSatisfy { if case .alert(let a) = $0, a.code == 1222 { true } else { false } }

        // The server's own credentials.
        let serverCheck = checkServer(message, incoming: incoming)
        var headerStatus = StatusCommand(
            cmdID: "", msgRef: message.header.msgID, cmdRef: "0", cmd: "SyncHdr",
            targetRefs: [message.header.target.locURI], sourceRefs: [message.header.source.locURI],
            data: String(serverCheck.code))
        headerStatus.chal = serverCheck.challenge

        if resendPackage1 {
            queue = package1
            commitServerNonce(serverCheck)
            return .send(nextMessage(headerStatus: headerStatus, requestMore: false))
        }

        if !serverCheck.accepted {
            serverAuthFailures += 1
            if serverAuthFailures > 2 || commands.isEmpty { return finish(.serverRejected) }
            queue = commands.flatMap { Self.refused($0, code: serverCheck.code, msgRef: message.header.msgID) }.map {
                QueuedCommand(command: $0)
            }
            commitServerNonce(serverCheck)
            return .send(nextMessage(headerStatus: headerStatus, requestMore: false))
        }

        // Execute the server's commands.
        var requestMore = false
        if !commands.isEmpty && !nextMessageOnly {
            var executor = CommandExecutor(
                device: device, serverID: account?.serverID ?? "", msgRef: message.header.msgID,
                largeObject: largeObject)
            executor.execute(message.body)
            device = executor.device
            largeObject = executor.largeObject
            commandsExecuted += commands.count
            queue.append(contentsOf: (executor.replies + executor.alerts).map { QueuedCommand(command: $0) })
            requestMore = executor.awaitingMoreData || !message.isFinal
        } else if commands.isEmpty {
            // Statuses only, without Final: the server's package goes on in its next message.
            requestMore = !message.isFinal
        } else if nextMessageOnly {
            queue.append(
                contentsOf: commands.compactMap {
                    guard case .alert(let alert) = $0, !alert.noResp else { return nil }
                    return QueuedCommand(
                        command: .status(
                            StatusCommand(
                                cmdID: "", msgRef: message.header.msgID, cmdRef: alert.cmdID, cmd: "Alert",
                                data: "200")))
                })
        }

        // Nothing to do and nothing owed: the session is over (a reply of only the SyncHdr Status is not sent).
        if commands.isEmpty && queue.isEmpty && message.isFinal {
            return finish(.completed)
        }
        commitServerNonce(serverCheck)
        return .send(nextMessage(headerStatus: headerStatus, requestMore: requestMore))
    }

    private enum HeaderOutcome { case ok, retry, fail }

    private mutating func handleHeaderStatus(_ status: StatusCommand) -> HeaderOutcome {
        let code = status.code ?? 0
        if let chal = status.chal {
            if let type = chal.meta.type, let scheme = ClientAuthType(metaType: type) { clientAuth = scheme }
            if let nonce = chal.meta.nextNonce, let bytes = Base64.decode(nonce), let account {
                account.storeClientNonce(bytes, in: &device.tree)
                self.account = DMAccountView(tree: device.tree, serverID: account.serverID)
            }
        }
        switch code {
        case 212:
            clientAuthenticated = true
            return .ok
        case 401, 407:
            clientAuthenticated = false
            authAttempts += 1
            return authAttempts > 2 ? .fail : .retry
        default:
            return .ok
        }
    }

    private struct ServerCheck {
        var accepted: Bool
        var code: Int
        var challenge: Challenge?
        /// The new server nonce the Chal carries; stored only when the reply carrying it is sent, or the
        /// server (which never hears of it) and the device would disagree from then on.
        var nextNonce: [UInt8]? = nil
    }

    /// Stores the server nonce a check handed out, now that the message carrying it goes to the server.
    private mutating func commitServerNonce(_ check: ServerCheck) {
        guard let nonce = check.nextNonce, let account else { return }
        account.storeServerNonce(nonce, in: &device.tree)
        self.account = DMAccountView(tree: device.tree, serverID: account.serverID)
    }

    private mutating func checkServer(_ message: SyncMLMessage, incoming: IncomingMessage) -> ServerCheck {
        guard let account else { return ServerCheck(accepted: true, code: 200) }
        let nonceText = Base64.encode(account.serverNonce)
        var verdict: Bool?
        if let header = incoming.hmacHeader, let parsed = HMACHeader(parsing: header) {
            verdict = SyncMLAuth.verifyHMAC(
                parsed, userPasswordDigest: SyncMLAuth.userPasswordDigest(
                    user: account.serverName, password: account.serverSecret),
                nonceBase64: nonceText, body: incoming.body)
        } else if let cred = message.header.cred {
            let type = cred.meta?.type.flatMap(ClientAuthType.init(metaType:)) ?? .basic
            switch type {
            case .basic:
                let parsed = SyncMLAuth.parseBasicCredential(cred.data)
                verdict = parsed?.user == account.serverName && parsed?.password == account.serverSecret
            case .md5:
                verdict = SyncMLAuth.verifyMD5Credential(
                    cred.data, user: account.serverName, password: account.serverSecret, nonceBase64: nonceText)
            case .hmac:
                verdict = false
            }
        } else if account.serverAuth == .hmac && serverAuthPolicy == .required {
            verdict = false
        }
        switch verdict {
        case true?:
            serverAuthenticated = true
            let nonce = Nonce.generate()
            let chal = Challenge(
                meta: MetaInfo(format: "b64", type: account.serverAuth.metaType, nextNonce: Base64.encode(nonce)))
            return ServerCheck(
                accepted: true, code: account.serverAuth == .hmac ? 200 : 212, challenge: chal, nextNonce: nonce)
        case false?:
            let (chal, nonce) = challengeForServer(account)
            return ServerCheck(accepted: false, code: 401, challenge: chal, nextNonce: nonce)
        case nil:
            if serverAuthPolicy == .required && !serverAuthenticated {
                let (chal, nonce) = challengeForServer(account)
                return ServerCheck(accepted: false, code: 407, challenge: chal, nextNonce: nonce)
            }
            return ServerCheck(accepted: true, code: 200)
        }
    }

    private func challengeForServer(_ account: DMAccountView) -> (Challenge, [UInt8]) {
        let nonce = Nonce.generate()
        return (
            Challenge(meta: MetaInfo(format: "b64", type: account.serverAuth.metaType, nextNonce: Base64.encode(nonce))),
            nonce
        )
    }

    /// Statuses refusing a command (and everything inside it) with `code`.
    static func refused(_ command: Command, code: Int, msgRef: String) -> [Command] {
        var result: [Command] = [
            .status(
                StatusCommand(
                    cmdID: "", msgRef: msgRef, cmdRef: command.cmdID, cmd: command.name, data: String(code)))
        ]
        if case .atomic(let c) = command { for inner in c.commands { result += refused(inner, code: code, msgRef: msgRef) } }
        if case .sequence(let c) = command { for inner in c.commands { result += refused(inner, code: code, msgRef: msgRef) } }
        return result
    }

    // MARK: Building messages

    private mutating func nextMessage(headerStatus: StatusCommand?, requestMore: Bool) -> OutgoingMessage {
        msgID += 1
        let msgIDText = String(msgID)
        var header = SyncHeader(
            sessionID: sessionID, msgID: msgIDText, target: Location(account?.serverURL ?? url),
            source: Location(device.deviceID, name: account?.clientName),
            meta: MetaInfo(maxMsgSize: String(device.maxMsgSize), maxObjSize: String(device.maxObjSize)))
        let secret = device.failures.badCredentials ? (account?.clientSecret ?? "") + "-wrong" : account?.clientSecret ?? ""
        if let account, !clientAuthenticated {
            switch clientAuth {
            case .basic:
                header.cred = Credential(
                    meta: MetaInfo(format: "b64", type: ClientAuthType.basic.metaType),
                    data: SyncMLAuth.basicCredential(user: account.clientName, password: secret))
            case .md5:
                header.cred = Credential(
                    meta: MetaInfo(format: "b64", type: ClientAuthType.md5.metaType),
                    data: SyncMLAuth.md5Credential(user: account.clientName, password: secret, nonce: account.clientNonce))
            case .hmac:
                break
            }
        }

        var body: [Command] = []
        var nextID = 1
        func numbered(_ command: Command) -> Command {
            defer { nextID += 1 }
            return Self.renumber(command, id: nextID)
        }
        if let headerStatus { body.append(numbered(.status(headerStatus))) }
        let budget = max(1024, serverMaxMsgSize - 512)
        var sentAlertsHere: [String: PendingAlert] = [:]
        var endedOnChunk = false
        // Fast path: everything queued fits in one message (no chunk, no Results over the budget).
        let allFit: Bool = {
            guard !queue.contains(where: { $0.endsMessage }) else { return false }
            var probe = body
            var id = nextID
            for entry in queue {
                probe.append(Self.renumber(entry.command, id: id))
                id += 1
            }
            return SyncMLMessage(header: header, body: probe, isFinal: false).encoded(as: encoding).count <= budget
        }()
        if allFit {
            for entry in queue {
                let candidate = numbered(entry.command)
                body.append(candidate)
                if let alert = entry.alert { sentAlertsHere[candidate.cmdID] = alert }
            }
            queue.removeAll()
        }
        let emptySize = SyncMLMessage(header: header, body: [], isFinal: false).encoded(as: encoding).count
        var size = SyncMLMessage(header: header, body: body).encoded(as: encoding).count
        while !queue.isEmpty {
            var entry = queue[0]
            if case .results(let results) = entry.command, let chunks = Self.chunked(results, limit: budget - size - 256)
            {
                queue.removeFirst()
                queue.insert(contentsOf: chunks.map { QueuedCommand(command: .results($0.0), endsMessage: $0.1) }, at: 0)
                entry = queue[0]
            }
            let candidate = numbered(entry.command)
            let added = SyncMLMessage(header: header, body: [candidate], isFinal: false).encoded(as: encoding).count
                - emptySize
            if size + added > budget && body.count > (headerStatus == nil ? 0 : 1) {
                nextID -= 1
                break
            }
            body.append(candidate)
            size += added
            queue.removeFirst()
            if let alert = entry.alert { sentAlertsHere[candidate.cmdID] = alert }
            if entry.endsMessage {
                endedOnChunk = true
                break
            }
        }
        if !sentAlertsHere.isEmpty { sentAlerts[msgIDText] = sentAlertsHere }
        if requestMore && queue.isEmpty && !endedOnChunk {
            body.append(numbered(.alert(AlertCommand(cmdID: "", data: "1222"))))
        }
        let isFinal = queue.isEmpty && !requestMore && !endedOnChunk
        let message = SyncMLMessage(header: header, body: body, isFinal: isFinal)
        let bytes = message.encoded(as: encoding)
        var hmac: String?
        if let account, clientAuth == .hmac {
            let mac = SyncMLAuth.hmac(user: account.clientName, password: secret, nonce: account.clientNonce, body: bytes)
            hmac = HMACHeader(username: account.clientName, mac: mac).value
        }
        messagesSent += 1
        return OutgoingMessage(url: url, message: message, body: bytes, contentType: encoding.contentType, hmacHeader: hmac)
    }

    /// A Results too big for one message, split into chunks (one Item each; all but the last with MoreData, the
    /// first with Meta Size = the total Data length). Nil when it fits.
    static func chunked(_ results: ResultsCommand, limit: Int) -> [(ResultsCommand, Bool)]? {
        let limit = max(256, limit) / 4 * 4
        guard results.items.contains(where: { ($0.data?.byteCount ?? 0) > limit }) else { return nil }
        var output: [(ResultsCommand, Bool)] = []
        for item in results.items {
            guard let data = item.data, data.byteCount > limit else {
                var single = results
                single.items = [item]
                output.append((single, false))
                continue
            }
            let bytes = CommandExecutor.bytes(data)
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + limit, bytes.count)
                var chunk = item
                chunk.data = .text(String(decoding: bytes[offset..<end], as: UTF8.self))
                chunk.moreData = end < bytes.count
                var meta = item.meta ?? MetaInfo()
                meta.size = offset == 0 ? String(bytes.count) : nil
                chunk.meta = meta
                var single = results
                single.items = [chunk]
                output.append((single, chunk.moreData))
                offset = end
            }
        }
        return output
    }

    /// The command with its CmdID (and those nested in it) numbered from `id`.
    static func renumber(_ command: Command, id: Int) -> Command {
        let mine = String(id)
        switch command {
        case .status(var c): c.cmdID = mine; return .status(c)
        case .results(var c): c.cmdID = mine; return .results(c)
        case .alert(var c): c.cmdID = mine; return .alert(c)
        case .replace(var c): c.cmdID = mine; return .replace(c)
        case .add(var c): c.cmdID = mine; return .add(c)
        default: return command
        }
    }

    private mutating func finish(_ outcome: SessionOutcome) -> SessionStep {
        finished = true
        return .finished(outcome)
    }
}
