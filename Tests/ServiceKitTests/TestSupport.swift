import Foundation
import Logging
import Prometheus
import ServiceKit
import Synchronization

/// Collects the lines a ``LogSink`` receives.
final class LineCollector: Sendable {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    var sink: LogSink {
        LogSink { line in self.storage.withLock { $0.append(line) } }
    }
}

/// A telemetry that writes nowhere global: log lines into a collector, metrics into a fresh registry.
func makeTestTelemetry(
    collector: LineCollector = LineCollector(), registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
) -> Telemetry {
    Telemetry.local(configuration: LogConfiguration(level: .debug), sink: collector.sink, registry: registry)
}

/// A fresh directory under the system's temporary directory, removed by `cleanUp()`.
struct TemporaryDirectory {
    let path: String

    init() {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("servicekit-tests-\(UUID().uuidString)").path
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
