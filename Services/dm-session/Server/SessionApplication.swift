public import Configuration
import Foundation
import GRDB
public import Hummingbird
import HummingbirdTLS
public import Logging
import NIOCore
import NIOSSL
public import ServiceKit
public import ServiceLifecycle

/// What a bus attachment gives dm-session: the long-running services to run (relay, receiver, sender). They
/// notice commits that append events or commands by themselves (``ServiceBus``).
public struct SessionBusAttachment: Sendable {
    /// The bus services, started after the migrations.
    public var services: [any Service]

    /// Creates an attachment.
    public init(services: [any Service]) {
        self.services = services
    }

    /// No bus: events and commands wait in the outboxes.
    public static var none: SessionBusAttachment { SessionBusAttachment(services: []) }
}

/// A long-running closure as a `Service`, cancelled on graceful shutdown.
public struct TaskService: Service {
    let body: @Sendable () async throws -> Void

    /// Creates the service.
    public init(_ body: @escaping @Sendable () async throws -> Void) {
        self.body = body
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await body() }
        } catch is CancellationError {
            // Cancelled by the graceful shutdown: a normal end.
        }
    }
}

/// Builds dm-session: the store and its migrations, the DM server on its own port (HTTP or HTTPS), the admin
/// API, the session sweeper and the bus services.
public enum SessionApplication {
    /// Builds the application from configuration (what `App.swift` runs).
    ///
    /// - Parameters:
    ///   - reader: dm-session's configuration reader.
    ///   - telemetry: logging and metrics.
    ///   - attachBus: connects the bus given the store and the command handler; ``SessionBusAttachment/none``
    ///     runs without one.
    /// - Returns: the admin application, which runs everything else as its services.
    public static func build(
        reader: ConfigReader, telemetry: Telemetry,
        attachBus: (SessionStore, ServiceConfiguration, SessionCommandHandler) async throws -> SessionBusAttachment
    ) async throws -> some ApplicationProtocol {
        let settings = try ServiceConfiguration(service: "session", reader: reader)
        let configuration = try DMSessionConfiguration(reader: reader)
        var serviceStore = try ServiceStore.open(configuration: settings)
        SessionSchema.register(in: &serviceStore.migrator)
        let source = settings.instanceID == settings.service ? "dm-session" : "dm-session-\(settings.instanceID)"
        let store = SessionStore(writer: serviceStore.writer, eventSource: source)
        var host = ServiceHost(configuration: settings, telemetry: telemetry, store: serviceStore)
        let bus = try await attachBus(store, settings, SessionCommandHandler(store: store))
        let server = DMServer(
            store: store, configuration: configuration, logger: host.logger,
            metrics: SessionMetrics(factory: telemetry.metricsFactory))
        for service in bus.services { host.addService(service) }
        host.addService(try makeDMApplication(server: server, logger: host.logger))
        host.addService(TaskService {
            // Sessions do not survive a restart: what they had taken goes back to the queue.
            try await store.writer.write { db in try store.requeueUnfinished(in: db) }
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(1))
                await server.sweep()
            }
        })
        let router = host.makeAdminRouter()
        AdminAPI(server: server).register(on: router)
        return host.makeApplication(router: router)
    }

    /// The DM HTTP(S) application on the configured address.
    /// - Parameters:
    ///   - server: the DM server.
    ///   - logger: the logger.
    ///   - onServerRunning: called with the listening channel (tests read the port from it).
    public static func makeDMApplication(
        server: DMServer, logger: Logger, onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws -> Application<RouterResponder<BasicRequestContext>> {
        let configuration = server.configuration
        let address = ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "dm-session")
        if let certificate = configuration.tlsCertificate, let key = configuration.tlsKey {
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            return Application(
                router: server.makeRouter(scheme: "https"), server: try .tls(.http1(), tlsConfiguration: tls),
                configuration: address, onServerRunning: onServerRunning, logger: logger)
        }
        return Application(
            router: server.makeRouter(scheme: "http"), configuration: address, onServerRunning: onServerRunning,
            logger: logger)
    }
}
