public import GRDB
import Synchronization

/// Group commit: many small writes from concurrent tasks share one SQLite transaction.
///
/// Each ``write(_:)`` returns only once its changes are committed, so "state is in SQLite before it is
/// acknowledged" holds for every caller. While one transaction runs, the writes that arrive wait; the next
/// transaction takes all of them (up to ``maximumBatch``). Under load, one commit (one WAL append, one round of
/// transaction observers) serves many requests; an idle service commits each write at once, as before.
///
/// A failing write must not take the others down: when the shared transaction fails, it is rolled back and each
/// of its writes runs again in a transaction of its own, so only the failing one reports the error. Writes are
/// therefore pure database work (no side effects outside `db`): they may run twice, the first time rolled back.
///
/// ```swift
/// let commits = GroupCommit(writer: store.writer)
/// try await commits.write { db in try db.execute(sql: "UPDATE ...") }
/// ```
public final class GroupCommit: Sendable {
    /// One caller's write, waiting for its commit.
    private struct Pending: Sendable {
        let work: @Sendable (Database) throws -> Void
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var pending: [Pending] = []
        var flushing = false
    }

    /// The database the transactions run on.
    public let writer: any DatabaseWriter
    /// The most writes one transaction takes.
    public let maximumBatch: Int
    private let state = Mutex(State())

    /// - Parameters:
    ///   - writer: the database.
    ///   - maximumBatch: the most writes one transaction takes (at least 1).
    public init(writer: any DatabaseWriter, maximumBatch: Int = 256) {
        self.writer = writer
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Runs `work` in a write transaction shared with the writes that arrive meanwhile; returns once committed.
    /// - Throws: the error `work` throws (its changes are not committed), or the database's.
    public func write(_ work: @escaping @Sendable (Database) throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let startFlush = state.withLock { state -> Bool in
                state.pending.append(Pending(work: work, continuation: continuation))
                guard !state.flushing else { return false }
                state.flushing = true
                return true
            }
            if startFlush {
                Task { await self.flush() }
            }
        }
    }

    /// Commits batches until nothing waits.
    private func flush() async {
        while true {
            let batch = state.withLock { state -> [Pending] in
                guard !state.pending.isEmpty else {
                    state.flushing = false
                    return []
                }
                let count = min(maximumBatch, state.pending.count)
                let batch = Array(state.pending.prefix(count))
                state.pending.removeFirst(count)
                return batch
            }
            if batch.isEmpty { return }
            await commit(batch)
        }
    }

    private func commit(_ batch: [Pending]) async {
        let works = batch.map(\.work)
        do {
            try await writer.write { db in
                for work in works { try work(db) }
            }
            for pending in batch { pending.continuation.resume() }
            return
        } catch {
            if batch.count == 1 {
                batch[0].continuation.resume(throwing: error)
                return
            }
        }
        // The shared transaction failed: each write on its own, so only the failing ones report an error.
        for pending in batch {
            let work = pending.work
            do {
                try await writer.write { db in try work(db) }
                pending.continuation.resume()
            } catch {
                pending.continuation.resume(throwing: error)
            }
        }
    }
}
