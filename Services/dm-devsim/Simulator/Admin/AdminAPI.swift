import DMTree
import Foundation
import SyncML
public import Hummingbird
import NIOCore

/// JSON views the admin REST API returns.
public struct DeviceSummary: Codable, Sendable {
    public var id: String
    public var msisdn: String
    public var manufacturer: String
    public var model: String
    public var firmwareVersion: String
    public var encoding: String
    public var clientAuth: String?
    public var fumoState: String?
    public var lawmoState: String?
    public var pendingAlerts: Int
    public var pendingOperations: Int
}

/// One node of a device's tree as the admin API shows it.
public struct TreeNodeView: Codable, Sendable {
    public var uri: String
    public var format: String
    public var type: String?
    public var acl: String?
    /// The value as text, or base64 for binary values (`valueBase64`).
    public var value: String?
    public var valueBase64: String?
    public var children: [String]?
}

/// A session's outcome as the admin API returns it.
public struct SessionView: Codable, Sendable {
    public var outcome: String
    public var detail: String
    public var messages: Int
    public var milliseconds: Double
}

/// The body of `POST /devices/{id}/generic-alert`.
public struct GenericAlertRequest: Codable, Sendable {
    public var type: String
    public var format: String?
    public var mark: String?
    public var data: String
    public var source: String?
    public var correlator: String?
}

extension SimulatedDevice {
    /// The device's summary for the admin API.
    public var summary: DeviceSummary {
        let fumo = tree.node("./FwUpdate")?.children.first.flatMap { tree.value("./FwUpdate/\($0)/State") }
        return DeviceSummary(
            id: deviceID, msisdn: identity.msisdn, manufacturer: tree.value("./DevInfo/Man") ?? "",
            model: tree.value("./DevInfo/Mod") ?? "", firmwareVersion: tree.value("./DevDetail/FwV") ?? "",
            encoding: encoding.rawValue, clientAuth: DMAccountView(tree: tree)?.clientAuth.rawValue, fumoState: fumo,
            lawmoState: tree.value("./LAWMO/State"), pendingAlerts: pendingAlerts.count,
            pendingOperations: pendingOperations.count)
    }

    /// The nodes at and below `path`, as the admin API shows them.
    public func treeView(at path: String = ".") -> [TreeNodeView] {
        guard let root = try? DMTreePath.uri(path) else { return [] }
        return tree.subtree(root).compactMap { uri in
            guard let node = tree.node(uri) else { return nil }
            var view = TreeNodeView(
                uri: uri.description, format: node.format.rawValue, type: node.type,
                acl: node.acl.isEmpty ? nil : node.acl.description)
            if node.isInterior {
                view.children = node.children
            } else if let value = node.value {
                if node.format != .bin, let text = String(validating: value, as: UTF8.self) {
                    view.value = text
                } else {
                    view.valueBase64 = Base64Coding.encode(value)
                }
            }
            return view
        }
    }
}

enum DMTreePath {
    static func uri(_ path: String) throws -> NodeURI { try NodeURI(path) }
}

extension SessionResult {
    var view: SessionView {
        let detail: String
        switch outcome {
        case .protocolError(let text), .transportError(let text): detail = text
        default: detail = ""
        }
        return SessionView(
            outcome: outcome.kind, detail: detail, messages: messages, milliseconds: Double(nanoseconds) / 1e6)
    }
}

/// The HTTP side on port 9089: HTTP push of Package #0 for IP-reachable devices, and the admin REST API.
///
/// - `GET /healthz`
/// - `GET /devices` — every device's summary
/// - `GET /devices/{id}` — one device (by device id or MSISDN)
/// - `GET /devices/{id}/tree[?path=./DevDetail]` — the tree (or a subtree)
/// - `POST /devices/{id}/sessions` — a client-initiated session now; answers with its outcome
/// - `POST /devices/{id}/generic-alert` — queue a Generic Alert (JSON body) and report it in a session
/// - `POST /push/{id}` — a Package #0 (`application/vnd.syncml.notification` body) for the device
/// - `GET /stats` — session outcomes by kind
public enum AdminRoutes {
    public static func router(fleet: DeviceFleet) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/readyz") { _, _ in "ready\n" }
        router.get("/stats") { _, _ in
            try json(await fleet.outcomes)
        }
        router.get("/devices") { _, _ in
            let ids = await fleet.deviceIDs
            var list: [DeviceSummary] = []
            for id in ids { if let device = await fleet.device(id) { list.append(device.summary) } }
            return try json(list)
        }
        router.get("/devices/:id") { _, context in
            guard let device = await fleet.device(try context.parameters.require("id")) else { return notFound() }
            return try json(device.summary)
        }
        router.get("/devices/:id/tree") { request, context in
            guard let device = await fleet.device(try context.parameters.require("id")) else { return notFound() }
            return try json(device.treeView(at: request.uri.queryParameters.get("path") ?? "."))
        }
        router.post("/devices/:id/sessions") { _, context in
            guard let device = await fleet.device(try context.parameters.require("id")) else { return notFound() }
            guard let result = await fleet.runSession(device.deviceID) else {
                return Response(status: .conflict, body: .init(byteBuffer: ByteBuffer(string: "busy or offline\n")))
            }
            return try json(result.view)
        }
        router.post("/devices/:id/generic-alert") { request, context in
            guard let device = await fleet.device(try context.parameters.require("id")) else { return notFound() }
            let body = try await request.body.collect(upTo: 1 << 20)
            let alert = try JSONDecoder().decode(GenericAlertRequest.self, from: Data(body.readableBytesView))
            await fleet.queueAlert(
                PendingAlert(
                    type: alert.type, format: alert.format ?? "int", mark: alert.mark, data: alert.data,
                    source: alert.source, correlator: alert.correlator), on: device.deviceID)
            guard let result = await fleet.runSession(device.deviceID) else {
                return Response(status: .accepted, body: .init(byteBuffer: ByteBuffer(string: "queued\n")))
            }
            return try json(result.view)
        }
        router.post("/push/:id") { request, context in
            let id = try context.parameters.require("id")
            let body = try await request.body.collect(upTo: 1 << 16)
            let verdict = await fleet.notify(id, packageZero: Array(body.readableBytesView))
            let status: HTTPResponse.Status
            switch verdict {
            case .sessionStarted, .duplicate, .userRejected, .offline: status = .accepted
            case .unknownDevice: status = .notFound
            default: status = .badRequest
            }
            return Response(status: status, body: .init(byteBuffer: ByteBuffer(string: verdict.name + "\n")))
        }
        return router
    }

    static func json(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func notFound() -> Response {
        Response(status: .notFound, body: .init(byteBuffer: ByteBuffer(string: "no such device\n")))
    }
}
