import Foundation
import GRDB

/// The simulator's own SQLite database (GRDB, WAL): one row per device with its whole state as JSON (tree,
/// firmware version, pending operations and alerts), so that a restarted simulator keeps its devices.
public struct SQLiteDeviceStore: DeviceStoring {
    let writer: any DatabaseWriter

    /// Opens (or creates) the database at `path`; `nil` keeps it in memory.
    public init(path: String?) throws {
        if let path {
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            writer = try DatabasePool(path: path, configuration: configuration)
        } else {
            writer = try DatabaseQueue()
        }
        try Self.migrator.migrate(writer)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: devices") { db in
            try db.create(table: "device") { t in
                t.primaryKey("id", .text)
                t.column("msisdn", .text).notNull().indexed()
                t.column("state", .blob).notNull()
                t.column("updatedAt", .double).notNull()
            }
        }
        return migrator
    }

    /// Every stored device, read a page at a time (10,000 devices do not sit in memory twice as JSON).
    public func loadAll() async throws -> [SimulatedDevice] {
        let decoder = JSONDecoder()
        var devices: [SimulatedDevice] = []
        var last: Int64 = 0
        while true {
            let rows: [(Int64, Data)] = try await writer.read { [last] db in
                try Row.fetchAll(
                    db, sql: "SELECT rowid, state FROM device WHERE rowid > ? ORDER BY rowid LIMIT 256", arguments: [last]
                ).map { ($0["rowid"], $0["state"]) }
            }
            guard !rows.isEmpty else { return devices }
            for (rowid, data) in rows {
                devices.append(try decoder.decode(SimulatedDevice.self, from: data))
                last = rowid
            }
        }
    }

    public func save(_ device: SimulatedDevice) async throws {
        try await saveAll([device])
    }

    /// Saves devices in transactions of 256.
    public func saveAll(_ devices: [SimulatedDevice]) async throws {
        var start = 0
        while start < devices.count {
            let end = min(start + 256, devices.count)
            try await saveBatch(devices[start..<end])
            start = end
        }
    }

    private func saveBatch(_ devices: ArraySlice<SimulatedDevice>) async throws {
        let encoder = JSONEncoder()
        let rows = try devices.map { ($0.deviceID, $0.identity.msisdn, try encoder.encode($0)) }
        let now = Date().timeIntervalSince1970
        try await writer.write { db in
            for (id, msisdn, state) in rows {
                try db.execute(
                    sql: """
                        INSERT INTO device (id, msisdn, state, updatedAt) VALUES (?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET msisdn = excluded.msisdn, state = excluded.state,
                        updatedAt = excluded.updatedAt
                        """, arguments: [id, msisdn, state, now])
            }
        }
    }

    /// How many devices the database holds.
    public func count() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM device") ?? 0 }
    }
}
