import Foundation
public import GRDB

/// A service's own SQLite database: a WAL-mode `DatabasePool` at `<data-directory>/<service>.sqlite` in a
/// service, an in-memory `DatabaseQueue` in a test, and the migrations the service registers.
///
/// Use GRDB's async accessors (`try await store.writer.write { db in ... }`): they run the blocking SQLite work
/// on GRDB's own dispatch queues and only suspend the calling task.
///
/// ```swift
/// var store = try ServiceStore.open(configuration: settings)   // or ServiceStore.inMemory() in a test
/// store.migrator.registerMigration("v1: operations") { db in
///     try db.create(table: "operation") { t in
///         t.primaryKey("id", .text)
///         t.column("state", .text).notNull()
///     }
/// }
/// ```
///
/// Shipped migrations are never edited; a change is a new migration. ``ServiceHost`` runs ``migrate()`` before
/// the admin server and the registered services start.
public struct ServiceStore: Sendable {
    /// The database connection(s): a `DatabasePool` on disk, a `DatabaseQueue` in memory.
    public let writer: any DatabaseWriter

    /// The database file, or `nil` in memory.
    public let path: String?

    /// The migrations, in registration order; register them before ``migrate()`` runs.
    public var migrator: DatabaseMigrator

    private init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
        self.migrator = DatabaseMigrator()
    }

    /// Opens (creating them if missing) the data directory and the database of the service `configuration`
    /// describes: `<data-directory>/<service>.sqlite`.
    ///
    /// - Parameter configuration: The service's settings.
    /// - Returns: A store on a WAL-mode pool (`synchronous = NORMAL`), with an empty migrator.
    /// - Throws: ``ServiceKitError`` with code ``ServiceKitError/Code/dataDirectory``.
    public static func open(configuration: ServiceConfiguration) throws -> ServiceStore {
        try open(
            directory: configuration.dataDirectory, path: configuration.databasePath,
            label: "dm-\(configuration.service)")
    }

    /// Opens (creating them if missing) `directory` and the database at `path` in it.
    ///
    /// New directories are created readable by the owner only (0700): the database holds credentials.
    ///
    /// - Parameters:
    ///   - directory: The directory to create if missing.
    ///   - path: The database file.
    ///   - label: The connections' label, shown in GRDB's diagnostics.
    /// - Returns: A store on a WAL-mode pool (`synchronous = NORMAL`), with an empty migrator.
    /// - Throws: ``ServiceKitError`` with code ``ServiceKitError/Code/dataDirectory``.
    public static func open(directory: String, path: String, label: String) throws -> ServiceStore {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ServiceKitError.dataDirectory(directory, "cannot be created: \(error)")
        }
        var configuration = Configuration()
        configuration.label = label
        configuration.busyMode = .timeout(5)
        // In WAL mode, NORMAL keeps every commit across a killed process (only a power cut can lose the last
        // ones) without an fsync per transaction: the stack's promise is "nothing lost when a process is killed".
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            return ServiceStore(writer: try DatabasePool(path: path, configuration: configuration), path: path)
        } catch {
            throw ServiceKitError.dataDirectory(path, "cannot be opened: \(error)")
        }
    }

    /// A store in memory, for tests: one `DatabaseQueue`, gone when the last reference goes.
    ///
    /// - Returns: A store with an empty migrator.
    /// - Throws: GRDB's error if SQLite cannot open an in-memory database.
    public static func inMemory() throws -> ServiceStore {
        var configuration = Configuration()
        configuration.label = "in-memory"
        return ServiceStore(writer: try DatabaseQueue(configuration: configuration), path: nil)
    }

    /// Applies the migrations not yet applied, on GRDB's writer queue.
    ///
    /// - Throws: The error of the first migration that fails; that migration's transaction is rolled back.
    public func migrate() async throws {
        let migrator = self.migrator
        let writer = self.writer
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            migrator.asyncMigrate(writer) { result in
                continuation.resume(with: result.map { _ in })
            }
        }
    }

    /// Whether the database answers and every registered migration has been applied.
    ///
    /// - Returns: ``ReadinessStatus/ready``, or the reason it is not.
    public func readiness() async -> ReadinessStatus {
        let migrator = self.migrator
        do {
            let migrated = try await writer.read { db in try migrator.hasCompletedMigrations(db) }
            return migrated ? .ready : .notReady("migrations not applied")
        } catch {
            return .notReady("database unavailable: \(error)")
        }
    }
}
