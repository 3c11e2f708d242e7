public import GRDB
internal import Foundation
internal import Synchronization

/// The reply a command got: its `result` body.
public struct CommandReply: Sendable, Equatable {
    public var id: String
    /// The `result` JSON as received.
    public var body: [UInt8]

    /// True when the result says `"ok": true`.
    public var ok: Bool {
        struct OK: Decodable { var ok: Bool }
        return (try? JSONDecoder().decode(OK.self, from: Data(body)))?.ok ?? false
    }
}

/// How often a sender tries again: exponential backoff from `initial`, doubling, capped at `maximum`.
public struct RetryPolicy: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration
    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(10)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The wait after the `attempt`-th try (1-based).
    public func delay(afterAttempt attempt: Int) -> Duration {
        var delay = initial
        for _ in 1..<max(1, min(attempt, 30)) where delay < maximum { delay *= 2 }
        return min(delay, maximum)
    }
}

/// Sends commands reliably: each is first written to the outbox (in the caller's transaction, with
/// ``enqueue(id:target:name:data:source:in:)``), then sent, and sent again with backoff until its result
/// arrives. Nothing is lost when either side is killed: the outbox survives the sender, the receiver's inbox
/// makes repeats harmless.
public final class CommandSender: Sendable {
    private let writer: any DatabaseWriter
    private let channels: [String: any CommandChannel]
    private let retry: RetryPolicy
    private let batchSize: Int
    private let maxInFlight: Int
    private let signal = WakeSignal()
    private let waiters = Mutex([String: [CheckedContinuation<CommandReply, any Error>]]())

    /// - Parameters:
    ///   - writer: the sender's database.
    ///   - channels: a channel (DEALER) per target service name.
    ///   - retry: the backoff between tries.
    ///   - batchSize: commands sent per round.
    ///   - maxInFlight: at most this many commands sent and not yet answered; the rest wait their turn, so a
    ///     slow receiver is not flooded with resends.
    public init(
        writer: any DatabaseWriter, channels: [String: any CommandChannel], retry: RetryPolicy = RetryPolicy(),
        batchSize: Int = 500, maxInFlight: Int = 100
    ) {
        self.writer = writer
        self.channels = channels
        self.retry = retry
        self.batchSize = batchSize
        self.maxInFlight = max(1, maxInFlight)
    }

    /// Writes a command to the outbox inside the caller's transaction. Call ``wake()`` after the commit.
    /// - Parameters:
    ///   - id: the command id (unique; the receiver deduplicates by it).
    ///   - target: the receiving service's name (a key of `channels`).
    ///   - name: the command name, e.g. `system.ping`.
    ///   - data: the command's `data` as JSON text.
    ///   - source: this service's name.
    public static func enqueue(id: String, target: String, name: String, data: String, source: String, in db: Database) throws {
        let envelope = commandEnvelope(id: id, name: name, source: source, data: data)
        try db.cachedStatement(
            sql: """
                INSERT INTO bus_command_outbox (id, target, name, payload, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, 0)
                """
        ).execute(arguments: [id, target, name, Data(envelope.utf8), Date().timeIntervalSince1970])
    }

    /// Asks the sender to send now.
    public func wake() { signal.wake() }

