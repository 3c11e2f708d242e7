import Foundation
import GRDB
import ServiceKit
import Testing

/// Group commit on a real WAL database: every write is committed before `write` returns, writes that arrive
/// together share transactions, and a failing write takes only itself down.
@Suite struct GroupCommitTests {
    static func pool() throws -> (DatabasePool, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("group-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: directory.appendingPathComponent("db.sqlite").path)
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, value TEXT NOT NULL)")
            try db.execute(sql: "CREATE TABLE tx (n INTEGER)")
        }
        return (pool, directory)
    }

    @Test func concurrentWritesAreAllCommittedAndShareTransactions() async throws {
        let (pool, directory) = try Self.pool()
        defer { try? FileManager.default.removeItem(at: directory) }
        let commits = GroupCommit(writer: pool, maximumBatch: 64)
        // A transaction observer counts commits.
        let counter = CommitCounter()
        pool.add(transactionObserver: counter, extent: .observerLifetime)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<500 {
                group.addTask {
                    try await commits.write { db in
                        try db.execute(sql: "INSERT INTO item (id, value) VALUES (?, ?)", arguments: [index, "v\(index)"])
                    }
                    // Committed before write returned: a fresh read sees it.
                    let seen = try await pool.read { db in
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item WHERE id = ?", arguments: [index])
                    }
                    #expect(seen == 1)
                }
            }
            try await group.waitForAll()
        }
        #expect(try await pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item") } == 500)
        #expect(counter.count > 0 && counter.count < 500, "500 writes in \(counter.count) transactions")
    }

    struct Refused: Error {}

    @Test func aFailingWriteFailsAloneAndTheOthersCommit() async throws {
        let (pool, directory) = try Self.pool()
        defer { try? FileManager.default.removeItem(at: directory) }
        let commits = GroupCommit(writer: pool)
        let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<200 {
                group.addTask {
                    do {
                        try await commits.write { db in
                            try db.execute(sql: "INSERT INTO item (id, value) VALUES (?, ?)", arguments: [index, "v"])
                            if index % 50 == 7 { throw Refused() }
                        }
                        return (index, true)
                    } catch is Refused {
                        return (index, false)
                    }
                }
            }
            var outcomes: [Int: Bool] = [:]
            for try await (index, ok) in group { outcomes[index] = ok }
            return outcomes
        }
        let failed = outcomes.filter { !$0.value }.keys.sorted()
        #expect(failed == [7, 57, 107, 157])
        let stored = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT id FROM item ORDER BY id") }
        #expect(stored == (0..<200).filter { $0 % 50 != 7 })
    }

    @Test func aConstraintViolationReportsTheDatabaseError() async throws {
        let (pool, directory) = try Self.pool()
        defer { try? FileManager.default.removeItem(at: directory) }
        let commits = GroupCommit(writer: pool)
        try await commits.write { db in try db.execute(sql: "INSERT INTO item (id, value) VALUES (1, 'a')") }
        await #expect(throws: DatabaseError.self) {
            try await commits.write { db in try db.execute(sql: "INSERT INTO item (id, value) VALUES (1, 'b')") }
        }
        #expect(try await pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM item WHERE id = 1") } == "a")
    }
}

/// Counts committed transactions.
final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var commits = 0
    var count: Int { lock.withLock { commits } }
    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { true }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { lock.withLock { commits += 1 } }
    func databaseDidRollback(_ db: Database) {}
}
