public import CoreMetrics
public import Foundation
public import Logging
public import Prometheus
import Synchronization

/// The logging and metrics backends of a process: structured log lines on standard error, and a Prometheus
/// registry that `/metrics` serves.
///
/// In `main`, ``bootstrap(_:)`` installs both process-wide, once. A test builds a ``local(configuration:sink:registry:)``
/// telemetry instead and touches nothing global; code that creates metrics takes ``metricsFactory`` so it works
/// with either.
///
/// ```swift
/// // main
/// let telemetry = try Telemetry.bootstrap(settings)
///
/// // a component
/// let handled = Counter(label: "dm_fumo_operations_handled_total", factory: telemetry.metricsFactory)
///
/// // a test
/// let registry = PrometheusCollectorRegistry()
/// let telemetry = Telemetry.local(sink: LogSink { _ in }, registry: registry)
/// ```
public struct Telemetry: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry

    /// The swift-metrics factory that records into ``registry``; pass it to `Counter(label:dimensions:factory:)`.
    public let metricsFactory: any MetricsFactory

    /// The log settings the handlers were built with.
    public let log: LogConfiguration

    private let makeLogHandler: (@Sendable (String) -> any LogHandler)?

    private init(
        registry: PrometheusCollectorRegistry, log: LogConfiguration,
        makeLogHandler: (@Sendable (String) -> any LogHandler)?
    ) {
        self.registry = registry
        self.metricsFactory = PrometheusMetricsFactory(registry: registry)
        self.log = log
        self.makeLogHandler = makeLogHandler
    }

    /// A logger writing through this telemetry's handler.
    ///
    /// - Parameter label: The logger's label, for example `"dm-fumo"`.
    /// - Returns: A logger at the configured level.
    public func logger(label: String) -> Logger {
        guard let makeLogHandler else {
            var logger = Logger(label: label)
            logger.logLevel = log.level
            return logger
        }
        return Logger(label: label) { makeLogHandler($0) }
    }

    /// Installs the process-wide backends: ``StructuredLogHandler`` on standard error for swift-log, and a
    /// Prometheus factory on a fresh registry for swift-metrics. Call it once, in `main`, before anything logs.
    ///
    /// - Parameter configuration: The service's settings (log level and format).
    /// - Returns: The installed telemetry.
    /// - Throws: ``ServiceKitError`` with code ``ServiceKitError/Code/alreadyBootstrapped`` on a second call.
    public static func bootstrap(_ configuration: ServiceConfiguration) throws -> Telemetry {
        try bootstrapped.withLock { done in
            guard !done else { throw ServiceKitError.alreadyBootstrapped() }
            done = true
        }
        let log = configuration.log
        let registry = PrometheusCollectorRegistry()
        LoggingSystem.bootstrap(
            { label, metadataProvider in
                StructuredLogHandler(
                    label: label, format: log.format, level: log.level, metadataProvider: metadataProvider)
            },
            metadataProvider: nil)
        let telemetry = Telemetry(registry: registry, log: log, makeLogHandler: nil)
        MetricsSystem.bootstrap(telemetry.metricsFactory)
        return telemetry
    }

    /// A telemetry for tests and tools: handlers write to `sink`, metrics go to `registry`, nothing global changes.
    ///
    /// - Parameters:
    ///   - configuration: The log settings; defaults to `trace` in logfmt so tests see everything.
    ///   - sink: Where log lines go.
    ///   - registry: The registry metrics go to; defaults to a new one.
    ///   - clock: The time stamped on log records; defaults to the current time.
    /// - Returns: The telemetry.
    public static func local(
        configuration: LogConfiguration = LogConfiguration(level: .trace),
        sink: LogSink,
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> Telemetry {
        Telemetry(registry: registry, log: configuration) { label in
            StructuredLogHandler(
                label: label, format: configuration.format, level: configuration.level, sink: sink, clock: clock)
        }
    }

    private static let bootstrapped = Mutex(false)
}
