public import Configuration
public import Foundation
public import Hummingbird
public import Logging
public import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process around a service: configuration, telemetry, the `ServiceGroup`, exit codes.
///
/// A service's `App.swift` is:
///
/// ```swift
/// import ServiceKit
///
/// @main
/// struct App {
///     static func main() async {
///         await ServiceMain.run(service: "fumo") { reader, telemetry in
///             try await buildApplication(reader: reader, telemetry: telemetry)
///         }
///     }
/// }
/// ```
public enum ServiceMain {
    /// Loads the configuration, bootstraps logging and metrics, builds the application and serves it until
    /// SIGTERM or SIGINT; then exits 0 after a graceful shutdown, or 1 after any failure (logged first).
    ///
    /// - Parameters:
    ///   - service: The service name without the `dm-` prefix.
    ///   - arguments: The command line; defaults to the process's (`--config <path>` names the file).
    ///   - environment: The environment; defaults to the process's.
    ///   - build: Builds the application from the reader and telemetry (the service's `buildApplication`).
    public static func run<App: ApplicationProtocol>(
        service: String,
        arguments: [String] = CommandLine.arguments,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        build: @Sendable (ConfigReader, Telemetry) async throws -> App
    ) async -> Never {
        var logger = Telemetry.local(configuration: LogConfiguration(level: .info), sink: .standardError)
            .logger(label: "dm-\(service)")
        do {
            let reader = try await ServiceConfigReader.load(
                service: service, arguments: arguments, environment: environment)
            let configuration = try ServiceConfiguration(service: service, reader: reader)
            let telemetry = try Telemetry.bootstrap(configuration)
            logger = telemetry.logger(label: "dm-\(service)")
            logger[metadataKey: "dm.instance"] = .string(configuration.instanceID)
            let application = try await build(reader, telemetry)
            try await serve([application], configuration: configuration, logger: logger)
            exit(0)
        } catch {
            logger.critical("service failed", error: error)
            exit(1)
        }
    }

    /// Runs `services` as one `ServiceGroup` until they end: a graceful shutdown on SIGTERM or SIGINT (or a
    /// parent's graceful shutdown), limited to the configured `shutdown.timeout`, after which the remaining work
    /// is cancelled.
    ///
    /// - Parameters:
    ///   - services: The services, usually just the application from ``ServiceHost/makeApplication(router:)``.
    ///   - configuration: The shared settings (for the shutdown timeout and the start-up log line).
    ///   - logger: The logger for lifecycle events.
    /// - Throws: The first service error, or `ServiceGroupError` when the shutdown timed out.
    public static func serve(
        _ services: [any Service], configuration: ServiceConfiguration, logger: Logger
    ) async throws {
        var groupConfiguration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownTimeout
        let group = ServiceGroup(configuration: groupConfiguration)
        logger.info(
            "service starting",
            metadata: [
                "dm.version": .string(ServiceIdentity.stackVersion),
                "dm.data.directory": .string(configuration.dataDirectory),
                "http.admin.address": .string("\(configuration.admin.host):\(configuration.admin.port)"),
            ])
        try await group.run()
        logger.info("service stopped")
    }
}
