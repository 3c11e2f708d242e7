import Foundation
import GRDB
import Testing

/// Issue 4's kill test: a sender process sends 10,000 commands to a receiver process that applies each to its
/// SQLite and publishes an event for it through dm-bus; the receiver is killed with SIGKILL three times and the
/// sender once, at seeded moments, and restarted. At the end every command is applied exactly once and the
/// subscriber process has seen every event, in order, after replay.
@Suite(.serialized) struct BusKillTests {
    static let commandCount = 10_000

    @Test func everyCommandAppliedExactlyOnceAndEveryEventSeenInOrder() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bus-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ports = freePorts(3)
        let xsub = "tcp://127.0.0.1:\(ports[0])", xpub = "tcp://127.0.0.1:\(ports[1])", router = "tcp://127.0.0.1:\(ports[2])"
        let receiverDB = directory.appendingPathComponent("receiver.sqlite").path
        let senderDB = directory.appendingPathComponent("sender.sqlite").path
        let subscriberDB = directory.appendingPathComponent("subscriber.sqlite").path

        let bus = try ChildProcess(
            "dm-bus", [], environment: ["DM_BUS_XSUB": xsub, "DM_BUS_XPUB": xpub, "DM_BUS_STATS_INTERVAL": "0", "DM_BUS_ADMIN_PORT": "0"],
            logDirectory: directory, label: "dm-bus")
        func startReceiver() throws -> ChildProcess {
            try ChildProcess(
                "bus-test-peer", ["receiver", "--db", receiverDB, "--router", router, "--xsub", xsub],
                logDirectory: directory, label: "receiver")
        }
        func startSender() throws -> ChildProcess {
            try ChildProcess(
                "bus-test-peer", ["sender", "--db", senderDB, "--target", router, "--count", String(Self.commandCount)],
                logDirectory: directory, label: "sender")
        }
        var receiver = try startReceiver()
        let subscriber = try ChildProcess(
            "bus-test-peer",
            ["subscriber", "--db", subscriberDB, "--xpub", xpub, "--replay", router, "--until", String(Self.commandCount)],
            logDirectory: directory, label: "subscriber")
        var sender = try startSender()
        defer {
            for process in [sender, receiver, subscriber] { process.kill() }
            bus.terminate()
        }

        // Seeded moments: three receiver kills and one sender kill, spread over the run.
        var generator = SplitMix(seed: 0xB05_4111)
        var plan: [(delay: Duration, victim: String)] = (0..<3).map { _ in
            (.milliseconds(Int.random(in: 300...1500, using: &generator)), "receiver")
        }
        plan.insert((.milliseconds(Int.random(in: 300...1500, using: &generator)), "sender"), at: Int.random(in: 0...3, using: &generator))
        for step in plan {
            try await Task.sleep(for: step.delay)
            if step.victim == "receiver" {
                receiver.kill()
                receiver = try startReceiver()
            } else {
                sender.kill()
                sender = try startSender()
            }
        }

        let senderStatus = await sender.waitForExit(timeout: .seconds(300))
        #expect(senderStatus == 0, "sender: \(sender.log.suffix(2000))")
        let subscriberStatus = await subscriber.waitForExit(timeout: .seconds(120))
        #expect(subscriberStatus == 0, "subscriber: \(subscriber.log.suffix(2000)) receiver: \(receiver.log.suffix(1000))")
        receiver.terminate()

        let applied = try DatabaseQueue(path: receiverDB)
        let (rows, repeated, events) = try await applied.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applied") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applied WHERE count != 1") ?? -1,
                try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM bus_event_outbox") ?? -1
            )
        }
        #expect(rows == Self.commandCount)
        #expect(repeated == 0)
        #expect(events == Self.commandCount)
        let seen = try await DatabaseQueue(path: subscriberDB).read { db in
            try Int.fetchAll(db, sql: "SELECT sequence FROM seen ORDER BY rowid")
        }
        #expect(seen == Array(1...Self.commandCount))
    }
}

/// A small seeded generator so the kill moments repeat.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
