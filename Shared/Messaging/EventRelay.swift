public import GRDB

/// Publishes a service's committed outbox events, in sequence order, and marks them published.
///
/// Run it as a long-running task (`try await relay.run()` in the service's group); call ``wake()`` after a
/// transaction that appended events so they go out at once rather than at the next poll. A crash between
/// sending and marking sends an event again on restart; subscribers drop it by its sequence.
public final class EventRelay: Sendable {
    private let writer: any DatabaseWriter
    private let sink: any EventSink
    private let pollInterval: Duration
    private let batchSize: Int
    private let signal = WakeSignal()

    /// - Parameters:
    ///   - writer: the service's database.
    ///   - sink: where events go (a PUB socket connected to dm-bus).
    ///   - pollInterval: how often to look for unpublished events without a wake-up.
    ///   - batchSize: events read per transaction.
    public init(writer: any DatabaseWriter, sink: any EventSink, pollInterval: Duration = .milliseconds(250), batchSize: Int = 500) {
        self.writer = writer
        self.sink = sink
        self.pollInterval = pollInterval
        self.batchSize = batchSize
    }

    /// Asks the relay to publish now.
    public func wake() { signal.wake() }

    /// Publishes until the task is cancelled.
    public func run() async throws {
        while !Task.isCancelled {
            _ = try await publishPending()
            await signal.wait(upTo: pollInterval)
        }
    }

    /// Publishes every committed, unpublished event; returns how many were sent.
    @discardableResult
    public func publishPending() async throws -> Int {
        var sent = 0
        while true {
            let batch = try await writer.read { db in try EventOutbox.unpublished(limit: self.batchSize, in: db) }
            guard let last = batch.last else { return sent }
            try await sink.publish(batch: batch.map { (type: $0.type, payload: $0.payload) })
            try await writer.write { db in try EventOutbox.markPublished(through: last.sequence, in: db) }
            sent += batch.count
        }
    }
}
