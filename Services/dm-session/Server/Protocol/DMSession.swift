import Contracts
public import Foundation
public import SyncML

/// One DM session as a protocol state machine: it takes a device's message and returns the server's answer and
/// what changed (``SessionEffects``). No I/O: the caller loads the device account and the queue, persists the
/// effects, and sends the bytes.
///
/// What it does per message:
/// - authenticates the device (basic, MD5 digest, HMAC) with a fresh nonce in every challenge, 212 and NextNonce
///   for the next session after MD5/basic, 200 and a NextNonce per message for HMAC; 401/407 with a `Chal` and
///   only Statuses otherwise, ending the session after ``SessionLimits/maxAuthFailures``;
/// - sends the server's credentials in the scheme the device asks for, with the nonce it gave;
/// - answers every command (SyncHdr Status first), matches Statuses and Results to the commands it sent, reassembles
///   incoming Large Objects (213, 424), collects alerts and DevInfo;
/// - fills its message with queued commands up to the device's `MaxMsgSize` and the command limit, leaving `Final`
///   out while more remain (the device asks for them with Alert 1222), and sends an object too large for one
///   message as a Large Object (MoreData, Size on the first chunk);
/// - ends the session when its package holds only Statuses.
///
/// ```swift
/// var session = DMSession(id: "s1", token: "t", deviceID: "IMEI:1", syncMLSessionID: "1", encoding: .xml,
///                         respURI: "http://dm/dm/t", account: account, limits: SessionLimits(), now: .now)
/// let (answer, effects) = session.receive(message, body: bytes, hmacHeader: nil, queue: [], now: .now)
/// ```
public struct DMSession: Sendable {
    /// dm-session's id of the session (in events and the API; not secret).
    public let id: String
    /// The unguessable token in RespURI.
    public let token: String
    /// The device id the session was opened with.
    public let deviceID: String
    /// The SyncHdr SessionID.
    public let syncMLSessionID: String
    /// The encoding of the session.
    public let encoding: SyncMLEncoding
    /// When the first message arrived.
    public let startedAt: Date
    /// When the last message arrived.
    public internal(set) var lastActivity: Date
    /// Where the device posts its next message.
    public let respURI: String
    /// The device's account (nil for a device dm-session does not know).
    public internal(set) var account: DeviceAccount?
    /// Set once the session is over.
    public internal(set) var outcome: SessionOutcome?
    /// Package 1's alert code (1200 or 1201).
    public internal(set) var alertCode: Int?
    /// Messages received.
    public internal(set) var messagesReceived = 0
    /// Commands completed.
    public internal(set) var commandsCompleted = 0

    let limits: SessionLimits
    var nextServerMsgID = 1
    var lastClientMsgID: Int?
    var clientAuthenticated = false
    var authFailures = 0
    var serverAuthenticated = false
    var serverAuthFailures = 0
    var serverAuthScheme: AuthScheme
    var clientMaxMsgSize: Int
    var clientMaxObjSize: Int?
    var inFlight: [String: InFlightCommand] = [:]
    var answeredGets: [String: String] = [:]
    /// Commands the device did not execute because it refused the server's credentials: sent again next.
    var retry: [QueuedCommand] = []
    var pending: [String: PendingCompletion] = [:]
    var pendingOrder: [String] = []
    var outgoingObject: OutgoingLargeObject?
    var incomingObject: IncomingLargeObject?
    /// A Large Object from the device cut short by another object: answered with Alert 1225.
    var interruptedObject: IncomingLargeObject?
    var serverPackageOpen = false
    var cached: CachedResponse?

    /// Creates a session for a device's first message.
    /// - Parameters:
    ///   - id: dm-session's id for it.
    ///   - token: the RespURI token.
    ///   - deviceID: the device id of the first message.
    ///   - syncMLSessionID: its SessionID.
    ///   - encoding: XML or WBXML, as the device posted.
    ///   - respURI: the URI the device posts its next messages to.
    ///   - account: the device's account, or nil when unknown.
    ///   - limits: the limits.
    ///   - now: the time of the first message.
    public init(
        id: String, token: String, deviceID: String, syncMLSessionID: String, encoding: SyncMLEncoding,
        respURI: String, account: DeviceAccount?, limits: SessionLimits, now: Date
    ) {
        self.id = id
        self.token = token
        self.deviceID = deviceID
        self.syncMLSessionID = syncMLSessionID
        self.encoding = encoding
        self.respURI = respURI
        self.account = account
        self.limits = limits
        self.startedAt = now
        self.lastActivity = now
        self.serverAuthScheme = account?.serverAuth ?? .basic
        self.clientMaxMsgSize = limits.defaultClientMaxMessageSize
    }

