import Contracts
import Foundation
import GRDB
public import Hummingbird
import NIOCore

/// dm-session's admin REST API on the admin port (next to `/healthz`, `/readyz`, `/metrics`). JSON in and out
/// (dates RFC 3339); errors are `{"error": "..."}` with 400, 404 or 503. Described in `docs/openapi/dm-session.yaml`.
///
/// - `POST /devices` (a `session.device.register` body) and `PUT /devices/{id}`: create or replace a device;
/// - `POST /devices/import`: a JSON array of registrations, or CSV (`text/csv`) with a header line naming the
///   same fields;
/// - `GET /devices`, `GET /devices/{id}`, `DELETE /devices/{id}`;
/// - `POST /devices/{id}/commands` `{"command": {...}, "priority": 0, "commandID": "..."}`: enqueue;
/// - `GET /devices/{id}/commands[?state=queued|sent|completed]`, `GET /devices/{id}/results` (completed ones);
/// - `GET /devices/{id}/tree[?uri=./DevInfo]`: the last-known tree;
/// - `POST /devices/{id}/wakeup` `{"uiMode": "background"}`: package #0 to dm-notify.
public struct AdminAPI: Sendable {
    let server: DMServer

    /// Creates the API over a DM server's store.
    public init(server: DMServer) {
        self.server = server
    }

    /// The body of `POST /devices/{id}/commands`.
    struct EnqueueBody: Codable {
        var command: SessionCommandSpec
        var priority: Int?
        var commandID: String?
    }

    /// The body of `POST /devices/{id}/wakeup`.
    struct WakeupBody: Codable {
        var uiMode: String?
    }

    /// Adds the routes.
    public func register<Context: RequestContext>(on router: some RouterMethods<Context>) {
        let store = server.store
        router.post("devices") { request, _ -> Response in
            await Self.run {
                let registration = try await Self.decode(SessionDeviceRegister.self, request)
                let created = try await store.writer.write { db in try store.register(registration, in: db) }
                return try Self.json(
                    SessionDeviceRegistered(deviceID: registration.deviceID, created: created), status: created ? .created : .ok)
            }
        }
        router.put("devices/:id") { request, context -> Response in
            await Self.run {
                var decoded = try await Self.decode(SessionDeviceRegister.self, request)
                decoded.deviceID = try context.parameters.require("id")
                let registration = decoded
                let created = try await store.writer.write { db in try store.register(registration, in: db) }
                return try Self.json(
                    SessionDeviceRegistered(deviceID: registration.deviceID, created: created), status: created ? .created : .ok)
            }
        }
        router.post("devices/import") { request, _ -> Response in
            await Self.run {
                var request = request
                let body = Array(try await request.collectBody(upTo: 64 << 20).readableBytesView)
                let registrations = try DeviceImport.parse(body, contentType: request.headers[.contentType] ?? "")
                let created = try await store.writer.write { db in
                    try registrations.reduce(0) { count, registration in count + (try store.register(registration, in: db) ? 1 : 0) }
                }
                return try Self.json(["imported": registrations.count, "created": created], status: .ok)
            }
        }
        router.get("devices") { _, _ -> Response in
            await Self.run { try Self.json(try await store.writer.read { db in try store.devices(in: db) }) }
        }
        router.get("devices/:id") { _, context -> Response in
            await Self.run {
                let id = try context.parameters.require("id")
                guard let device = try await store.writer.read({ db in try store.device(id, in: db) }) else {
                    throw StoreError(kind: "not-found", description: "no device \(id)")
                }
                return try Self.json(device)
            }
        }
        router.delete("devices/:id") { _, context -> Response in
            await Self.run {
                let id = try context.parameters.require("id")
                let deleted = try await store.writer.write { db in try store.deleteDevice(id, in: db) }
                guard deleted else { throw StoreError(kind: "not-found", description: "no device \(id)") }
                return try Self.json(SessionDeviceDeleted(deviceID: id, deleted: true))
            }
        }
        router.post("devices/:id/commands") { request, context -> Response in
            await Self.run {
                let id = try context.parameters.require("id")
                let body = try await Self.decode(EnqueueBody.self, request)
                let enqueue = SessionCommandEnqueue(
                    deviceID: id, command: body.command, priority: body.priority, commandID: body.commandID)
                let commandID = try await store.writer.write { db in try store.enqueue(enqueue, in: db) }
                return try Self.json(SessionCommandEnqueued(commandID: commandID, deviceID: id), status: .created)
            }
        }
        router.get("devices/:id/commands") { request, context -> Response in
            await Self.run {
                let id = try context.parameters.require("id")
                let state = request.uri.queryParameters.get("state")
                return try Self.json(try await store.writer.read { db in try store.commands(id, state: state, limit: 1000, in: db) })
            }
        }
        router.get("devices/:id/results") { _, context -> Response in
            await Self.run {
                let id = try context.parameters.require("id")
                return try Self.json(
                    try await store.writer.read { db in try store.commands(id, state: "completed", limit: 1000, in: db) })
            }
        }
        router.get("devices/:id/tree") { request, context -> Response in
            await Self.run {
                let id = try context.parameters.require("id")
                let uri = request.uri.queryParameters.get("uri")
                return try Self.json(try await store.writer.read { db in try store.tree(id, prefix: uri, in: db) })
            }
        }
        router.post("devices/:id/wakeup") { request, context -> Response in
            await Self.run {
                let id = try context.parameters.require("id")
                var request = request
                let body = try await request.collectBody(upTo: 1 << 16)
                let uiMode = body.readableBytes == 0
                    ? nil : try? ContractsJSON.decode(WakeupBody.self, from: Data(body.readableBytesView)).uiMode
                let requested = try await store.writer.write { db in
                    try store.wakeup(SessionWakeup(deviceID: id, uiMode: uiMode), in: db)
                }
                return try Self.json(requested, status: .accepted)
            }
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        var request = request
        let body = try await request.collectBody(upTo: 16 << 20)
        do {
            return try ContractsJSON.decode(type, from: Data(body.readableBytesView))
        } catch {
            throw StoreError(kind: "invalid", description: "invalid JSON body: \(error)")
        }
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = ContractsJSON.makeEncoder()
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Runs a handler, mapping refusals to 400/404 and anything else to 503.
    static func run(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as StoreError {
            return (try? json(["error": error.description], status: error.kind == "not-found" ? .notFound : .badRequest))
                ?? Response(status: .badRequest)
        } catch let error as HTTPError {
            return (try? json(["error": "\(error)"], status: error.status)) ?? Response(status: error.status)
        } catch {
            return (try? json(["error": "\(error)"], status: .serviceUnavailable)) ?? Response(status: .serviceUnavailable)
        }
    }
}
