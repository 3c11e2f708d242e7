import Foundation
import GRDB
import ServiceKit
import Testing

@Suite("Store")
struct StoreTests {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1: operation") { db in
            try db.create(table: "operation") { table in
                table.primaryKey("id", .text)
                table.column("state", .text).notNull()
            }
        }
        migrator.registerMigration("v2: operation.updatedAt") { db in
            try db.alter(table: "operation") { table in table.add(column: "updatedAt", .double) }
        }
    }

    @Test("Migrations run on an in-memory queue")
    func inMemory() async throws {
        var store = try ServiceStore.inMemory()
        Self.register(&store.migrator)
        #expect(store.path == nil)
        #expect(await store.readiness() == .notReady("migrations not applied"))
        try await store.migrate()
        #expect(await store.readiness() == .ready)
        let migrator = store.migrator
        let (applied, columns) = try await store.writer.read { db in
            (try migrator.appliedIdentifiers(db), try db.columns(in: "operation").map(\.name))
        }
        #expect(applied == ["v1: operation", "v2: operation.updatedAt"])
        #expect(columns == ["id", "state", "updatedAt"])
    }

    @Test("A pool in a new data directory: directory and file created, WAL mode, migrations applied once")
    func pool() async throws {
        let temporary = TemporaryDirectory()
        defer { temporary.cleanUp() }
        let settings = ServiceConfiguration(service: "fumo", dataDirectory: temporary.path + "/nested/data")
        var store = try ServiceStore.open(configuration: settings)
        Self.register(&store.migrator)
        #expect(store.path == temporary.path + "/nested/data/fumo.sqlite")
        #expect(FileManager.default.fileExists(atPath: temporary.path + "/nested/data/fumo.sqlite"))
        #expect(store.writer is DatabasePool)

        try await store.migrate()
        try await store.migrate()
        try await store.writer.write { db in
            try db.execute(sql: "INSERT INTO operation (id, state) VALUES (?, ?)", arguments: ["op-1", "queued"])
        }
        let mode = try await store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // 1 = NORMAL (SQLite's default, 2 = FULL, would fsync every commit).
        let synchronous = try await store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 1)

        var reopened = try ServiceStore.open(configuration: settings)
        Self.register(&reopened.migrator)
        #expect(await reopened.readiness() == .ready)
        let state = try await reopened.writer.read { db in
            try String.fetchOne(db, sql: "SELECT state FROM operation WHERE id = ?", arguments: ["op-1"])
        }
        #expect(state == "queued")
    }

    @Test("A data directory that cannot be created is reported with its path")
    func unusableDirectory() throws {
        let temporary = TemporaryDirectory()
        defer { temporary.cleanUp() }
        try FileManager.default.createDirectory(atPath: temporary.path, withIntermediateDirectories: true)
        let blocker = temporary.path + "/not-a-directory"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let settings = ServiceConfiguration(service: "fumo", dataDirectory: blocker + "/data")
        let error = #expect(throws: ServiceKitError.self) { try ServiceStore.open(configuration: settings) }
        #expect(error?.code == .dataDirectory)
        #expect(error?.description.contains(blocker) == true)
    }
}
