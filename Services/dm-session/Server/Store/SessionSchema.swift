public import GRDB
import Messaging

/// dm-session's tables (migrations are never edited once shipped; a change is a new migration).
///
/// - `device`: the device and its DM account, with both nonces;
/// - `dm_session`: every session with its outcome;
/// - `command`: the per-device queue (priority, then arrival) and each command's outcome;
/// - `tree_value`: the last-known value of every node a device reported or accepted, with time and session;
/// - the messaging tables (event outbox, command inbox and outbox) of ``MessagingSchema``.
public enum SessionSchema {
    /// Registers the migrations.
    public static func register(in migrator: inout DatabaseMigrator) {
        MessagingSchema.register(in: &migrator)
        migrator.registerMigration("session.v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE device (
                        id TEXT PRIMARY KEY,
                        msisdn TEXT,
                        notification_address TEXT,
                        server_id TEXT NOT NULL,
                        client_auth TEXT NOT NULL,
                        client_name TEXT NOT NULL,
                        client_digest TEXT NOT NULL,
                        client_nonce TEXT NOT NULL,
                        server_auth TEXT NOT NULL,
                        server_name TEXT NOT NULL,
                        server_secret TEXT NOT NULL,
                        server_nonce TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        updated_at REAL NOT NULL
                    );
                    CREATE TABLE dm_session (
                        id TEXT PRIMARY KEY,
                        device_id TEXT NOT NULL,
                        syncml_session_id TEXT NOT NULL,
                        alert_code INTEGER,
                        encoding TEXT NOT NULL,
                        started_at REAL NOT NULL,
                        ended_at REAL,
                        outcome TEXT,
                        messages_received INTEGER NOT NULL DEFAULT 0,
                        commands_completed INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE INDEX dm_session_device ON dm_session(device_id, started_at);
                    CREATE TABLE command (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        id TEXT NOT NULL UNIQUE,
                        device_id TEXT NOT NULL,
                        priority INTEGER NOT NULL DEFAULT 0,
                        kind TEXT NOT NULL,
                        spec BLOB NOT NULL,
                        state TEXT NOT NULL DEFAULT 'queued',
                        session_id TEXT,
                        status INTEGER,
                        outcome BLOB,
                        enqueued_at REAL NOT NULL,
                        sent_at REAL,
                        completed_at REAL
                    );
                    CREATE INDEX command_queue ON command(device_id, state, priority DESC, seq);
                    CREATE TABLE tree_value (
                        device_id TEXT NOT NULL,
                        uri TEXT NOT NULL,
                        value TEXT,
                        format TEXT,
                        type TEXT,
                        updated_at REAL NOT NULL,
                        session_id TEXT,
                        PRIMARY KEY (device_id, uri)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("session.v2: Atomic and Sequence support per device") { db in
            // NULL: not known yet (sent); 0: the device answered 406 (not sent any more); 1: it executed one.
            try db.execute(
                sql: """
                    ALTER TABLE device ADD COLUMN supports_atomic INTEGER;
                    ALTER TABLE device ADD COLUMN supports_sequence INTEGER;
                    """)
        }
        migrator.registerMigration("session.v3: wake-ups") { db in
            // Every package #0 sent, and the session that answered it (matched by device and SessionID).
            try db.execute(
                sql: """
                    CREATE TABLE wakeup (
                        notification_id TEXT PRIMARY KEY,
                        device_id TEXT NOT NULL,
                        package0_session_id INTEGER NOT NULL,
                        requested_at REAL NOT NULL,
                        session_id TEXT,
                        answered_at REAL
                    );
                    CREATE INDEX wakeup_device ON wakeup(device_id, requested_at);
                    ALTER TABLE dm_session ADD COLUMN notification_id TEXT;
                    """)
        }
    }
}
