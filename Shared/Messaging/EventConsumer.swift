public import GRDB

/// One page of a publisher's events, as `system.replay` returns them.
public struct ReplayPage: Sendable {
    /// Event payloads (CloudEvents JSON) in sequence order.
    public var events: [[UInt8]]
    /// The highest sequence the publisher has.
    public var lastSequence: Int64
    public init(events: [[UInt8]], lastSequence: Int64) {
        self.events = events
        self.lastSequence = lastSequence
    }
}

/// Fetches missed events from their publisher (the `system.replay` command).
public protocol ReplaySource: Sendable {
    func replay(source: String, from sequence: Int64, limit: Int) async throws -> ReplayPage
}

/// An event as a consumer's handler sees it.
public struct ReceivedEvent: Sendable {
    public var id: String
    public var source: String
    public var type: String
    public var sequence: Int64
    /// The whole CloudEvents JSON.
    public var payload: [UInt8]
}

/// Applies events exactly once and in order per publisher.
///
/// Each event is handled inside a write transaction that also records its sequence as processed, so the
/// effect and the position commit together. An event at or below the recorded position is a duplicate and is
/// dropped; an event past a gap makes the consumer fetch the missing ones from the publisher first.
public final class EventConsumer: Sendable {
    /// Handles one event inside the consumer's write transaction.
    public typealias Handler = @Sendable (ReceivedEvent, Database) throws -> Void

    /// What happened to an event given to ``consume(payload:)``.
    public enum Outcome: Sendable, Equatable {
        case applied
        case duplicate
        /// Missing events were replayed first (this one included).
        case caughtUp(applied: Int)
        /// Not a CloudEvent with id, source, type and sequence.
        case unreadable
    }

    private let writer: any DatabaseWriter
    private let replaySource: any ReplaySource
    private let handler: Handler
    private let replayPageSize: Int

    public init(writer: any DatabaseWriter, replaySource: any ReplaySource, replayPageSize: Int = 500, handler: @escaping Handler) {
        self.writer = writer
        self.replaySource = replaySource
        self.replayPageSize = replayPageSize
        self.handler = handler
    }

    /// Handles an event from the subscription.
    @discardableResult
    public func consume(payload: [UInt8]) async throws -> Outcome {
        guard let fields = EventFields.decode(payload) else { return .unreadable }
        let event = ReceivedEvent(
            id: fields.id, source: fields.source, type: fields.type, sequence: fields.sequence, payload: payload)
        switch try await writer.write({ db in try self.apply(event, in: db) }) {
        case .applied: return .applied
        case .duplicate: return .duplicate
        case .gap: return .caughtUp(applied: try await catchUp(source: event.source))
        }
    }

    /// Fetches and applies everything `source` published after the recorded position. Call it at start-up for
    /// every publisher this service follows. Returns how many events were applied.
    @discardableResult
    public func catchUp(source: String) async throws -> Int {
        var applied = 0
        while true {
            let position = try await self.position(of: source)
            let page = try await replaySource.replay(source: source, from: position + 1, limit: replayPageSize)
            var progressed = false
            for payload in page.events {
                guard let fields = EventFields.decode(payload), fields.source == source else { continue }
                let event = ReceivedEvent(
                    id: fields.id, source: fields.source, type: fields.type, sequence: fields.sequence, payload: payload)
                if try await writer.write({ db in try self.apply(event, in: db) }) == .applied {
                    applied += 1
                    progressed = true
                }
            }
            let reached = try await self.position(of: source)
            if reached >= page.lastSequence || !progressed { return applied }
        }
    }

    /// The last sequence processed from `source` (0 when none).
    public func position(of source: String) async throws -> Int64 {
        try await writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT last_sequence FROM bus_event_positions WHERE source = ?", arguments: [source]) ?? 0
        }
    }

    private func apply(_ event: ReceivedEvent, in db: Database) throws -> InternalOutcome {
        let last =
            try Int64.fetchOne(db, sql: "SELECT last_sequence FROM bus_event_positions WHERE source = ?", arguments: [event.source]) ?? 0
        if event.sequence <= last { return .duplicate }
        if event.sequence > last + 1 { return .gap }
        try handler(event, db)
        try db.execute(
            sql: """
                INSERT INTO bus_event_positions (source, last_sequence) VALUES (?, ?)
                ON CONFLICT(source) DO UPDATE SET last_sequence = excluded.last_sequence
                """,
            arguments: [event.source, event.sequence])
        return .applied
    }

    /// What one transaction did with an event.
    private enum InternalOutcome: Sendable, Equatable { case applied, duplicate, gap }
}
