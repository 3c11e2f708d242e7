import Foundation
public import Hummingbird
public import Prometheus

/// The admin endpoints every service serves:
///
/// - `GET /healthz`: 200 while the process runs, with who it is (`{"status":"alive","service":"dm-fumo",...}`).
/// - `GET /readyz`: 200 when every readiness check passes, else 503; both with a ``ReadinessReport``.
/// - `GET /metrics`: the Prometheus text exposition of the registry.
///
/// ``ServiceHost/makeAdminRouter()`` registers them; a service with its own router (its own request context, say)
/// calls ``register(on:)``.
public struct AdminRoutes: Sendable {
    /// Who the process is, for `/healthz`.
    public let identity: ServiceIdentity

    /// The checks `/readyz` runs.
    public let readiness: ReadinessChecks

    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry

    /// Creates the routes.
    ///
    /// - Parameters:
    ///   - identity: Who the process is.
    ///   - readiness: The checks `/readyz` runs.
    ///   - registry: The registry `/metrics` renders.
    public init(identity: ServiceIdentity, readiness: ReadinessChecks, registry: PrometheusCollectorRegistry) {
        self.identity = identity
        self.readiness = readiness
        self.registry = registry
    }

    /// Adds `/healthz`, `/readyz` and `/metrics` to `router`.
    ///
    /// - Parameter router: A router or router group.
    public func register<Context: RequestContext>(on router: some RouterMethods<Context>) {
        let identity = self.identity
        let readiness = self.readiness
        let registry = self.registry
        router.get("healthz") { _, _ -> Response in
            let health = Health(
                status: "alive", service: identity.executableName, instance: identity.instanceID,
                version: identity.version, uptimeSeconds: identity.uptimeSeconds())
            return Self.json(health, status: .ok)
        }
        router.get("readyz") { _, _ -> Response in
            let report = await readiness.evaluate()
            return Self.json(report, status: report.isReady ? .ok : .serviceUnavailable)
        }
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }

    private struct Health: Encodable {
        var status: String
        var service: String
        var instance: String
        var version: String
        var uptimeSeconds: Double
    }

    private static func json(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else {
            return Response(status: .internalServerError)
        }
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
