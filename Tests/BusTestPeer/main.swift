// bus-test-peer: the processes of the bus kill test (Tests/EndToEndTests/BusKillTests.swift). Not shipped.
//
//   bus-test-peer receiver   --db PATH --router ENDPOINT --xsub ENDPOINT
//   bus-test-peer sender     --db PATH --target ENDPOINT --count N [--id-prefix P]
//   bus-test-peer subscriber --db PATH --xpub ENDPOINT --replay ENDPOINT --until N
//
// The receiver applies `test.apply` commands to its SQLite exactly once and publishes one event per applied
// command through its outbox; the sender sends N commands reliably and exits 0 when every result is in; the
// subscriber follows the receiver's events (replaying gaps) and exits 0 when it has processed N in order.
import Bus
import Contracts
import Foundation
import GRDB
import Messaging

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func required(_ name: String) -> String {
    guard let value = option(name) else {
        FileHandle.standardError.write(Data("bus-test-peer: missing \(name)\n".utf8))
        exit(2)
    }
    return value
}

func openDatabase(_ path: String, extra: (inout DatabaseMigrator) -> Void) throws -> DatabasePool {
    var configuration = Configuration()
    // WAL with synchronous=NORMAL: a commit survives the process being killed (not a power cut).
    configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
    let pool = try DatabasePool(path: path, configuration: configuration)
    var migrator = DatabaseMigrator()
    MessagingSchema.register(in: &migrator)
    extra(&migrator)
    try migrator.migrate(pool)
    return pool
}

struct ApplyData: Decodable {
    struct Body: Decodable { var key: String }
    var data: Body
}

func runReceiver() async throws {
    let started = Date()
    let db = try openDatabase(required("--db")) { migrator in
        migrator.registerMigration("peer.v1") { db in
            try db.execute(sql: "CREATE TABLE applied (key TEXT PRIMARY KEY, count INTEGER NOT NULL)")
        }
    }
    let node = try BusNode(name: "receiver")
    let router = try await node.router(bindingTo: required("--router"))
    let publisher = try await node.publisher(connectingTo: required("--xsub"))
    let relay = EventRelay(writer: db, sink: publisher, pollInterval: .milliseconds(50))
    let receiver = CommandReceiver(writer: db, endpoint: router) { command, db in
        switch command.name {
        case SystemReplay.commandName:
            return try ReplayResponder.handle(command, source: "receiver", in: db)
        case SystemPing.commandName:
            let ping = SystemPingResult(
                service: "bus-test-peer", instance: "receiver", version: "0.1.0",
                uptimeSeconds: Date().timeIntervalSince(started))
            return .success(json: String(decoding: try ContractsJSON.encode(ping), as: UTF8.self))
        case "test.apply":
            let key = try JSONDecoder().decode(ApplyData.self, from: Data(command.envelope)).data.key
            try db.execute(
                sql: "INSERT INTO applied (key, count) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET count = count + 1",
                arguments: [key])
            try EventOutbox.append(id: UUID().uuidString, type: "dm.test.command.applied", in: db) { sequence in
                let event = CloudEvent(
                    id: MessageID.random(), source: "receiver", type: "dm.test.command.applied", time: Date(),
                    subject: key, sequence: sequence, data: JSONValue.object(["key": .string(key)]))
                return Array(try ContractsJSON.encode(event))
            }
            return .success(json: "{}")
        default:
            return .failure(code: CommandFailure.WellKnownCode.unknownCommand.rawValue, message: command.name)
        }
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await relay.run() }
        group.addTask {
            // Publish soon after each burst of commands.
            while !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(20))
                relay.wake()
            }
        }
        group.addTask { try await receiver.run() }
        try await group.next()
        group.cancelAll()
    }
}

func runSender() async throws {
    let count = Int(required("--count")) ?? 0
    let idPrefix = option("--id-prefix") ?? "cmd"
    let db = try openDatabase(required("--db")) { _ in }
    let existing = try await db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bus_command_outbox") ?? 0 }
    if existing == 0 {
        // One transaction: after a kill, either every command is in the outbox or none is.
        try await db.write { db in
            for index in 0..<count {
                try CommandSender.enqueue(
                    id: "\(idPrefix)-\(index)", target: "receiver", name: "test.apply", data: #"{"key":"k\#(index)"}"#,
                    source: "sender", in: db)
            }
        }
    }
    let node = try BusNode(name: "sender")
    let dealer = try await node.dealer(connectingTo: required("--target"))
    let sender = CommandSender(
        writer: db, channels: ["receiver": dealer], retry: RetryPolicy(initial: .milliseconds(200), maximum: .seconds(2)))
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await sender.run() }
        sender.wake()
        while try await sender.pendingCount() > 0 {
            try await Task.sleep(for: .milliseconds(50))
        }
        group.cancelAll()
    }
    print("sender: all \(count) commands have their result")
}

func runSubscriber() async throws {
    let until = Int64(required("--until")) ?? 0
    let db = try openDatabase(required("--db")) { migrator in
        migrator.registerMigration("peer.v1") { db in
            try db.execute(sql: "CREATE TABLE seen (sequence INTEGER NOT NULL)")
        }
    }
    let node = try BusNode(name: "subscriber")
    let subscriber = try await node.subscriber(connectingTo: required("--xpub"), prefixes: ["dm.test."])
    let dealer = try await node.dealer(connectingTo: required("--replay"))
    let requester = CommandRequester(channel: dealer, source: "subscriber")
    let consumer = EventConsumer(writer: db, replaySource: requester) { event, db in
        try db.execute(sql: "INSERT INTO seen (sequence) VALUES (?)", arguments: [event.sequence])
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await requester.run() }
        group.addTask {
            for await event in subscriber.events {
                _ = try? await consumer.consume(payload: event.payload)
            }
        }
        group.addTask {
            // Catch up at start and whenever live events stop: a subscriber misses what was published while it
            // (or the publisher) was down.
            while !Task.isCancelled {
                _ = try? await consumer.catchUp(source: "receiver")
                try await Task.sleep(for: .milliseconds(500))
            }
        }
        while try await consumer.position(of: "receiver") < until {
            try await Task.sleep(for: .milliseconds(50))
        }
        group.cancelAll()
    }
    print("subscriber: processed \(until) events in order")
}

let role = CommandLine.arguments.dropFirst().first ?? ""
do {
    switch role {
    case "receiver": try await runReceiver()
    case "sender": try await runSender()
    case "subscriber": try await runSubscriber()
    default:
        FileHandle.standardError.write(Data("usage: bus-test-peer receiver|sender|subscriber ...\n".utf8))
        exit(2)
    }
    exit(0)
} catch {
    FileHandle.standardError.write(Data("bus-test-peer \(role): \(error)\n".utf8))
    exit(1)
}