    /// Waits for the result of a command already enqueued (returns at once when it has arrived before).
    public func result(of id: String) async throws -> CommandReply {
        // Register first, then look once: a result recorded before the registration is found by the look, one
        // recorded after it resumes the waiter. Whoever removes the waiter resumes it, exactly once.
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<CommandReply, any Error>) in
                waiters.withLock { $0[id, default: []].append(continuation) }
                Task {
                    do {
                        guard let stored = try await self.storedResult(id) else { return }
                        self.resumeWaiters(of: id, with: .success(stored))
                    } catch {
                        self.resumeWaiters(of: id, with: .failure(error))
                    }
                }
            }
        } onCancel: {
            resumeWaiters(of: id, with: .failure(CancellationError()))
        }
    }

    private func resumeWaiters(of id: String, with result: Result<CommandReply, any Error>) {
        let waiting = waiters.withLock { $0.removeValue(forKey: id) } ?? []
        for waiter in waiting { waiter.resume(with: result) }
    }

    /// Sends due commands and reads replies until the task is cancelled.
    public func run() async throws {
        let replies = BatchBuffer<Frames>()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for channel in channels.values {
                group.addTask {
                    for await reply in channel.replies { replies.append(reply) }
                }
            }
            group.addTask {
                // Replies that arrived together are recorded in one transaction.
                while let batch = await replies.take(upTo: self.batchSize) { try await self.handleReplies(batch) }
            }
            group.addTask {
                while !Task.isCancelled {
                    let next = try await self.sendDue()
                    await self.signal.wait(upTo: next ?? .milliseconds(250))
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Sends every command that is due; returns how long until the next one is due (nil: none pending).
    @discardableResult
    public func sendDue() async throws -> Duration? {
        let now = Date().timeIntervalSince1970
        let due = try await writer.read { db in
            // Resends of commands in flight whose time has come, then new ones while there is room.
            let resends = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT id, target, name, payload, attempts FROM bus_command_outbox
                        WHERE state = 'pending' AND attempts > 0 AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?
                        """),
                arguments: [now, self.batchSize])
            let inFlight =
                try Int.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT COUNT(*) FROM bus_command_outbox WHERE state = 'pending' AND attempts > 0")) ?? 0
            let room = min(self.maxInFlight - inFlight, self.batchSize - resends.count)
            guard room > 0 else { return resends }
            return resends
                + (try Row.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT id, target, name, payload, attempts FROM bus_command_outbox
                            WHERE state = 'pending' AND attempts = 0 ORDER BY created_at LIMIT ?
                            """),
                    arguments: [room]))
        }
        var sent: [(id: String, attempts: Int)] = []
        var batches: [String: [Frames]] = [:]
        for row in due {
            let target: String = row["target"]
            guard channels[target] != nil else { continue }
            let name: String = row["name"]
            let payload: Data = row["payload"]
            batches[target, default: []].append([Array(name.utf8), Array(payload)])
            sent.append((row["id"], (row["attempts"] as Int) + 1))
        }
        // One trip to each target's socket; a request that could not be sent is resent after its backoff.
        for (target, batch) in batches {
            try? await channels[target]?.send(batch: batch)
        }
        if !sent.isEmpty {
            let retry = self.retry
            let attempted = sent
            try await writer.write { db in
                let update = try db.cachedStatement(
                    sql: "UPDATE bus_command_outbox SET attempts = ?, next_attempt_at = ? WHERE id = ? AND state = 'pending'")
                for (id, attempts) in attempted {
                    let delay = retry.delay(afterAttempt: attempts)
                    let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
                    try update.execute(arguments: [attempts, now + seconds, id])
                }
            }
        }
        let next = try await writer.read { db in
            try Double.fetchOne(
                db, sql: "SELECT MIN(next_attempt_at) FROM bus_command_outbox WHERE state = 'pending' AND attempts > 0")
        }
        guard let next else { return nil }
        return .milliseconds(max(1, Int((next - Date().timeIntervalSince1970) * 1000)))
    }

    /// The number of commands still waiting for their result.
    public func pendingCount() async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bus_command_outbox WHERE state != 'done'") ?? 0
        }
    }

    private func handleReplies(_ batch: [Frames]) async throws {
        var results: [(id: String, body: [UInt8])] = []
        var acks: [String] = []
        for frames in batch {
            guard frames.count == 2, let id = CommandID.decode(frames[1]) else { continue }
            if frames[0] == ReplyKind.result {
                results.append((id, frames[1]))
            } else if frames[0] == ReplyKind.ack {
                acks.append(id)
            }
        }
        guard !results.isEmpty || !acks.isEmpty else { return }
        let finished = results, acknowledged = acks
        try await writer.write { db in
            let done = try db.cachedStatement(sql: "UPDATE bus_command_outbox SET state = 'done', result = ? WHERE id = ?")
            for (id, body) in finished {
                try done.execute(arguments: [Data(body), id])
            }
            let acked = try db.cachedStatement(
                sql: "UPDATE bus_command_outbox SET state = 'acked' WHERE id = ? AND state = 'pending'")
            for id in acknowledged {
                try acked.execute(arguments: [id])
            }
        }
        for (id, body) in results {
            resumeWaiters(of: id, with: .success(CommandReply(id: id, body: body)))
        }
        if !results.isEmpty { signal.wake() }  // room for more commands
    }

    private func storedResult(_ id: String) async throws -> CommandReply? {
        try await writer.read { db in
            try Data.fetchOne(
                db.cachedStatement(sql: "SELECT result FROM bus_command_outbox WHERE id = ? AND state = 'done'"),
                arguments: [id])
        }.map { CommandReply(id: id, body: Array($0)) }
    }
}
