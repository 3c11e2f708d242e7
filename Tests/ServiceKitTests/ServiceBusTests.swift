import Bus
import Contracts
import Foundation
import GRDB
import Logging
import Messaging
import ServiceKit
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

/// A command only these tests know: the receiver records the key in its own table.
private struct RecordKey: BusCommand {
    static let commandName = "test.key.record"
    static let schemaVersion = 1
    static var sample: RecordKey { RecordKey(key: "k") }
    struct Result: BusMessage {
        static let schemaVersion = 1
        static var sample: Result { Result(count: 1) }
        var count: Int
    }
    var key: String
}

/// An event only these tests know.
private struct KeyRecorded: BusEvent {
    static let eventType = "dm.test.key.recorded"
    static let schemaVersion = 1
    static var sample: KeyRecorded { KeyRecorded(key: "k") }
    var key: String
}

/// Each service's bus attachment against a real dm-bus proxy and real sockets on loopback.
@Suite(.serialized) struct ServiceBusTests {
    struct Stack {
        let proxy: BusProxy
        let session: ServiceBus
        let notify: ServiceBus
        let sessionDB: DatabaseQueue
        let notifyDB: DatabaseQueue
        let tasks: [Task<Void, any Error>]

        func stop() async {
            for task in tasks { task.cancel() }
            for task in tasks { _ = await task.result }
            await proxy.stop()
        }
    }

