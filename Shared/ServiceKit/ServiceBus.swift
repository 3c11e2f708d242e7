import Bus
public import Contracts
import Foundation
public import GRDB
public import Logging
public import Messaging
public import ServiceLifecycle
import Synchronization

/// A service's place on the bus: its events go out through the outbox relay to dm-bus, its commands come in
/// on its ROUTER (exactly once, through the inbox), and the commands it sends leave through the outbox to the
/// targets' ROUTERs. `system.ping` and `system.replay` are answered here for every service.
///
/// ```swift
/// var store = try ServiceStore.open(configuration: settings)
/// ServiceBus.registerSchema(in: &store.migrator)
/// var host = ServiceHost(configuration: settings, telemetry: telemetry, store: store)
/// var handlers = CommandHandlers()
/// handlers.on(WakeUp.self) { command, _, db in ... }
/// let bus = ServiceBus(host: host, handlers: handlers, sendsTo: ["notify"])
/// host.addService(bus)
///
/// // in a state change:
/// try await store.writer.write { db in
///     try db.execute(sql: "UPDATE ...")
///     try bus.append(SessionEnded(...), subject: deviceID, in: db)   // published after the commit
///     try bus.enqueue(NotifyDeliver(...), to: "notify", in: db)       // sent after the commit, until answered
/// }
/// ```
///
/// Commits that add events or commands wake the relay and the sender through a GRDB observation, so callers
/// never signal them by hand. On graceful shutdown the ROUTER stops taking commands, the events already
/// committed are published, and the sockets close.
public final class ServiceBus: Service, Sendable {
    /// The CloudEvents `source` of this service's events and the name in its commands' `source`.
    public let source: String

    private let identity: ServiceIdentity
    private let configuration: BusConfiguration
    private let writer: any DatabaseWriter
    private let handlers: CommandHandlers
    private let targets: [String]
    private let logger: Logger
    private let running = Mutex<Running?>(nil)
    private let started = StartupGate()

    private struct Running: Sendable {
        var relay: EventRelay
        var sender: CommandSender
        var endpoint: String?
    }

    /// Adds the messaging tables (event outbox, consumer positions, command outbox and inbox) to a store's
    /// migrations; call it before the service's own migrations.
    public static func registerSchema(in migrator: inout DatabaseMigrator) {
        MessagingSchema.register(in: &migrator)
    }

    /// Creates the attachment; nothing connects until the service runs.
    ///
    /// - Parameters:
    ///   - host: The service's host; its store must have ``registerSchema(in:)`` in its migrations.
    ///   - handlers: The service's own commands.
    ///   - sendsTo: The services this one sends commands to (names without `dm-`, keys of the bus configuration's
    ///     command endpoints).
    public convenience init(host: ServiceHost, handlers: CommandHandlers = CommandHandlers(), sendsTo: [String] = []) {
        precondition(host.store != nil, "ServiceBus needs the service's store")
        self.init(
            identity: host.identity, configuration: host.configuration.bus, writer: host.store!.writer,
            handlers: handlers, sendsTo: sendsTo, logger: host.logger)
    }

    /// Creates the attachment from its parts (for tests and tools).
    public init(
        identity: ServiceIdentity, configuration: BusConfiguration, writer: any DatabaseWriter,
        handlers: CommandHandlers = CommandHandlers(), sendsTo: [String] = [], logger: Logger
    ) {
        self.identity = identity
        self.configuration = configuration
        self.writer = writer
        self.handlers = handlers
        self.targets = sendsTo
        self.logger = logger
        self.source =
            identity.instanceID == identity.service
            ? identity.executableName : "\(identity.executableName)-\(identity.instanceID)"
    }

    // MARK: Writing events and commands

    /// Appends an event to the outbox inside the caller's write transaction; it is published after the commit.
    ///
    /// - Returns: The event's sequence number.
    @discardableResult
    public func append<Event: BusEvent>(
        _ event: Event, subject: String? = nil, id: String = MessageID.random(), in db: Database
    ) throws -> Int64 {
        let source = self.source
        return try EventOutbox.append(id: id, type: Event.eventType, in: db) { sequence in
            try CloudEvent(event, source: source, sequence: sequence, subject: subject, id: id).jsonBytes()
        }
    }

    /// Writes a command to the outbox inside the caller's write transaction; it is sent after the commit and
    /// resent with backoff until `target` answers.
    ///
    /// - Returns: The command's id (the receiver deduplicates by it).
    @discardableResult
    public func enqueue<Command: BusCommand>(
        _ command: Command, to target: String, id: String = MessageID.random(), in db: Database
    ) throws -> String {
        let data = String(decoding: try ContractsJSON.encode(command), as: UTF8.self)
        try CommandSender.enqueue(id: id, target: target, name: Command.commandName, data: data, source: source, in: db)
        return id
    }

    /// Waits for the result of a command this service enqueued.
    public func result(of id: String) async throws -> CommandReply {
        try await started.wait()
        guard let sender = running.withLock({ $0?.sender }) else { throw CancellationError() }
        return try await sender.result(of: id)
    }

