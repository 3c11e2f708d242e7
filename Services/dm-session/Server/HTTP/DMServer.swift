public import Foundation
import GRDB
import Contracts
import CoreMetrics
import ServiceKit
import Synchronization
public import Logging
public import SyncML

/// The DM endpoint without HTTP: takes a posted body with its content type, HMAC header and path token, and
/// returns the HTTP answer. It finds or opens the session, serialises its messages, loads the device and queue,
/// runs the ``DMSession`` state machine and persists the effects (a read per message, and a write transaction that
/// the messages of concurrent sessions share: ``GroupCommit``).
public final class DMServer: Sendable {
    /// The store.
    public let store: SessionStore
    /// The configuration.
    public let configuration: DMSessionConfiguration
    let registry = SessionRegistry()
    /// The per-message persistence: concurrent sessions' messages share write transactions.
    let commits: GroupCommit
    let logger: Logger
    let clock: @Sendable () -> Date
    let makeNonce: @Sendable () -> String
    let metrics: SessionMetrics?

    /// Creates the endpoint.
    /// - Parameters:
    ///   - store: the store (migrated).
    ///   - configuration: paths and limits.
    ///   - logger: the logger.
    ///   - clock: the time (tests move it).
    ///   - makeNonce: fresh base64 nonces.
    ///   - metrics: where to count messages and sessions (none in most tests).
    public init(
        store: SessionStore, configuration: DMSessionConfiguration, logger: Logger,
        clock: @escaping @Sendable () -> Date = { Date() },
        makeNonce: @escaping @Sendable () -> String = { Nonce.generateBase64() },
        metrics: SessionMetrics? = nil
    ) {
        self.metrics = metrics
        self.store = store
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
        self.makeNonce = makeNonce
        commits = GroupCommit(writer: store.writer)
    }

    /// An HTTP answer.
    public struct Answer: Sendable {
        /// The HTTP status code.
        public var status: Int
        /// The content type.
        public var contentType: String
        /// The body.
        public var body: [UInt8]
        /// The `x-syncml-hmac` header, if any.
        public var hmacHeader: String?

        static func error(_ status: Int, _ text: String) -> Answer {
            Answer(status: status, contentType: "text/plain; charset=utf-8", body: Array((text + "\n").utf8))
        }
    }

    /// The number of sessions in memory.
    public var liveSessionCount: Int { registry.count }

