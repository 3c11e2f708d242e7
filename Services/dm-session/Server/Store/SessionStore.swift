public import Contracts
import Foundation
public import GRDB
import Messaging
import Notification
import SyncML

/// dm-session's persistence: devices, the command queue with outcomes, sessions, the last-known tree, and the
/// events that describe each change (appended to the outbox in the same transaction).
///
/// Every method that takes a `Database` runs inside the caller's transaction.
public struct SessionStore: Sendable {
    /// The database.
    public let writer: any DatabaseWriter
    /// The `source` of published events (the service instance, e.g. `dm-session`).
    public let eventSource: String
    /// Queued commands' specs already decoded.
    let specs = CommandSpecMemo()

    /// Creates a store on a migrated database.
    public init(writer: any DatabaseWriter, eventSource: String) {
        self.writer = writer
        self.eventSource = eventSource
    }

    /// Runs a short read on the calling thread, without the hop to GRDB's reader queue and back that the async
    /// `read` makes. For the per-message look-ups of the DM endpoint only (an indexed row or two on a WAL pool,
    /// which never waits for the writer): they are shorter than the two thread switches they save.
    public func readNow<T>(_ value: (Database) throws -> T) throws -> T {
        try writer.read(value)
    }

    // MARK: Events

    /// Appends an event to the outbox.
    public func publish<Event: BusEvent>(_ event: Event, subject: String?, in db: Database) throws {
        let source = eventSource
        try EventOutbox.append(id: MessageID.random(), type: Event.eventType, in: db) { sequence in
            try CloudEvent(event, source: source, sequence: sequence, subject: subject).jsonBytes()
        }
    }

    // MARK: Devices

    /// Creates or replaces a device. Returns true when it was new.
    @discardableResult
    public func register(_ registration: SessionDeviceRegister, in db: Database) throws -> Bool {
        guard let clientAuth = AuthScheme(rawValue: registration.clientAuth.lowercased()),
            let serverAuth = AuthScheme(rawValue: registration.serverAuth.lowercased())
        else { throw StoreError.invalid("clientAuth and serverAuth must be basic, md5 or hmac") }
        guard !registration.deviceID.isEmpty, !registration.clientName.isEmpty, !registration.serverID.isEmpty else {
            throw StoreError.invalid("deviceID, clientName and serverID must not be empty")
        }
        let existing = try account(registration.deviceID, in: db)
        let account = DeviceAccount(
            deviceID: registration.deviceID, msisdn: registration.msisdn,
            notificationAddress: registration.notificationAddress, serverID: registration.serverID,
            clientAuth: clientAuth, clientName: registration.clientName, clientSecret: registration.clientSecret,
            clientNonce: registration.clientNonce ?? existing?.clientNonce ?? "",
            serverAuth: serverAuth, serverName: registration.serverName, serverSecret: registration.serverSecret,
            serverNonce: registration.serverNonce ?? existing?.serverNonce ?? "")
        let now = Date().timeIntervalSince1970
        try db.execute(
            sql: """
                INSERT INTO device (id, msisdn, notification_address, server_id, client_auth, client_name, client_digest,
                    client_nonce, server_auth, server_name, server_secret, server_nonce, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET msisdn = excluded.msisdn, notification_address = excluded.notification_address,
                    server_id = excluded.server_id, client_auth = excluded.client_auth, client_name = excluded.client_name,
                    client_digest = excluded.client_digest, client_nonce = excluded.client_nonce,
                    server_auth = excluded.server_auth, server_name = excluded.server_name,
                    server_secret = excluded.server_secret, server_nonce = excluded.server_nonce,
                    updated_at = excluded.updated_at
                """,
            arguments: [
                account.deviceID, account.msisdn, account.notificationAddress, account.serverID,
                account.clientAuth.rawValue, account.clientName, account.clientDigest, account.clientNonce,
                account.serverAuth.rawValue, account.serverName, account.serverSecret, account.serverNonce, now, now,
            ])
        return existing == nil
    }