    static func database(extra: (inout DatabaseMigrator) -> Void = { _ in }) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        ServiceBus.registerSchema(in: &migrator)
        extra(&migrator)
        try migrator.migrate(queue)
        return queue
    }

    /// dm-bus, a "notify" that records keys, and a "session" that sends to notify.
    static func start() async throws -> Stack {
        let proxy = try await BusProxy.start(
            BusProxyConfiguration(frontend: "tcp://127.0.0.1:*", backend: "tcp://127.0.0.1:*"))
        let notifyDB = try database { migrator in
            migrator.registerMigration("keys") { db in
                try db.execute(sql: "CREATE TABLE keys (key TEXT PRIMARY KEY, count INTEGER NOT NULL)")
            }
        }
        var handlers = CommandHandlers()
        handlers.on(RecordKey.self) { command, _, db in
            try db.execute(
                sql: "INSERT INTO keys VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET count = count + 1",
                arguments: [command.key])
            return RecordKey.Result(count: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM keys") ?? 0)
        }
        let notify = ServiceBus(
            identity: ServiceIdentity(service: "notify", instanceID: "notify"),
            configuration: BusConfiguration(
                publishEndpoint: proxy.frontendEndpoint, subscribeEndpoint: proxy.backendEndpoint,
                commandEndpoint: "tcp://127.0.0.1:*", commandEndpoints: [:]),
            writer: notifyDB, handlers: handlers, logger: Logger(label: "test.notify"))
        let notifyTask = Task { try await notify.run() }
        try await notify.waitUntilStarted()
        let notifyEndpoint = try #require(notify.commandEndpoint)

        let sessionDB = try database()
        let session = ServiceBus(
            identity: ServiceIdentity(service: "session", instanceID: "session"),
            configuration: BusConfiguration(
                publishEndpoint: proxy.frontendEndpoint, subscribeEndpoint: proxy.backendEndpoint,
                commandEndpoint: "tcp://127.0.0.1:*", commandEndpoints: ["notify": notifyEndpoint]),
            writer: sessionDB, sendsTo: ["notify"], logger: Logger(label: "test.session"))
        let sessionTask = Task { try await session.run() }
        try await session.waitUntilStarted()
        return Stack(
            proxy: proxy, session: session, notify: notify, sessionDB: sessionDB, notifyDB: notifyDB,
            tasks: [sessionTask, notifyTask])
    }

    /// A requester (what dmctl and integrators use) talking to a service's ROUTER.
    static func requester(to endpoint: String, node: BusNode) async throws -> CommandRequester {
        let dealer = try await node.dealer(connectingTo: endpoint)
        return CommandRequester(channel: dealer, source: "test")
    }

    @Test func everyServiceAnswersSystemPingWithItsIdentity() async throws {
        let stack = try await Self.start()
        let node = try BusNode(name: "test")
        let requester = try await Self.requester(to: try #require(stack.notify.commandEndpoint), node: node)
        let run = Task { await requester.run() }
        let reply = try await requester.request(name: SystemPing.commandName, data: "{}", timeout: .seconds(10))
        let result = try ContractsJSON.decode(CommandResult<SystemPingResult>.self, from: Data(reply))
        let ping = try #require(result.data)
        #expect(ping.service == "dm-notify")
        #expect(ping.instance == "notify")
        #expect(ping.version == ServiceIdentity.stackVersion)
        #expect(ping.uptimeSeconds >= 0)
        run.cancel()
        await node.shutdown()
        await stack.stop()
    }

    @Test func anUnknownCommandIsAnsweredWithUnknownCommand() async throws {
        let stack = try await Self.start()
        let node = try BusNode(name: "test")
        let requester = try await Self.requester(to: try #require(stack.notify.commandEndpoint), node: node)
        let run = Task { await requester.run() }
        let reply = try await requester.request(name: "test.nobody.handles", data: "{}", timeout: .seconds(10))
        let result = try ContractsJSON.decode(CommandResult<SystemPingResult>.self, from: Data(reply))
        #expect(result.ok == false)
        #expect(result.error?.code == "unknown_command")
        run.cancel()
        await node.shutdown()
        await stack.stop()
    }

    @Test func badDataIsAnsweredWithInvalidDataAndChangesNothing() async throws {
        let stack = try await Self.start()
        let node = try BusNode(name: "test")
        let requester = try await Self.requester(to: try #require(stack.notify.commandEndpoint), node: node)
        let run = Task { await requester.run() }
        let reply = try await requester.request(name: RecordKey.commandName, data: #"{"kee":1}"#, timeout: .seconds(10))
        let result = try ContractsJSON.decode(CommandResult<SystemPingResult>.self, from: Data(reply))
        #expect(result.error?.code == "invalid_data")
        #expect(result.error?.message.contains("key") == true)
        #expect(try await stack.notifyDB.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM keys") } == 0)
        run.cancel()
        await node.shutdown()
        await stack.stop()
    }

    @Test func aCommandWrittenInATransactionIsSentAfterTheCommitAndHandledOnce() async throws {
        let stack = try await Self.start()
        let id = try await stack.sessionDB.write { db in
            try stack.session.enqueue(RecordKey(key: "device-1"), to: "notify", in: db)
        }
        let reply = try await within("the result") { try await stack.session.result(of: id) }
        #expect(reply.ok)
        let result = try ContractsJSON.decode(CommandResult<RecordKey.Result>.self, from: Data(reply.body))
        #expect(result.data?.count == 1)
        let count = try await stack.notifyDB.read {
            try Int.fetchOne($0, sql: "SELECT count FROM keys WHERE key = 'device-1'")
        }
        #expect(count == 1)
        await stack.stop()
    }

    @Test func anEventWrittenInATransactionIsPublishedAndReplayable() async throws {
        let stack = try await Self.start()
        let node = try BusNode(name: "test")
        let subscriber = try await node.subscriber(
            connectingTo: stack.proxy.backendEndpoint, prefixes: [KeyRecorded.eventType])
        // A subscription takes a moment to reach the publisher through the proxy: publish until one arrives.
        let publishing = Task {
            while !Task.isCancelled {
                _ = try await stack.sessionDB.write { db in
                    try stack.session.append(KeyRecorded(key: "device-1"), subject: "device-1", in: db)
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let received = try await within("an event") { () -> CloudEvent<KeyRecorded> in
            for await event in subscriber.events {
                return try ContractsJSON.decode(CloudEvent<KeyRecorded>.self, from: Data(event.payload))
            }
            throw CancellationError()
        }
        publishing.cancel()
        _ = await publishing.result
        #expect(received.source == "dm-session")
        #expect(received.type == KeyRecorded.eventType)
        #expect(received.subject == "device-1")
        #expect(received.data == KeyRecorded(key: "device-1"))
        #expect(received.sequence >= 1)

        let requester = try await Self.requester(to: try #require(stack.session.commandEndpoint), node: node)
        let run = Task { await requester.run() }
        let page = try await requester.replay(source: "dm-session", from: 1, limit: 10)
        #expect(page.events.count >= 1)
        let first = try ContractsJSON.decode(CloudEvent<KeyRecorded>.self, from: Data(page.events[0]))
        #expect(first.sequence == 1)
        #expect(page.lastSequence == Int64(page.events.count))
        run.cancel()
        await node.shutdown()
        await stack.stop()
    }

    @Test func gracefulShutdownEndsTheAttachmentWithoutAnError() async throws {
        try await testGracefulShutdown { trigger in
            let stack = try await Self.start()
            trigger.triggerGracefulShutdown()
            // Each attachment ends on its own, without being cancelled and without an error.
            for task in stack.tasks {
                try await within("the attachment to end") { try await task.value }
            }
            await stack.proxy.stop()
        }
    }
}

private func within<T: Sendable>(
    _ what: String, limit: Duration = .seconds(10), _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw CommandFailure(code: "timeout", message: "timed out waiting for \(what)")
        }
        return value
    }
}
