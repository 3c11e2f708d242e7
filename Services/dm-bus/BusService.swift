import Bus
import Dispatch
import Foundation

/// dm-bus: starts the proxy, logs its message counts periodically, and on SIGTERM or SIGINT terminates the
/// proxy and returns exit code 0.
struct BusService {
    var configuration: BusServiceConfiguration

    /// Runs until a termination signal; the result is the process exit code.
    func run() async -> Int32 {
        let signals = Self.terminationSignals()
        let proxy: BusProxy
        do {
            proxy = try await BusProxy.start(configuration.proxy)
        } catch {
            Self.log("cannot start the proxy: \(error)")
            return 1
        }
        let curve = configuration.security == nil ? "off" : "on"
        Self.log("proxying xsub=\(proxy.frontendEndpoint) xpub=\(proxy.backendEndpoint) curve=\(curve)")
        let interval = configuration.statisticsInterval
        let signal = await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                for await signal in signals { return signal }
                return nil
            }
            if let interval {
                group.addTask {
                    while (try? await Task.sleep(for: interval)) != nil {
                        await Self.logStatistics(of: proxy)
                    }
                    return nil
                }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        Self.log("stopping on signal \(signal.map(String.init) ?? "none")")
        await Self.logStatistics(of: proxy)
        await proxy.stop()
        Self.log("stopped")
        return 0
    }

    private static func logStatistics(of proxy: BusProxy) async {
        guard let statistics = try? await proxy.statistics() else { return }
        log(
            "stats events_in=\(statistics.eventsIn) events_out=\(statistics.eventsOut) "
                + "bytes_in=\(statistics.frontendBytesReceived) subscriptions=\(statistics.subscriptionMessages) "
                + "auth_accepted=\(proxy.authenticationCounts.accepted) "
                + "auth_refused=\(proxy.authenticationCounts.refused)")
    }

    /// SIGTERM and SIGINT as an asynchronous sequence, delivered by dispatch sources instead of the default
    /// handlers (which would end the process at once).
    private static func terminationSignals() -> AsyncStream<Int32> {
        AsyncStream { continuation in
            let sources = [SIGTERM, SIGINT].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                return source
            }
            let box = SignalSources(sources: sources)
            continuation.onTermination = { _ in box.cancel() }
        }
    }

    static func log(_ line: String) {
        FileHandle.standardError.write(Data("dm-bus: \(line)\n".utf8))
    }
}

/// The signal sources, kept alive until the signal sequence ends. Dispatch sources are thread-safe.
private final class SignalSources: @unchecked Sendable {
    let sources: [any DispatchSourceSignal]
    init(sources: [any DispatchSourceSignal]) { self.sources = sources }
    func cancel() { for source in sources { source.cancel() } }
}