    /// What to do with a message before ``receive(_:body:hmacHeader:queue:now:makeNonce:)``.
    public enum Admission: Sendable, Hashable {
        /// A new message: receive it.
        case new
        /// The same message again (same MsgID and bytes): send this answer again.
        case retransmission(OutboundMessage)
        /// A MsgID already answered with other bytes, or older: refuse it.
        case stale
    }

    /// Tells a new message from a retransmission.
    /// - Parameters:
    ///   - msgID: the message's MsgID.
    ///   - body: its exact bytes.
    public func admission(msgID: Int, body: [UInt8]) -> Admission {
        guard let last = lastClientMsgID else { return .new }
        if msgID > last { return .new }
        if msgID == last, let cached, cached.requestDigest == SyncMLAuth.md5(body) { return .retransmission(cached.answer) }
        return .stale
    }

    /// True when the session has been idle longer than the idle timeout, or has run longer than allowed.
    public func isExpired(now: Date) -> Bool {
        now.timeIntervalSince(lastActivity) > limits.idleTimeout.seconds
            || now.timeIntervalSince(startedAt) > limits.maxSessionDuration.seconds
    }

    /// Ends the session from outside (timeout, replacement): commands without a status go back to the queue.
    public mutating func end(_ outcome: SessionOutcome) -> SessionEffects {
        var effects = SessionEffects()
        guard self.outcome == nil else { return effects }
        finish(outcome, effects: &effects)
        return effects
    }

    /// Receives one message from the device (not a retransmission; see ``admission(msgID:body:)``).
    ///
    /// - Parameters:
    ///   - message: the decoded message.
    ///   - body: its exact bytes (HMAC covers them).
    ///   - hmacHeader: the `x-syncml-hmac` header, if any.
    ///   - queue: the device's queued commands, highest priority first (a few more than fit in one message).
    ///   - now: the time.
    ///   - makeNonce: makes a fresh base64 nonce.
    /// - Returns: the answer and what changed.
    public mutating func receive(
        _ message: SyncMLMessage, body: [UInt8], hmacHeader: String?, queue: [QueuedCommand], now: Date,
        makeNonce: () -> String = { Nonce.generateBase64() }
    ) -> (OutboundMessage, SessionEffects) {
        var effects = SessionEffects()
        messagesReceived += 1
        if messagesReceived == 1 { effects.sessionStarted = true }
        lastActivity = now
        lastClientMsgID = Int(message.header.msgID.trimmingASCIIWhitespace()) ?? (lastClientMsgID ?? 0) + 1
        if let size = message.header.meta?.maxMsgSizeValue, size > 0 { clientMaxMsgSize = size }
        if let size = message.header.meta?.maxObjSizeValue, size > 0 { clientMaxObjSize = size }
        var reply = ReplyBuilder(request: message)
        // Package 1's alert says who started the session even when its credentials are refused (the session row,
        // its `started` event and the wake-up it answers are written with this first message).
        if alertCode == nil {
            for case .alert(let alert) in message.body
            where alert.code == AlertCode.serverInitiatedManagement.rawValue
                || alert.code == AlertCode.clientInitiatedManagement.rawValue
            {
                alertCode = alert.code
                break
            }
        }

        // A session already over answers with Statuses only, and runs nothing. A device that never authenticated
        // in it (the session ended on failed credentials) is still refused: 401 without a Chal, so it must open a
        // new session rather than read success into the answer.
        if outcome != nil {
            let code = clientAuthenticated ? StatusCode.ok.rawValue : StatusCode.invalidCredentials.rawValue
            reply.headerStatus(code)
            reply.answerAll(message.body, with: code)
            return (seal(reply, final: true, request: message, body: body), effects)
        }
        if now.timeIntervalSince(startedAt) > limits.maxSessionDuration.seconds {
            reply.headerStatus(200)
            reply.answerAll(message.body, with: 200)
            reply.append(.alert(AlertCommand(cmdID: reply.takeCmdID(), data: String(AlertCode.sessionAbort.rawValue))))
            finish(.durationExceeded, effects: &effects)
            return (seal(reply, final: true, request: message, body: body), effects)
        }

        // Authentication of the device.
        guard authenticate(message, body: body, hmacHeader: hmacHeader, reply: &reply, effects: &effects, makeNonce: makeNonce)
        else {
            return (seal(reply, final: true, request: message, body: body), effects)
        }

        // The device's commands.
        var signals = ClientSignals()
        for command in message.body {
            receiveCommand(command, request: message, reply: &reply, signals: &signals, effects: &effects)
        }
        completePending(packageClosed: message.isFinal || signals.aborted, effects: &effects)

        if signals.aborted {
            finish(.aborted, effects: &effects)
            return (seal(reply, final: true, request: message, body: body), effects)
        }
        if serverAuthFailures >= limits.maxAuthFailures {
            reply.append(.alert(AlertCommand(cmdID: reply.takeCmdID(), data: String(AlertCode.sessionAbort.rawValue))))
            finish(.authenticationFailed, effects: &effects)
            return (seal(reply, final: true, request: message, body: body), effects)
        }
        // The device's package goes on: answer with a "next message" response.
        if !message.isFinal && !signals.nextMessageRequested {
            reply.append(.alert(AlertCommand(cmdID: reply.takeCmdID(), data: String(AlertCode.nextMessage.rawValue))))
            return (seal(reply, final: false, request: message, body: body), effects)
        }
        let sentCommands = fillCommands(into: &reply, request: message, queue: queue, effects: &effects)
        let final = outgoingObject == nil && !sentCommands.moreRemaining
        if final && sentCommands.count == 0 {
            finish(.completed, effects: &effects)
        }
        return (seal(reply, final: final, request: message, body: body), effects)
    }

