public import GRDB
internal import Foundation

/// A publisher's event outbox: each event is written in the same transaction as the state change it
/// describes and numbered there; ``EventRelay`` publishes committed entries in order; replays read them back.
///
/// ```swift
/// try await store.write { db in
///     try db.execute(sql: "UPDATE devices SET ...")
///     try EventOutbox.append(id: UUID().uuidString, type: "dm.session.session.ended", in: db) { sequence in
///         try JSONEncoder().encode(CloudEvent(..., sequence: sequence, data: ended))
///     }
/// }
/// relay.wake()
/// ```
public enum EventOutbox {
    /// An event as stored: its sequence, type and the exact payload published.
    public struct Entry: Sendable, Hashable {
        public var sequence: Int64
        public var id: String
        public var type: String
        public var payload: [UInt8]
    }

    /// Appends an event inside the caller's write transaction.
    /// - Parameters:
    ///   - id: the event id (unique).
    ///   - type: the event type, also the first frame and the subscription prefix.
    ///   - makePayload: builds the CloudEvents JSON given the sequence number assigned to the event.
    /// - Returns: the sequence number (1, 2, 3 ... per database, no gaps).
    @discardableResult
    public static func append(
        id: String, type: String, in db: Database, makePayload: (Int64) throws -> [UInt8]
    ) throws -> Int64 {
        let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(sequence) FROM bus_event_outbox")) ?? 0
        let sequence = last + 1
        let payload = try makePayload(sequence)
        try db.cachedStatement(
            sql: "INSERT INTO bus_event_outbox (sequence, id, type, payload, created_at) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [sequence, id, type, Data(payload), Date().timeIntervalSince1970])
        return sequence
    }

    /// Committed events not yet published (after the relay's position), in sequence order.
    public static func unpublished(limit: Int, in db: Database) throws -> [Entry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT sequence, id, type, payload FROM bus_event_outbox
                WHERE sequence > (SELECT published_through FROM bus_event_relay WHERE id = 1)
                ORDER BY sequence LIMIT ?
                """,
            arguments: [limit]
        ).map(entry)
    }

    /// Moves the relay's position to `sequence`: every event up to it is published.
    public static func markPublished(through sequence: Int64, in db: Database) throws {
        try db.execute(
            sql: "UPDATE bus_event_relay SET published_through = MAX(published_through, ?) WHERE id = 1",
            arguments: [sequence])
    }

    /// The relay's position: the last sequence published (0 before the first).
    public static func publishedThrough(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT published_through FROM bus_event_relay WHERE id = 1") ?? 0
    }

    /// Events from `fromSequence` on, at most `limit`, for a replay.
    public static func replay(from fromSequence: Int64, limit: Int, in db: Database) throws -> [Entry] {
        try Row.fetchAll(
            db, sql: "SELECT sequence, id, type, payload FROM bus_event_outbox WHERE sequence >= ? ORDER BY sequence LIMIT ?",
            arguments: [fromSequence, limit]
        ).map(entry)
    }

    /// The highest sequence appended so far (0 when none).
    public static func lastSequence(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM bus_event_outbox") ?? 0
    }

    /// Deletes published events older than `age` seconds, always keeping the newest event (the sequence
    /// counter continues from it).
    public static func prune(olderThan age: Double, in db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM bus_event_outbox
                WHERE sequence <= (SELECT published_through FROM bus_event_relay WHERE id = 1) AND created_at < ?
                AND sequence < (SELECT MAX(sequence) FROM bus_event_outbox)
                """,
            arguments: [Date().timeIntervalSince1970 - age])
    }

    private static func entry(_ row: Row) -> Entry {
        Entry(sequence: row["sequence"], id: row["id"], type: row["type"], payload: Array(row["payload"] as Data))
    }
}
