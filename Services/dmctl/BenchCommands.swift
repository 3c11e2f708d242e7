import ArgumentParser
import Bus
import Contracts
import Foundation
import GRDB
import Messaging
import Synchronization

/// `dmctl bench`: load runs of the bus on this machine, in one process on loopback (figures in BENCHMARKS.md).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the bus on this machine (in-process, loopback).",
        subcommands: [BenchEventsCommand.self, BenchCommandsCommand.self])
}

/// Events through a real proxy (libzmq's zmq_proxy_steerable, as in dm-bus): CloudEvents envelopes encoded,
/// published, received and decoded, next to raw frames of the same size in the same run.
struct BenchEventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Events through the proxy: CloudEvents end to end vs raw frames.")

    @Option(help: "Events per pass.") var count = 100_000
    @Option(help: "Passes of each kind (alternating); the best of each is reported.") var passes = 3
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
        guard passes >= 1 else { throw ValidationError("--passes must be at least 1") }
    }

    struct Report: Encodable {
        var count: Int, eventBytes: Int
        var rawPerSecond: Double, cloudEventsPerSecond: Double, ratio: Double
    }

    func run() async throws {
        let unlimited = BusSocketOptions(sendHighWaterMark: 0, receiveHighWaterMark: 0)
        let proxy = try await BusProxy.start(
            BusProxyConfiguration(frontend: "tcp://127.0.0.1:*", backend: "tcp://127.0.0.1:*", options: unlimited))
        let sample = try Self.event(sequence: 1)
        var best = (raw: 0.0, cloud: 0.0)
        for _ in 0..<passes {
            let raw = try await Self.pass(proxy: proxy, count: count, options: unlimited, encode: { _ in sample }, decode: { _ in true })
            let cloud = try await Self.pass(
                proxy: proxy, count: count, options: unlimited,
                encode: { sequence in try Self.event(sequence: Int64(sequence)) },
                decode: { payload in
                    (try? RawCloudEvent(jsonBytes: payload)) != nil
                })
            best = (max(best.raw, raw), max(best.cloud, cloud))
        }
        await proxy.stop()
        let report = Report(
            count: count, eventBytes: sample.count, rawPerSecond: best.raw.rounded(), cloudEventsPerSecond: best.cloud.rounded(),
            ratio: (best.cloud / best.raw * 1000).rounded() / 1000)
        try CommandIO.writeLine(
            json
                ? try CommandIO.json(report)
                : "events through the proxy, \(count) per pass, \(sample.count)-byte events\n"
                    + "  raw frames:          \(Int(report.rawPerSecond)) events/s\n"
                    + "  CloudEvents (encode, publish, receive, decode): \(Int(report.cloudEventsPerSecond)) events/s\n"
                    + "  ratio: \(report.ratio)")
    }

    /// Events per trip to the publisher's socket, as an EventRelay sends a page of its outbox.
    static let pageSize = 256

    /// A realistic event: a completed DM command with its status and a result value.
    static func event(sequence: Int64) throws -> [UInt8] {
        let event = CloudEvent(
            source: "dm-session", type: "dm.session.command.completed", subject: "IMEI:356938035643809",
            sequence: sequence,
            data: JSONValue.object([
                "device": .string("IMEI:356938035643809"), "commandId": .string("7f3a9c1e-5b2d-4e8f-9a6c-1d2e3f4a5b6c"),
                "status": .integer(200), "uri": .string("./DevDetail/FwV"), "value": .string("2.1.0-release"),
            ]))
        return event.jsonBytes()
    }

    /// Publishes `count` events and returns how many per second arrived decoded at the subscriber.
    static func pass(
        proxy: BusProxy, count: Int, options: BusSocketOptions, encode: @escaping @Sendable (Int) throws -> [UInt8],
        decode: @escaping @Sendable ([UInt8]) -> Bool
    ) async throws -> Double {
        let publisherNode = try BusNode(name: "bench-publisher")
        let subscriberNode = try BusNode(name: "bench-subscriber")
        let subscriber = try await subscriberNode.subscriber(
            connectingTo: proxy.backendEndpoint, prefixes: ["dm."], options: options)
        let publisher = try await publisherNode.publisher(connectingTo: proxy.frontendEndpoint, options: options)
        // Wait until the subscription has reached the proxy: probes until one arrives.
        let events = subscriber.events
        let probe: EventFrames? = try await withThrowingTaskGroup(of: EventFrames?.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try await publisher.publish(type: "dm.bench.probe", payload: [0])
                    try await Task.sleep(for: .milliseconds(20))
                }
                return nil
            }
            let first = await events.next()
            group.cancelAll()
            return first
        }
        guard probe != nil else { throw InvalidInput("the subscription never reached the proxy") }
        let clock = ContinuousClock()
        let start = clock.now
        let received = Shared(0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // Pages of the outbox size an EventRelay publishes at a time, one trip to the socket each.
                var sequence = 1
                while sequence <= count {
                    let page = try (sequence...min(count, sequence + Self.pageSize - 1)).map { number in
                        EventFrames(type: "dm.session.command.completed", payload: try encode(number))
                    }
                    sequence += page.count
                    try await publisher.publish(page)
                }
            }
            group.addTask {
                while let event = await events.next() {
                    if event.type == "dm.bench.probe" { continue }
                    guard decode(event.payload) else { continue }
                    if received.update({ value -> Int in
                        value += 1
                        return value
                    }) == count { break }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = clock.now - start
        await publisherNode.shutdown()
        await subscriberNode.shutdown()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(received.update { $0 }) / seconds
    }
}