    /// Ends the session: commands with a status complete, the others go back to the queue.
    mutating func finish(_ outcome: SessionOutcome, effects: inout SessionEffects) {
        self.outcome = outcome
        effects.sessionEnded = outcome
        completePending(packageClosed: true, effects: &effects)
        for commandID in pendingOrder where pending[commandID] != nil {
            effects.requeued.append(commandID)
        }
        effects.requeued.append(contentsOf: retry.map(\.id))
        retry = []
        pending = [:]
        pendingOrder = []
        inFlight = [:]
        outgoingObject = nil
        incomingObject = nil
    }

    /// Encodes the answer, adds the server's HMAC, and remembers it for a retransmission.
    mutating func seal(_ reply: ReplyBuilder, final: Bool, request: SyncMLMessage, body: [UInt8]) -> OutboundMessage {
        let message = reply.message(
            header: responseHeader(for: request), final: final)
        let bytes = message.encoded(as: encoding)
        var hmac: String?
        if let account, serverAuthScheme == .hmac {
            hmac = ServerAuthentication.hmacHeader(account: account, body: bytes)
        }
        let answer = OutboundMessage(body: bytes, hmacHeader: hmac, message: message)
        cached = CachedResponse(requestDigest: SyncMLAuth.md5(body), answer: answer)
        serverPackageOpen = !final
        nextServerMsgID += 1
        return answer
    }

    /// The SyncHdr of the server's next message.
    func responseHeader(for request: SyncMLMessage) -> SyncHeader {
        var cred: Credential?
        var sourceName: String?
        if let account, !serverAuthenticated, let credential = ServerAuthentication.credential(serverAuthScheme, account: account) {
            cred = credential
            sourceName = account.serverName
        }
        return SyncHeader(
            verDTD: request.header.verDTD, verProto: request.header.verProto, sessionID: syncMLSessionID,
            msgID: String(nextServerMsgID), target: Location(request.header.source.locURI),
            source: Location(request.header.target.locURI, name: sourceName), respURI: outcome == nil ? respURI : nil,
            cred: cred,
            meta: MetaInfo(maxMsgSize: String(limits.maxMessageSize), maxObjSize: String(limits.maxObjectSize)))
    }
}

/// The last answer, for a retransmitted message.
struct CachedResponse: Sendable {
    var requestDigest: [UInt8]
    var answer: OutboundMessage
}

/// What the device's commands asked for.
struct ClientSignals {
    var nextMessageRequested = false
    var aborted = false
}

/// A command's outcome while its Statuses and Results arrive.
struct PendingCompletion: Sendable {
    var spec: SessionCommandSpec
    var status: Int?
    var results: [SessionValueItem] = []
    var statuses: [SessionItemStatus] = []
    var innerRemaining: Int
}