    /// Handles one POST.
    /// - Parameters:
    ///   - body: the exact body.
    ///   - contentType: the Content-Type header.
    ///   - hmacHeader: the `x-syncml-hmac` header.
    ///   - path: the DM path it was posted to (without the token).
    ///   - token: the session token from the path, if any.
    ///   - baseURL: scheme and authority for RespURI (`http://host:8080`).
    public func handle(
        body: [UInt8], contentType: String?, hmacHeader: String?, path: String, token: String?, baseURL: String
    ) async -> Answer {
        guard let contentType, let (encoding, mediaType) = SyncMLEncoding.named(byContentType: contentType) else {
            return .error(415, "use application/vnd.syncml.dm+xml or application/vnd.syncml.dm+wbxml")
        }
        guard body.count <= configuration.limits.maxMessageSize else { return .error(413, "message too large") }
        let limits = DecodeLimits(
            maxMessageBytes: configuration.limits.maxMessageSize,
            maxCommands: configuration.limits.maxIncomingCommands)
        let message: SyncMLMessage
        do {
            message = try encoding == .xml ? SyncMLMessage(xml: body, limits: limits) : SyncMLMessage(wbxml: body, limits: limits)
        } catch {
            if error.kind == .limitExceeded { return .error(413, "\(error)") }
            return .error(400, "undecodable SyncML: \(error)")
        }
        let deviceID = message.header.source.locURI
        let sessionID = message.header.sessionID
        guard !deviceID.isEmpty else { return .error(400, "SyncHdr Source/LocURI is empty") }
        guard let msgID = Int(message.header.msgID.trimmingASCIIWhitespace()), msgID > 0 else {
            return .error(400, "SyncHdr MsgID is not a positive number")
        }

        let live: LiveSession
        if let token {
            guard let found = registry.session(token: token) else { return .error(404, "no such session") }
            live = found
        } else if let current = registry.session(deviceID: deviceID), current.syncMLSessionID == sessionID, msgID > 1 {
            // A device that ignores RespURI and posts every message to the DM path.
            live = current
        } else {
            do {
                live = try await openSession(message: message, encoding: encoding, path: path, baseURL: baseURL)
            } catch {
                logger.error("session store failed", metadata: ["error": "\(error)"])
                return .error(503, "store unavailable")
            }
        }
        guard live.syncMLSessionID == sessionID, live.deviceID == deviceID else {
            return .error(400, "SessionID or device does not belong to this session")
        }
        let started = ContinuousClock.now
        let answer = await live.lock.withLock {
            await receive(message, msgID: msgID, body: body, hmacHeader: hmacHeader, mediaType: mediaType, live: live)
        }
        if let metrics {
            let elapsed = ContinuousClock.now - started
            metrics.duration.recordNanoseconds(
                elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        }
        return answer
    }

    /// Opens a session for a device's first message (ending its previous one, if any).
    func openSession(message: SyncMLMessage, encoding: SyncMLEncoding, path: String, baseURL: String) async throws
        -> LiveSession
    {
        let deviceID = message.header.source.locURI
        let store = self.store
        let queueLimit = configuration.limits.maxCommandsPerMessage + 1
        let (account, queue) = try store.readNow { db in
            let account = try store.account(deviceID, in: db)
            return (account, account == nil ? nil : try store.queued(deviceID, limit: queueLimit, in: db))
        }
        let token = Self.makeToken()
        let session = DMSession(
            id: MessageID.random(), token: token, deviceID: deviceID,
            syncMLSessionID: message.header.sessionID, encoding: encoding,
            respURI: "\(configuration.publicURL ?? baseURL)\(path)/\(token)", account: account,
            limits: configuration.limits, now: clock())
        let live = LiveSession(session, openingQueue: queue)
        if let previous = registry.insert(live) {
            // Ending it puts its unanswered commands back in the queue: the first message reads the queue again.
            live.openingQueue.withLock { $0 = nil }
            await end(previous, outcome: .replaced)
        }
        return live
    }

    /// Receives a message of a session whose lock the caller holds.
    func receive(
        _ message: SyncMLMessage, msgID: Int, body: [UInt8], hmacHeader: String?, mediaType: String, live: LiveSession
    ) async -> Answer {
        var session = live.state
        switch session.admission(msgID: msgID, body: body) {
        case .retransmission(let cached):
            metrics?.retransmitted.increment()
            return Answer(status: 200, contentType: mediaType, body: cached.body, hmacHeader: cached.hmacHeader)
        case .stale:
            metrics?.rejected.increment()
            return .error(400, "MsgID \(msgID) was already answered")
        case .new:
            break
        }
        let store = self.store
        let deviceID = session.deviceID
        let queueLimit = configuration.limits.maxCommandsPerMessage + 1
        do {
            // The queue matters only when the answer may carry commands: the device's package is closed or it
            // asks for the next message.
            let asksForCommands =
                message.isFinal || message.body.contains { if case .alert(let alert) = $0 { alert.code == 1222 } else { false } }
            let openingQueue = live.openingQueue.withLock { queue in defer { queue = nil }; return queue }
            let queue =
                session.account == nil || session.outcome != nil || !asksForCommands
                ? [] : try openingQueue ?? store.readNow { db in try store.queued(deviceID, limit: queueLimit, in: db) }
            let now = clock()
            let (answer, effects) = session.receive(
                message, body: body, hmacHeader: hmacHeader, queue: queue, now: now, makeNonce: makeNonce)
            let snapshot = session
            // Every message changes the session's row (its message count) at least.
            try await commits.write { db in try store.persist(effects, session: snapshot, now: now, in: db) }
            live.state = session
            metrics?.answered.increment()
            metrics?.record(effects)
            return Answer(status: 200, contentType: mediaType, body: answer.body, hmacHeader: answer.hmacHeader)
        } catch {
            logger.error("session store failed", metadata: ["error": "\(error)", "dm.session.id": "\(session.id)"])
            return .error(503, "store unavailable")
        }
    }

    /// Ends a session from outside (timeout, replacement) and forgets it.
    func end(_ live: LiveSession, outcome: SessionOutcome) async {
        await live.lock.withLock {
            var session = live.state
            let effects = session.end(outcome)
            let store = self.store
            let now = clock()
            let snapshot = session
            if !effects.isEmpty {
                do {
                    try await commits.write { db in try store.persist(effects, session: snapshot, now: now, in: db) }
                            metrics?.record(effects)
                } catch {
                    logger.error("session store failed", metadata: ["error": "\(error)"])
                }
            }
            live.state = session
        }
        registry.remove(live)
    }

    /// Ends sessions idle longer than the idle timeout (or older than the maximum duration) and forgets ended
    /// ones after the idle timeout (they answer retransmissions until then).
    public func sweep() async {
        let now = clock()
        for live in registry.all {
            let session = live.state
            if session.outcome != nil {
                if now.timeIntervalSince(session.lastActivity) > configuration.limits.idleTimeout.seconds {
                    registry.remove(live)
                }
            } else if session.isExpired(now: now) {
                let overran = now.timeIntervalSince(session.startedAt) > configuration.limits.maxSessionDuration.seconds
                await end(live, outcome: overran ? .durationExceeded : .timedOut)
            }
        }
    }

    /// 32 hex characters from 16 random bytes.
    static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for pair in 0..<2 {
                let word = generator.next()
                for index in 0..<16 {
                    buffer[pair * 16 + index] = digits[Int((word >> (UInt64(index) * 4)) & 0xF)]
                }
            }
            return 32
        }
    }
}

extension DMServer {
    /// A DM server on a fresh in-memory database with its migrations applied: for tests and for running dm-session
    /// inside another process (dm-devsim's end-to-end tests). Nothing sweeps its idle sessions: call ``sweep()``.
    ///
    /// ```swift
    /// let server = try await DMServer.inMemory()
    /// let dm = try SessionApplication.makeDMApplication(server: server, logger: logger) { channel in
    ///     port = channel.localAddress?.port      // the DM port (configuration port 0: any free one)
    /// }
    /// ```
    /// - Parameters:
    ///   - configuration: paths and limits; port 0 by default.
    ///   - logger: the logger (quiet by default).
    public static func inMemory(
        configuration: DMSessionConfiguration = DMSessionConfiguration(port: 0),
        logger: Logger = Logger(label: "dm-session", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> DMServer {
        var serviceStore = try ServiceStore.inMemory()
        SessionSchema.register(in: &serviceStore.migrator)
        try await serviceStore.migrate()
        let store = SessionStore(writer: serviceStore.writer, eventSource: "dm-session")
        return DMServer(store: store, configuration: configuration, logger: logger)
    }
}