/// Reliable commands between two nodes over loopback: persisted outbox, persisted exactly-once inbox, result;
/// a closed loop keeps a fixed number in flight and records each command's latency.
struct BenchCommandsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commands", abstract: "Reliable commands (outbox, inbox, result) with N in flight.")

    @Option(help: "Commands to send.") var count = 20_000
    @Option(name: .customLong("in-flight"), help: "Commands kept in flight.") var inFlight = 100
    @Option(
        help: """
            How commands are written to the outbox: 'refill' (one producer replaces completed commands in one \
            transaction, like a campaign wave) or 'per-command' (one transaction per command).
            """)
    var producer: Producer = .refill

    enum Producer: String, ExpressibleByArgument, CaseIterable, Encodable {
        case refill
        case perCommand = "per-command"
    }
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
        guard inFlight >= 1 else { throw ValidationError("--in-flight must be at least 1") }
    }

    struct Report: Encodable {
        var count: Int, inFlight: Int, producer: Producer
        var perSecond: Double, p50Milliseconds: Double, p99Milliseconds: Double, maxMilliseconds: Double
    }

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dmctl-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let receiverDB = try Self.open(directory.appendingPathComponent("receiver.sqlite").path)
        let senderDB = try Self.open(directory.appendingPathComponent("sender.sqlite").path)

        let receiverNode = try BusNode(name: "bench-receiver")
        let senderNode = try BusNode(name: "bench-sender")
        let router = try await receiverNode.router(bindingTo: "tcp://127.0.0.1:*")
        let dealer = try await senderNode.dealer(connectingTo: router.boundEndpoint)
        let receiver = CommandReceiver(writer: receiverDB, endpoint: router) { command, db in
            try db.execute(sql: "INSERT INTO applied (id) VALUES (?)", arguments: [command.id])
            return .success(json: "{}")
        }
        let sender = CommandSender(
            writer: senderDB, channels: ["receiver": dealer], retry: RetryPolicy(initial: .seconds(1), maximum: .seconds(5)),
            maxInFlight: inFlight)
        let latencies = Shared([Double]())
        let next = Shared(0)
        let count = self.count, inFlight = self.inFlight
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { services in
            services.addTask { try await receiver.run() }
            services.addTask { try await sender.run() }
            switch producer {
            case .perCommand:
                // 100 independent producers: each command is its own state change, one transaction each.
                try await withThrowingTaskGroup(of: Void.self) { workers in
                    for _ in 0..<inFlight {
                        workers.addTask {
                            while true {
                                let index = next.update { value -> Int in
                                    value += 1
                                    return value
                                }
                                guard index <= count else { return }
                                let id = "bench-\(index)"
                                let sent = clock.now
                                try await senderDB.write { db in
                                    try CommandSender.enqueue(
                                        id: id, target: "receiver", name: "bench.apply", data: "{}", source: "dmctl", in: db)
                                }
                                sender.wake()
                                _ = try await sender.result(of: id)
                                latencies.update { $0.append(Self.milliseconds(clock.now - sent)) }
                            }
                        }
                    }
                    try await workers.waitForAll()
                }
            case .refill:
                // One producer keeps N in flight: whatever completed since its last look is replaced by new
                // commands written in one transaction (a wave of a campaign).
                let (completions, completed) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
                let finishedCount = Shared(0)
                try await withThrowingTaskGroup(of: Void.self) { waiters in
                    var issued = 0
                    var outstanding = 0
                    func refill(_ slots: Int) async throws {
                        let ids = (0..<min(slots, count - issued)).map { "bench-\(issued + $0 + 1)" }
                        guard !ids.isEmpty else { return }
                        issued += ids.count
                        outstanding += ids.count
                        try await senderDB.write { db in
                            for id in ids {
                                try CommandSender.enqueue(
                                    id: id, target: "receiver", name: "bench.apply", data: "{}", source: "dmctl", in: db)
                            }
                        }
                        sender.wake()
                        let sent = clock.now
                        for id in ids {
                            waiters.addTask {
                                _ = try await sender.result(of: id)
                                latencies.update { $0.append(Self.milliseconds(clock.now - sent)) }
                                finishedCount.update { $0 += 1 }
                                completed.yield()
                            }
                        }
                    }
                    try await refill(inFlight)
                    var iterator = completions.makeAsyncIterator()
                    while outstanding > 0, await iterator.next() != nil {
                        let finished = finishedCount.update { value -> Int in
                            defer { value = 0 }
                            return value
                        }
                        outstanding -= finished
                        try await refill(finished)
                    }
                    completed.finish()
                    try await waiters.waitForAll()
                }
            }
            services.cancelAll()
        }
        let elapsed = clock.now - start
        await senderNode.shutdown()
        await receiverNode.shutdown()
        let applied = try await receiverDB.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applied") ?? 0 }
        guard applied == count else { throw InvalidInput("the receiver applied \(applied) of \(count) commands") }
        let sorted = latencies.update { $0 }.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)]
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let report = Report(
            count: count, inFlight: inFlight, producer: producer, perSecond: (Double(count) / seconds).rounded(),
            p50Milliseconds: (percentile(50) * 100).rounded() / 100, p99Milliseconds: (percentile(99) * 100).rounded() / 100,
            maxMilliseconds: ((sorted.last ?? 0) * 100).rounded() / 100)
        try CommandIO.writeLine(
            json
                ? try CommandIO.json(report)
                : "reliable commands: \(count) with \(inFlight) in flight, producer \(producer.rawValue)\n"
                    + "  \(Int(report.perSecond)) commands/s, latency p50 \(report.p50Milliseconds) ms, p99 \(report.p99Milliseconds) ms, max \(report.maxMilliseconds) ms")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func open(_ path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        MessagingSchema.register(in: &migrator)
        migrator.registerMigration("bench.v1") { db in try db.execute(sql: "CREATE TABLE applied (id TEXT PRIMARY KEY)") }
        try migrator.migrate(pool)
        return pool
    }
}

/// A value shared by the tasks of a load run, behind a lock.
final class Shared<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    /// Runs `body` on the value under the lock.
    func update<R: Sendable>(_ body: (inout Value) -> R) -> R { storage.withLock { body(&$0) } }
}
