import Contracts
@testable import DMSessionServer
import Foundation
import GRDB
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import ServiceKit
import Synchronization
import SyncML

/// A moveable clock for timeouts.
final class TestClock: Sendable {
    private let time = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: Double) { time.withLock { $0 += seconds } }
}

/// dm-session in process on an in-memory SQLite database.
struct Harness {
    let store: SessionStore
    let server: DMServer
    let clock: TestClock

    static func make(limits: SessionLimits = SessionLimits(), paths: [String] = ["/dm"]) async throws -> Harness {
        var serviceStore = try ServiceStore.inMemory()
        SessionSchema.register(in: &serviceStore.migrator)
        try await serviceStore.migrate()
        let store = SessionStore(writer: serviceStore.writer, eventSource: "dm-session")
        let clock = TestClock()
        var logger = Logger(label: "dm-session-test")
        logger.logLevel = .critical
        let server = DMServer(
            store: store, configuration: DMSessionConfiguration(port: 0, paths: paths, limits: limits), logger: logger,
            clock: { clock.now })
        return Harness(store: store, server: server, clock: clock)
    }

    var router: Router<BasicRequestContext> { server.makeRouter() }

    /// Runs a whole session of `device` through the router; returns the exchanges and the device after it.
    func session(_ device: TestDevice, alert: Int = 1201) async throws -> ([Exchange], TestDevice) {
        try await application.test(.router) { client in
            var device = device
            let exchanges = try await client.runSession(&device, alert: alert)
            return (exchanges, device)
        }
    }

    var application: some ApplicationProtocol { Application(router: router) }

    /// An admin application (the routes of ``AdminAPI``).
    var adminApplication: some ApplicationProtocol {
        let router = Router()
        AdminAPI(server: server).register(on: router)
        return Application(router: router)
    }

    func register(_ device: TestDevice, serverAuth: AuthScheme? = nil, serverNonce: String = "") async throws {
        let registration = SessionDeviceRegister(
            deviceID: device.deviceID, msisdn: "+491510000000", serverID: "dm.test", clientAuth: device.scheme.rawValue,
            clientName: device.user, clientSecret: device.secret, serverAuth: (serverAuth ?? device.serverScheme).rawValue,
            serverName: "dm.test", serverSecret: device.serverSecret, clientNonce: Base64.encode(device.clientNonce),
            serverNonce: serverNonce.isEmpty ? Base64.encode(device.serverNonce) : serverNonce)
        let store = self.store
        try await store.writer.write { db in _ = try store.register(registration, in: db) }
    }

    @discardableResult
    func enqueue(_ deviceID: String, _ spec: SessionCommandSpec, priority: Int = 0) async throws -> String {
        let store = self.store
        return try await store.writer.write { db in
            try store.enqueue(SessionCommandEnqueue(deviceID: deviceID, command: spec, priority: priority), in: db)
        }
    }

    func commands(_ deviceID: String) async throws -> [CommandView] {
        let store = self.store
        return try await store.writer.read { db in try store.commands(deviceID, state: nil, limit: 100, in: db) }.reversed()
    }

    func tree(_ deviceID: String, _ prefix: String? = nil) async throws -> [String: String] {
        let store = self.store
        let nodes = try await store.writer.read { db in try store.tree(deviceID, prefix: prefix, in: db) }
        return Dictionary(uniqueKeysWithValues: nodes.map { ($0.uri, $0.value ?? "") })
    }

    func account(_ deviceID: String) async throws -> DeviceAccount? {
        let store = self.store
        return try await store.writer.read { db in try store.account(deviceID, in: db) }
    }

    /// The types of the events in the outbox, in order.
    func eventTypes() async throws -> [String] {
        try await store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT type FROM bus_event_outbox ORDER BY sequence")
        }
    }

    /// The events of one type, decoded.
    func events<E: BusEvent>(_ type: E.Type) async throws -> [E] {
        let payloads = try await store.writer.read { db in
            try Data.fetchAll(db, sql: "SELECT payload FROM bus_event_outbox WHERE type = ? ORDER BY sequence", arguments: [E.eventType])
        }
        return try payloads.map { try ContractsJSON.decode(CloudEvent<E>.self, from: $0).data }
    }
}

/// An HTTP exchange as a device sees it.
struct Exchange {
    var status: Int
    var contentType: String?
    var body: [UInt8]
    var hmac: String?
    var message: SyncMLMessage?
}

extension TestClientProtocol {
    /// Posts a message body to a path (or to an absolute RespURI's path).
    func post(
        _ target: String, body: [UInt8], contentType: String, hmac: String? = nil
    ) async throws -> Exchange {
        let path = URL(string: target).map { $0.path.isEmpty ? target : $0.path } ?? target
        var headers: HTTPFields = [.contentType: contentType]
        if let hmac { headers[HTTPField.Name("x-syncml-hmac")!] = hmac }
        return try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
            let bytes = Array(response.body.readableBytesView)
            let message = response.status == .ok ? try? SyncMLMessage(bytes: bytes) : nil
            return Exchange(
                status: Int(response.status.code), contentType: response.headers[.contentType], body: bytes,
                hmac: response.headers[HTTPField.Name("x-syncml-hmac")!], message: message)
        }
    }
}
