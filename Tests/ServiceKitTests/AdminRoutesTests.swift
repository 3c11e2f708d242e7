import CoreMetrics
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Prometheus
import ServiceKit
import Testing

@Suite("Admin HTTP")
struct AdminRoutesTests {
    func makeHost(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) throws -> ServiceHost {
        var store = try ServiceStore.inMemory()
        store.migrator.registerMigration("v1: item") { db in
            try db.create(table: "item") { table in table.autoIncrementedPrimaryKey("id") }
        }
        return ServiceHost(
            configuration: ServiceConfiguration(service: "fumo", instanceID: "fumo-test", admin: .init(port: 0)),
            telemetry: makeTestTelemetry(registry: registry), store: store)
    }

    @Test("/healthz answers 200 with who the process is")
    func healthz() async throws {
        let host = try makeHost()
        let app = host.makeApplication(router: host.makeAdminRouter())
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let health = try JSONDecoder().decode(
                    [String: JSONValue].self, from: Data(String(buffer: response.body).utf8))
                #expect(health["status"] == .string("alive"))
                #expect(health["service"] == .string("dm-fumo"))
                #expect(health["instance"] == .string("fumo-test"))
                #expect(health["version"] == .string(ServiceIdentity.stackVersion))
            }
        }
    }

    @Test("/readyz is 503 naming the failing check, then 200 once it passes")
    func readyz() async throws {
        let host = try makeHost()
        let bus = ReadinessFlag(notReady: "not connected to dm-bus")
        host.readiness.register("bus", bus)
        let app = host.makeApplication(router: host.makeAdminRouter())
        try await app.test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let report = try JSONDecoder().decode(
                    ReadinessReport.self, from: Data(String(buffer: response.body).utf8))
                #expect(report.status == "not ready")
                #expect(report.notReady == ["bus"])
                #expect(
                    report.checks == [
                        .init(name: "store", ready: true, reason: nil),
                        .init(name: "bus", ready: false, reason: "not connected to dm-bus"),
                    ])
            }
            bus.markReady()
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                let report = try JSONDecoder().decode(
                    ReadinessReport.self, from: Data(String(buffer: response.body).utf8))
                #expect(report.status == "ready")
                #expect(report.notReady.isEmpty)
            }
        }
    }

    @Test("/readyz reports the store not ready until its migrations are applied")
    func storeReadiness() async throws {
        let host = try makeHost()
        let store = try #require(host.store)
        #expect(await host.readiness.evaluate().notReady == ["store"])
        try await store.migrate()
        #expect(await host.readiness.evaluate().isReady)
    }

    @Test("/metrics serves the registry, including a counter a component increments")
    func metrics() async throws {
        let registry = PrometheusCollectorRegistry()
        let host = try makeHost(registry: registry)
        let handled = Counter(label: "dm_test_events_handled_total", factory: host.telemetry.metricsFactory)
        handled.increment(by: 3)
        let app = host.makeApplication(router: host.makeAdminRouter())
        try await app.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                let text = String(buffer: response.body)
                let lines = text.split(separator: "\n").map(String.init)
                #expect(lines.contains("# TYPE dm_test_events_handled_total counter"))
                #expect(lines.contains("dm_test_events_handled_total 3"))
                #expect(lines.contains(#"dm_service_info{service="dm-fumo",instance="fumo-test",version="0.1.0"} 1.0"#))
                #expect(lines.contains { $0.hasPrefix("process_start_time_seconds ") })
            }
            handled.increment()
            try await client.execute(uri: "/metrics", method: .get) { response in
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.contains("dm_test_events_handled_total 4"))
            }
        }
    }

    @Test("A service adds its own admin routes next to the built-in ones")
    func serviceRoutes() async throws {
        let host = try makeHost()
        let router = host.makeAdminRouter()
        router.get("operations/count") { _, _ in "0" }
        let app = host.makeApplication(router: router)
        try await app.test(.router) { client in
            try await client.execute(uri: "/operations/count", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "0")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}

/// Enough of JSON to compare decoded scalars.
enum JSONValue: Decodable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }
}
