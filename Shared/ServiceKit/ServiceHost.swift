import Foundation
import GRDB
public import Hummingbird
public import Logging
import Prometheus
public import ServiceLifecycle

/// Assembles a service from the kit's parts: identity, logger, readiness checks, store, the admin server and the
/// long-running services, run as one `ServiceGroup`.
///
/// A service's `buildApplication` creates one host, registers what it runs and returns the application:
///
/// ```swift
/// func buildApplication(reader: ConfigReader, telemetry: Telemetry) async throws -> some ApplicationProtocol {
///     let settings = try ServiceConfiguration(service: "fumo", reader: reader)
///     var store = try ServiceStore.open(configuration: settings)
///     store.migrator.registerMigration("v1: operations") { db in ... }
///     var host = ServiceHost(configuration: settings, telemetry: telemetry, store: store)
///     host.addService(OperationWorker(store: store, logger: host.logger))
///     let router = host.makeAdminRouter()
///     router.get("operations/:id") { request, context in ... }
///     return host.makeApplication(router: router)
/// }
/// ```
///
/// Start-up order: the application's `beforeServerStarts` applies the store's migrations; only then do the admin
/// server and every service added with ``addService(_:)`` start. On SIGTERM or SIGINT the server stops first,
/// then the services in reverse order of registration, each finishing or persisting its in-flight work.
public struct ServiceHost: Sendable {
    /// The shared settings.
    public let configuration: ServiceConfiguration

    /// Who the process is.
    public let identity: ServiceIdentity

    /// The logging and metrics backends.
    public let telemetry: Telemetry

    /// The service's logger, labelled `dm-<service>`, with `dm.instance` metadata. Hand it (or a child) to
    /// components instead of creating loggers in shared code.
    public let logger: Logger

    /// The checks `/readyz` runs; the host registers `store` when it has a store.
    public let readiness: ReadinessChecks

    /// The service's database, if it has one.
    public let store: ServiceStore?

    /// The long-running services, in start order, each held back until the migrations are applied.
    public private(set) var services: [any Service] = []

    private let gate = StartupGate()

    /// Creates a host.
    ///
    /// - Parameters:
    ///   - configuration: The shared settings.
    ///   - telemetry: The logging and metrics backends (``Telemetry/bootstrap(_:)`` in a service).
    ///   - store: The service's database with its migrations registered, or `nil` for a service without one.
    ///   - identity: Who the process is; defaults to an identity starting now.
    public init(
        configuration: ServiceConfiguration, telemetry: Telemetry, store: ServiceStore?,
        identity: ServiceIdentity? = nil
    ) {
        let identity =
            identity ?? ServiceIdentity(service: configuration.service, instanceID: configuration.instanceID)
        self.configuration = configuration
        self.identity = identity
        self.telemetry = telemetry
        self.store = store
        var logger = telemetry.logger(label: identity.executableName)
        logger[metadataKey: "dm.instance"] = .string(identity.instanceID)
        self.logger = logger
        self.readiness = ReadinessChecks()
        if let store {
            readiness.register("store") { await store.readiness() }
        }
        telemetry.registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "dm", metricName: "service", unitName: "info",
                helpText: "Always 1; the labels name the running service, instance and stack version."),
            labels: [
                ("service", identity.executableName), ("instance", identity.instanceID), ("version", identity.version),
            ]
        ).set(to: 1)
        telemetry.registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "process", metricName: "start_time", unitName: "seconds",
                helpText: "Start time of the process since the Unix epoch in seconds.")
        ).set(to: identity.startedAt.timeIntervalSince1970)
    }

    /// Adds a long-running service. Services start in the order they are added (after the migrations) and stop
    /// in reverse order; add a service after those it depends on.
    ///
    /// - Parameter service: The service; it should end its `run()` on graceful shutdown.
    public mutating func addService(_ service: any Service) {
        services.append(GatedService(gate: gate, base: service))
    }

    /// The admin endpoints for this host: `/healthz`, `/readyz`, `/metrics`.
    public var adminRoutes: AdminRoutes {
        AdminRoutes(identity: identity, readiness: readiness, registry: telemetry.registry)
    }

    /// A router with the admin endpoints, to which the service adds its own admin routes.
    ///
    /// - Returns: A router on `BasicRequestContext`.
    public func makeAdminRouter() -> Router<BasicRequestContext> {
        let router = Router()
        adminRoutes.register(on: router)
        return router
    }

    /// The application: the admin server on ``AdminServerConfiguration``, the added services, and the
    /// migrations before either starts.
    ///
    /// - Parameter router: The admin router, from ``makeAdminRouter()`` or one the service built with
    ///   ``AdminRoutes/register(on:)``.
    /// - Returns: The application; run it with ``ServiceMain/serve(_:configuration:logger:)`` (or test it with
    ///   `app.test(.router)`).
    public func makeApplication<Context: RequestContext>(
        router: Router<Context>
    ) -> Application<RouterResponder<Context>> where Context: InitializableFromSource<ApplicationRequestContextSource> {
        var application = Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.admin.host, port: configuration.admin.port),
                serverName: identity.executableName),
            services: services,
            logger: logger)
        let store = self.store
        let gate = self.gate
        let logger = self.logger
        application.beforeServerStarts {
            if let store {
                try await store.migrate()
                logger.info(
                    "migrations applied",
                    metadata: [
                        "db.migrations.count": .stringConvertible(store.migrator.migrations.count),
                        "db.path": .string(store.path ?? ":memory:"),
                    ])
            }
            gate.open()
        }
        return application
    }
}