    /// A device's account, or nil.
    public func account(_ deviceID: String, in db: Database) throws -> DeviceAccount? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM device WHERE id = ?"), arguments: [deviceID]) else {
            return nil
        }
        return DeviceAccount(
            deviceID: row["id"], msisdn: row["msisdn"], notificationAddress: row["notification_address"],
            serverID: row["server_id"], clientAuth: AuthScheme(rawValue: row["client_auth"]) ?? .md5,
            clientName: row["client_name"], clientDigest: row["client_digest"], clientNonce: row["client_nonce"],
            serverAuth: AuthScheme(rawValue: row["server_auth"]) ?? .md5, serverName: row["server_name"],
            serverSecret: row["server_secret"], serverNonce: row["server_nonce"],
            supportsAtomic: row["supports_atomic"], supportsSequence: row["supports_sequence"])
    }

    /// Every device (without secrets), by id.
    public func devices(in db: Database) throws -> [DeviceView] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM device ORDER BY id")).map(DeviceView.init(row:))
    }

    /// One device (without secrets).
    public func device(_ deviceID: String, in db: Database) throws -> DeviceView? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM device WHERE id = ?"), arguments: [deviceID]).map(DeviceView.init(row:))
    }

    /// Deletes a device with its queue and tree. Returns false when there was none.
    @discardableResult
    public func deleteDevice(_ deviceID: String, in db: Database) throws -> Bool {
        try db.execute(sql: "DELETE FROM device WHERE id = ?", arguments: [deviceID])
        let deleted = db.changesCount > 0
        try db.execute(sql: "DELETE FROM command WHERE device_id = ?", arguments: [deviceID])
        try db.execute(sql: "DELETE FROM tree_value WHERE device_id = ?", arguments: [deviceID])
        return deleted
    }

    // MARK: Command queue

    /// Queues a command; returns its id (the given one, or a new UUID). Enqueuing an id again changes nothing.
    @discardableResult
    public func enqueue(_ request: SessionCommandEnqueue, in db: Database) throws -> String {
        guard try account(request.deviceID, in: db) != nil else { throw StoreError.notFound("no device \(request.deviceID)") }
        try Self.validate(request.command)
        let id = request.commandID ?? MessageID.random()
        try db.execute(
            sql: """
                INSERT INTO command (id, device_id, priority, kind, spec, enqueued_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO NOTHING
                """,
            arguments: [
                id, request.deviceID, request.priority ?? 0, request.command.kind.rawValue,
                try ContractsJSON.encode(request.command), Date().timeIntervalSince1970,
            ])
        return id
    }

    /// Checks a command spec makes sense before it is queued.
    static func validate(_ spec: SessionCommandSpec) throws {
        switch spec.kind {
        case .atomic, .sequence:
            guard let inner = spec.commands, !inner.isEmpty else {
                throw StoreError.invalid("\(spec.kind.rawValue) needs commands")
            }
            for child in inner {
                if spec.kind == .atomic, child.kind == .atomic || child.kind == .get || child.kind == .exec {
                    throw StoreError.invalid("atomic cannot hold \(child.kind.rawValue)")
                }
                try validate(child)
            }
        case .alert:
            guard let code = spec.alertCode, (1100...1104).contains(code) else {
                throw StoreError.invalid("alert needs alertCode 1100...1104")
            }
        case .copy:
            guard spec.items.count == 1, spec.items[0].target != nil, spec.items[0].source != nil else {
                throw StoreError.invalid("copy needs one item with target and source")
            }
        default:
            guard !spec.items.isEmpty, spec.items.allSatisfy({ $0.target != nil }) else {
                throw StoreError.invalid("\(spec.kind.rawValue) needs items with a target")
            }
        }
    }

    /// The device's queued commands, highest priority first, then oldest.
    public func queued(_ deviceID: String, limit: Int, in db: Database) throws -> [QueuedCommand] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT id, spec FROM command WHERE device_id = ? AND state = 'queued' ORDER BY priority DESC, seq LIMIT ?"),
            arguments: [deviceID, limit]
        ).map { row in
            QueuedCommand(id: row["id"], spec: try specs.spec(row["spec"]))
        }
    }

    /// The device's commands, newest first, optionally in one state.
    public func commands(_ deviceID: String, state: String?, limit: Int, in db: Database) throws -> [CommandView] {
        var sql = "SELECT * FROM command WHERE device_id = ?"
        var arguments: StatementArguments = [deviceID]
        if let state {
            sql += " AND state = ?"
            _ = arguments.append(contentsOf: [state])
        }
        sql += " ORDER BY seq DESC LIMIT ?"
        _ = arguments.append(contentsOf: [limit])
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(CommandView.init(row:))
    }

    /// Puts back in the queue every command a session took but never finished (after a restart).
    public func requeueUnfinished(in db: Database) throws {
        try db.execute(sql: "UPDATE command SET state = 'queued', session_id = NULL WHERE state = 'sent'")
        try db.execute(
            sql: "UPDATE dm_session SET ended_at = ?, outcome = 'timed-out' WHERE ended_at IS NULL",
            arguments: [Date().timeIntervalSince1970])
    }

    // MARK: Tree

    /// The last-known values under `prefix` (a node and its subtree), by URI.
    public func tree(_ deviceID: String, prefix: String?, in db: Database) throws -> [TreeNodeView] {
        var sql = "SELECT * FROM tree_value WHERE device_id = ?"
        var arguments: StatementArguments = [deviceID]
        if let prefix, !prefix.isEmpty, prefix != "." {
            let trimmed = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
            sql += " AND (uri = ? OR substr(uri, 1, ?) = ?)"
            _ = arguments.append(contentsOf: [trimmed, trimmed.utf8.count + 1, trimmed + "/"])
        }
        sql += " ORDER BY uri"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(TreeNodeView.init(row:))
    }

    // MARK: Wake-up

    /// The unanswered wake-up of `deviceID` whose package #0 carried the SessionID a session uses, if any (the
    /// newest). Clients write that 16-bit id as the spec asks (uppercase hex without leading zeros), in decimal
    /// (an AOSP build switch), or byte-swapped (libdmclient's `ntohs` on a host-order value): all three match.
    func answeredWakeup(deviceID: String, syncMLSessionID: String, in db: Database) throws -> String? {
        let candidates = Self.package0SessionIDs(forms: syncMLSessionID)
        guard !candidates.isEmpty else { return nil }
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT notification_id, package0_session_id FROM wakeup
                    WHERE device_id = ? AND session_id IS NULL ORDER BY requested_at DESC LIMIT 16
                    """),
            arguments: [deviceID])
        // Exact (hex) matches first, then the lenient forms.
        for candidate in candidates {
            if let row = rows.first(where: { ($0["package0_session_id"] as Int) == candidate }) {
                return row["notification_id"]
            }
        }
        return nil
    }

    /// The package #0 session ids a SyncHdr SessionID may stand for, most likely first: hex, decimal (also a
    /// negative one from a sign-extended byte), byte-swapped hex.
    static func package0SessionIDs(forms text: String) -> [Int] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var ids: [Int] = []
        func add(_ value: Int?) {
            guard let value, (0...0xFFFF).contains(value), !ids.contains(value) else { return }
            ids.append(value)
        }
        let hex = trimmed.count <= 4 ? Int(trimmed, radix: 16) : nil
        add(hex)
        if let decimal = Int(trimmed) { add(decimal < 0 ? decimal & 0xFFFF : decimal) }
        if let hex { add(((hex & 0xFF) << 8) | (hex >> 8)) }
        return ids
    }

    /// Builds package #0 for a device with its server credentials and nonce and hands it to dm-notify
    /// (`notify.package0.deliver` in the command outbox, same transaction).
    public func wakeup(_ request: SessionWakeup, in db: Database) throws -> SessionWakeupRequested {
        guard let account = try account(request.deviceID, in: db) else {
            throw StoreError.notFound("no device \(request.deviceID)")
        }
        let mode: PackageZero.UIMode
        switch request.uiMode ?? "not-specified" {
        case "not-specified": mode = .notSpecified
        case "background": mode = .background
        case "informative": mode = .informative
        case "user-interaction": mode = .userInteraction
        default: throw StoreError.invalid("uiMode must be not-specified, background, informative or user-interaction")
        }
        let sessionID = UInt16.random(in: 1...0xFFFF)
        let package = PackageZero(uiMode: mode, initiator: .server, sessionID: sessionID, serverID: account.serverID)
        let nonce = Base64.decode(account.serverNonce) ?? Array(account.serverNonce.utf8)
        let bytes = try package.encoded(password: account.serverSecret, nonce: nonce)
        let sessionHex = String(sessionID, radix: 16, uppercase: true)
        let deliver = NotifyPackage0Deliver(
            deviceID: account.deviceID, msisdn: account.msisdn, notificationAddress: account.notificationAddress,
            serverID: account.serverID, sessionID: sessionHex, package0: Base64.encode(bytes))
        let id = MessageID.random()
        try db.execute(
            sql: "INSERT INTO wakeup (notification_id, device_id, package0_session_id, requested_at) VALUES (?, ?, ?, ?)",
            arguments: [id, account.deviceID, Int(sessionID), Date().timeIntervalSince1970])
        try CommandSender.enqueue(
            id: id, target: "notify", name: NotifyPackage0Deliver.commandName,
            data: String(decoding: try ContractsJSON.encode(deliver), as: UTF8.self), source: eventSource, in: db)
        return SessionWakeupRequested(deviceID: account.deviceID, notificationID: id, sessionID: sessionHex)
    }
}

/// A request the store refuses.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// `invalid` or `not-found`.
    public var kind: String
    /// What is wrong.
    public var description: String

    static func invalid(_ message: String) -> StoreError { StoreError(kind: "invalid", description: message) }
    static func notFound(_ message: String) -> StoreError { StoreError(kind: "not-found", description: message) }
}