    /// The ROUTER's endpoint once bound (with the real port when configured with `*`); nil before, or for a
    /// service without one.
    public var commandEndpoint: String? { running.withLock { $0?.endpoint } }

    /// Waits until the sockets are open.
    public func waitUntilStarted() async throws { try await started.wait() }

    // MARK: Running

    public func run() async throws {
        let node = try BusNode(name: identity.executableName)
        do {
            try await runAttached(to: node)
        } catch {
            await node.shutdown()
            throw error
        }
        await node.shutdown()
    }

    private func runAttached(to node: BusNode) async throws {
        let curve = configuration.curve
        let publisher = try await node.publisher(
            connectingTo: configuration.publishEndpoint, security: try clientSecurity(curve, server: "bus"))
        var channels: [String: any CommandChannel] = [:]
        for target in targets {
            guard let endpoint = configuration.commandEndpoint(of: target) else {
                logger.warning("no command endpoint configured", metadata: ["bus.target": .string(target)])
                continue
            }
            channels[target] = try await node.dealer(
                connectingTo: endpoint, routingID: Array("\(source)>\(target)".utf8),
                security: try clientSecurity(curve, server: target))
        }
        var router: CommandRouter?
        if let endpoint = configuration.commandEndpoint {
            let security = try curve.map {
                try CurveServerSecurity(
                    keyPair: CurveKeyPair(publicKey: $0.publicKey, secretKey: $0.secretKey),
                    allowedClientKeys: $0.authorizedClientKeys)
            }
            router = try await node.router(bindingTo: endpoint, security: security)
        }

        let relay = EventRelay(writer: writer, sink: publisher)
        let sender = CommandSender(writer: writer, channels: channels)
        running.withLock { $0 = Running(relay: relay, sender: sender, endpoint: router?.boundEndpoint) }
        let observation = try wakeOnCommit(relay: relay, sender: sender)
        started.open()
        logger.info(
            "bus attached",
            metadata: [
                "bus.publish": .string(configuration.publishEndpoint),
                "bus.commands": .string(router?.boundEndpoint ?? "none"),
                "bus.targets": .string(channels.keys.sorted().joined(separator: ",")),
                "bus.curve": .stringConvertible(curve != nil),
            ])

        let receiver = router.map { router in
            CommandReceiver(writer: writer, endpoint: router) { [handlers, source, identity] command, db in
                switch command.name {
                case SystemPing.commandName:
                    let result = SystemPingResult(
                        service: identity.executableName, instance: identity.instanceID, version: identity.version,
                        uptimeSeconds: identity.uptimeSeconds())
                    return .success(json: String(decoding: try ContractsJSON.encode(result), as: UTF8.self))
                case SystemReplay.commandName:
                    return try ReplayResponder.handle(command, source: source, in: db)
                default:
                    guard let handler = handlers.byName[command.name] else {
                        return .failure(
                            code: CommandFailure.WellKnownCode.unknownCommand.rawValue,
                            message: "\(identity.executableName) does not handle \(command.name)")
                    }
                    return try handler(command, db)
                }
            }
        }

        // Commands first stop arriving; then the relay publishes what is committed and stops.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await relay.run() }
            group.addTask { try await sender.run() }
            if let receiver {
                group.addTask {
                    try await cancelWhenGracefulShutdown { try await receiver.run() }
                }
            }
            group.addTask {
                try? await gracefulShutdown()
            }
            _ = try await group.next()
            group.cancelAll()
            while !group.isEmpty {
                do { _ = try await group.next() } catch is CancellationError {}
            }
        }
        observation.cancel()
        do {
            let published = try await relay.publishPending()
            if published > 0 { logger.info("published the remaining events", metadata: ["bus.events": "\(published)"]) }
        } catch is CancellationError {
            // Cancelled rather than shut down gracefully: what is committed goes out at the next start.
        } catch {
            logger.warning("could not publish the remaining events; they go out at the next start", error: error)
        }
    }

    private func wakeOnCommit(relay: EventRelay, sender: CommandSender) throws -> AnyDatabaseCancellable {
        let observer = OutboxCommitObserver(wakeRelay: { relay.wake() }, wakeSender: { sender.wake() })
        writer.add(transactionObserver: observer, extent: .observerLifetime)
        let writer = self.writer
        return AnyDatabaseCancellable { writer.remove(transactionObserver: observer) }
    }

    private func clientSecurity(_ curve: CurveConfiguration?, server: String) throws -> CurveClientSecurity? {
        guard let curve else { return nil }
        guard let serverKey = curve.serverKeys[server] else {
            throw ServiceKitError.invalidConfiguration(
                key: "bus.curve.server-keys.\(server)", "CurveZMQ is on but the public key of \(server) is missing")
        }
        return try CurveClientSecurity(
            keyPair: CurveKeyPair(publicKey: curve.publicKey, secretKey: curve.secretKey), serverPublicKey: serverKey)
    }
}
