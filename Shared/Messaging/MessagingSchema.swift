public import GRDB

/// The tables reliable messaging keeps in a service's own database.
///
/// - `bus_event_outbox`: events this service published, numbered per service (the CloudEvents `sequence`),
///   kept for replay.
/// - `bus_event_relay`: one row, the last sequence the relay handed to the bus (events after it are unpublished).
/// - `bus_event_positions`: per publisher, the last event sequence this service processed.
/// - `bus_command_outbox`: commands this service sends, until the receiver acknowledges them.
/// - `bus_command_inbox`: commands this service received, unique by id, with their outcome.
public enum MessagingSchema {
    /// Adds the messaging tables to a service's migrator. Migrations are never edited once shipped.
    public static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("messaging.v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bus_event_outbox (
                        sequence INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE,
                        type TEXT NOT NULL,
                        payload BLOB NOT NULL,
                        created_at REAL NOT NULL,
                        published INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE INDEX bus_event_outbox_unpublished ON bus_event_outbox(published, sequence);
                    CREATE TABLE bus_event_positions (
                        source TEXT PRIMARY KEY,
                        last_sequence INTEGER NOT NULL
                    );
                    CREATE TABLE bus_command_outbox (
                        id TEXT PRIMARY KEY,
                        target TEXT NOT NULL,
                        name TEXT NOT NULL,
                        payload BLOB NOT NULL,
                        created_at REAL NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at REAL NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending',
                        result BLOB
                    );
                    CREATE INDEX bus_command_outbox_due ON bus_command_outbox(state, attempts, next_attempt_at);
                    CREATE INDEX bus_command_outbox_order ON bus_command_outbox(state, attempts, created_at);
                    CREATE TABLE bus_command_inbox (
                        id TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        source TEXT NOT NULL,
                        payload BLOB NOT NULL,
                        received_at REAL NOT NULL,
                        state TEXT NOT NULL DEFAULT 'received',
                        result BLOB
                    );
                    CREATE INDEX bus_command_inbox_state ON bus_command_inbox(state);
                    """)
        }
        migrator.registerMigration("messaging.v2: relay position instead of a published flag per event") { db in
            // Marking each event published rewrote its row (payload included) and moved its index entry: a
            // second write of every event. The relay's position is one row; events after it are unpublished.
            try db.execute(
                sql: """
                    CREATE TABLE bus_event_relay (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        published_through INTEGER NOT NULL
                    );
                    INSERT INTO bus_event_relay (id, published_through)
                    VALUES (1, COALESCE((SELECT MAX(sequence) FROM bus_event_outbox WHERE published = 1), 0));
                    DROP INDEX bus_event_outbox_unpublished;
                    ALTER TABLE bus_event_outbox DROP COLUMN published;
                    """)
        }
    }
}
