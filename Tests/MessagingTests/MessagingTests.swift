import Foundation
import GRDB
import Messaging
import Testing

/// Reliable messaging on real SQLite (in-memory GRDB queues) over the in-memory transport.
@Suite struct MessagingTests {
    static func database(extra: ((inout DatabaseMigrator) -> Void)? = nil) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        MessagingSchema.register(in: &migrator)
        migrator.registerMigration("test.v1") { db in
            try db.execute(sql: "CREATE TABLE applied (key TEXT PRIMARY KEY, count INTEGER NOT NULL)")
        }
        extra?(&migrator)
        try migrator.migrate(queue)
        return queue
    }

    static func event(source: String, sequence: Int64, type: String = "dm.test.thing.happened") -> [UInt8] {
        Array(
            #"{"specversion":"1.0","id":"\#(source)-\#(sequence)","source":"\#(source)","type":"\#(type)","time":"2026-11-23T10:00:00Z","sequence":\#(sequence),"data":{"n":\#(sequence)}}"#
                .utf8)
    }

    @Test func outboxNumbersEventsAndTheRelayPublishesThemInOrder() async throws {
        let db = try Self.database()
        try await db.write { db in
            for n in 1...5 {
                let sequence = try EventOutbox.append(id: "e\(n)", type: "dm.test.thing.happened", in: db) { sequence in
                    Self.event(source: "pub", sequence: sequence)
                }
                #expect(sequence == Int64(n))
            }
        }
        let sink = RecordingSink()
        let relay = EventRelay(writer: db, sink: sink)
        #expect(try await relay.publishPending() == 5)
        #expect(try await relay.publishPending() == 0)
        #expect(sink.events.map(\.type) == Array(repeating: "dm.test.thing.happened", count: 5))
        #expect(sink.events.map(\.payload) == (1...5).map { Self.event(source: "pub", sequence: Int64($0)) })
        let replayed = try await db.read { db in try EventOutbox.replay(from: 3, limit: 10, in: db) }
        #expect(replayed.map(\.sequence) == [3, 4, 5])
    }

    @Test func theRelayPositionCarriesOverFromPublishedFlagsAndBoundsPruning() async throws {
        // A database written before messaging.v2: five events, the first three marked published.
        let db = try DatabaseQueue()
        var migrator = DatabaseMigrator()
        MessagingSchema.register(in: &migrator)
        try migrator.migrate(db, upTo: "messaging.v1")
        try await db.write { db in
            for n in 1...5 {
                try db.execute(
                    sql: "INSERT INTO bus_event_outbox (sequence, id, type, payload, created_at, published) VALUES (?, ?, 't', x'7b7d', 0, ?)",
                    arguments: [n, "e\(n)", n <= 3])
            }
        }
        try migrator.migrate(db)
        #expect(try await db.read { db in try EventOutbox.publishedThrough(in: db) } == 3)
        #expect(try await db.read { db in try EventOutbox.unpublished(limit: 10, in: db) }.map(\.sequence) == [4, 5])
        // Pruning removes published events only.
        try await db.write { db in try EventOutbox.prune(olderThan: 0, in: db) }
        #expect(try await db.read { db in try Int64.fetchAll(db, sql: "SELECT sequence FROM bus_event_outbox") } == [4, 5])
        // Publishing moves the position, never back.
        let relay = EventRelay(writer: db, sink: RecordingSink())
        #expect(try await relay.publishPending() == 2)
        try await db.write { db in try EventOutbox.markPublished(through: 1, in: db) }
        #expect(try await db.read { db in try EventOutbox.publishedThrough(in: db) } == 5)
        // The newest event stays: the sequence continues from it.
        try await db.write { db in try EventOutbox.prune(olderThan: 0, in: db) }
        #expect(try await db.read { db in try EventOutbox.lastSequence(in: db) } == 5)
        let next = try await db.write { db in try EventOutbox.append(id: "e6", type: "t", in: db) { _ in [] } }
        #expect(next == 6)
    }

    @Test func anEventAndItsStateChangeCommitTogether() async throws {
        let db = try Self.database()
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await db.write { db in
                try db.execute(sql: "INSERT INTO applied (key, count) VALUES ('x', 1)")
                try EventOutbox.append(id: "e1", type: "t", in: db) { Self.event(source: "pub", sequence: $0) }
                throw Boom()
            }
        }
        #expect(try await db.read { db in try EventOutbox.lastSequence(in: db) } == 0)
        #expect(try await db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applied") } == 0)
    }

    /// A replay source that reads a publisher's outbox directly.
    struct OutboxReplay: ReplaySource {
        let publisher: DatabaseQueue
        func replay(source: String, from sequence: Int64, limit: Int) async throws -> ReplayPage {
            try await publisher.read { db in
                ReplayPage(
                    events: try EventOutbox.replay(from: sequence, limit: limit, in: db).map(\.payload),
                    lastSequence: try EventOutbox.lastSequence(in: db))
            }
        }
    }

    @Test func consumerDropsDuplicatesAndReplaysGapsInOrder() async throws {
        let publisher = try Self.database()
        try await publisher.write { db in
            for n in 1...10 {
                try EventOutbox.append(id: "e\(n)", type: "dm.test.thing.happened", in: db) { Self.event(source: "pub", sequence: $0) }
            }
        }
        let subscriber = try Self.database(extra: { migrator in
            migrator.registerMigration("seen") { db in try db.execute(sql: "CREATE TABLE seen (sequence INTEGER)") }
        })
        let consumer = EventConsumer(writer: subscriber, replaySource: OutboxReplay(publisher: publisher), replayPageSize: 3) {
            event, db in
            try db.execute(sql: "INSERT INTO seen (sequence) VALUES (?)", arguments: [event.sequence])
        }
        #expect(try await consumer.consume(payload: Self.event(source: "pub", sequence: 1)) == .applied)
        #expect(try await consumer.consume(payload: Self.event(source: "pub", sequence: 1)) == .duplicate)
        #expect(try await consumer.consume(payload: Self.event(source: "pub", sequence: 2)) == .applied)
        // 3...6 were lost: 7 triggers a replay that brings 3...10 (in pages of 3).
        #expect(try await consumer.consume(payload: Self.event(source: "pub", sequence: 7)) == .caughtUp(applied: 8))
        #expect(try await consumer.consume(payload: Self.event(source: "pub", sequence: 8)) == .duplicate)
        #expect(try await consumer.consume(payload: Array("not json".utf8)) == .unreadable)
        let seen = try await subscriber.read { db in try Int64.fetchAll(db, sql: "SELECT sequence FROM seen ORDER BY rowid") }
        #expect(seen == Array(1...10))
        #expect(try await consumer.position(of: "pub") == 10)
    }

    static let applyCounter: CommandReceiver.Handler = { command, db in
        struct Body: Decodable {
            struct Data: Decodable { var key: String }
            var data: Data
        }
        let body = try JSONDecoder().decode(Body.self, from: Foundation.Data(command.envelope))
        if body.data.key == "fail" {
            try db.execute(sql: "INSERT INTO applied (key, count) VALUES ('partial', 1)")
            throw CocoaError(.featureUnsupported)
        }
        try db.execute(
            sql: "INSERT INTO applied (key, count) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET count = count + 1",
            arguments: [body.data.key])
        return .success(json: #"{"key":"\#(body.data.key)"}"#)
    }

    @Test func receiverHandlesEachCommandOnceAndAnswersRepeatsFromTheInbox() async throws {
        let db = try Self.database()
        let link = InMemoryCommandLink()
        let receiver = CommandReceiver(writer: db, endpoint: link.endpoint, handler: Self.applyCounter)
        let request: Frames = [
            Array("test.apply".utf8), Array(#"{"id":"c1","name":"test.apply","source":"t","time":"x","data":{"key":"a"}}"#.utf8),
        ]
        let first = try #require(try await receiver.receive(request))
        let second = try #require(try await receiver.receive(request))
        #expect(first == second)
        #expect(first[0] == Array("result".utf8))
        #expect(String(decoding: first[1], as: UTF8.self) == #"{"id":"c1","ok":true,"data":{"key":"a"}}"#)
        #expect(try await db.read { db in try Int.fetchOne(db, sql: "SELECT count FROM applied WHERE key = 'a'") } == 1)

        // A failing handler's writes are rolled back; the failure is stored and answered.
        let failing: Frames = [
            Array("test.apply".utf8), Array(#"{"id":"c2","name":"test.apply","source":"t","time":"x","data":{"key":"fail"}}"#.utf8),
        ]
        let failure = try #require(try await receiver.receive(failing))
        #expect(String(decoding: failure[1], as: UTF8.self).contains(#""ok":false"#))
        #expect(try await db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM applied WHERE key = 'partial'") } == 0)
        #expect(try await receiver.receive([Array("x".utf8), Array("no id".utf8)]) == nil)
        link.close()
    }

    @Test func senderRetriesThroughLostMessagesAndEveryCommandIsAppliedOnce() async throws {
        let senderDB = try Self.database()
        let receiverDB = try Self.database()
        let link = InMemoryCommandLink()
        let receiver = CommandReceiver(writer: receiverDB, endpoint: link.endpoint, handler: Self.applyCounter)
        let sender = CommandSender(
            writer: senderDB, channels: ["receiver": link.channel], retry: RetryPolicy(initial: .milliseconds(5), maximum: .milliseconds(50)))
        let count = 200
        try await senderDB.write { db in
            for n in 0..<count {
                try CommandSender.enqueue(id: "cmd-\(n)", target: "receiver", name: "test.apply", data: #"{"key":"k\#(n)"}"#, source: "t", in: db)
            }
        }
        // Lose the first 50 requests and 50 replies: the sender must retry, the receiver must not double-apply.
        link.dropRequests(50)
        link.dropReplies(50)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await receiver.run() }
            group.addTask { try await sender.run() }
            sender.wake()
            let deadline = ContinuousClock.now + .seconds(60)
            while try await sender.pendingCount() > 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            let last = try await sender.result(of: "cmd-\(count - 1)")
            #expect(last.ok)
            group.cancelAll()
            link.close()
        }
        #expect(try await sender.pendingCount() == 0)
        let counts = try await receiverDB.read { db in try Int.fetchAll(db, sql: "SELECT count FROM applied ORDER BY key") }
        #expect(counts.count == count)
        #expect(counts.allSatisfy { $0 == 1 })
    }

    @Test func replayOverTheCommandProtocol() async throws {
        let publisher = try Self.database()
        try await publisher.write { db in
            for _ in 1...25 {
                try EventOutbox.append(id: UUID().uuidString, type: "dm.test.thing.happened", in: db) { Self.event(source: "pub", sequence: $0) }
            }
        }
        let link = InMemoryCommandLink()
        let responder = CommandReceiver(writer: publisher, endpoint: link.endpoint) { command, db in
            try ReplayResponder.handle(command, source: "pub", in: db)
        }
        let requester = CommandRequester(channel: link.channel, source: "sub")
        let subscriber = try Self.database()
        let consumer = EventConsumer(writer: subscriber, replaySource: requester, replayPageSize: 10) { _, _ in }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await responder.run() }
            group.addTask { await requester.run() }
            let first = try await consumer.catchUp(source: "pub")
            let again = try await consumer.catchUp(source: "pub")
            #expect(first == 25)
            #expect(again == 0)
            group.cancelAll()
            link.close()
        }
        #expect(try await consumer.position(of: "pub") == 25)
    }

    @Test func backoffDoublesUpToTheCap() {
        let policy = RetryPolicy(initial: .milliseconds(100), maximum: .seconds(10))
        #expect(policy.delay(afterAttempt: 1) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 2) == .milliseconds(200))
        #expect(policy.delay(afterAttempt: 4) == .milliseconds(800))
        #expect(policy.delay(afterAttempt: 20) == .seconds(10))
    }
}
