import Bus
import Logging
import Prometheus
import ServiceKit
import ServiceLifecycle

/// dm-bus's one job: libzmq's proxy between XSUB and XPUB. Its message counts are Prometheus counters at
/// `/metrics` (and a log line every `stats.interval`); `/readyz` is ready once both sides are bound. On graceful
/// shutdown it logs the final counts and terminates the proxy through its control socket.
struct BusService: Service {
    let configuration: BusServiceConfiguration
    let logger: Logger
    let ready: ReadinessFlag
    let metrics: BusMetrics

    func run() async throws {
        let proxy = try await BusProxy.start(configuration.proxy)
        logger.info(
            "proxying",
            metadata: [
                "bus.xsub": .string(proxy.frontendEndpoint), "bus.xpub": .string(proxy.backendEndpoint),
                "bus.curve": .stringConvertible(configuration.security != nil),
            ])
        ready.markReady()
        let interval = configuration.statisticsInterval
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                // Counters follow the proxy's totals closely enough for a scrape every few seconds.
                while (try? await Task.sleep(for: .seconds(1))) != nil {
                    await metrics.update(from: proxy)
                }
            }
            if let interval {
                group.addTask {
                    while (try? await Task.sleep(for: interval)) != nil {
                        await logStatistics(of: proxy)
                    }
                }
            }
            group.addTask { try? await gracefulShutdown() }
            await group.next()
            group.cancelAll()
        }
        ready.markNotReady("stopping")
        await metrics.update(from: proxy)
        await logStatistics(of: proxy)
        await proxy.stop()
        logger.info("proxy stopped")
    }

    private func logStatistics(of proxy: BusProxy) async {
        guard let statistics = try? await proxy.statistics() else { return }
        logger.info(
            "stats",
            metadata: [
                "bus.events.in": "\(statistics.eventsIn)", "bus.events.out": "\(statistics.eventsOut)",
                "bus.bytes.in": "\(statistics.frontendBytesReceived)",
                "bus.subscriptions": "\(statistics.subscriptionMessages)",
                "bus.auth.accepted": "\(proxy.authenticationCounts.accepted)",
                "bus.auth.refused": "\(proxy.authenticationCounts.refused)",
            ])
    }
}

/// The proxy's totals as Prometheus counters (`dm_bus_*_total`).
actor BusMetrics {
    private let eventsIn: Counter
    private let eventsOut: Counter
    private let bytesIn: Counter
    private let bytesOut: Counter
    private let subscriptions: Counter
    private let authAccepted: Counter
    private let authRefused: Counter
    private var last = (
        eventsIn: UInt64(0), eventsOut: UInt64(0), bytesIn: UInt64(0), bytesOut: UInt64(0),
        subscriptions: UInt64(0), accepted: 0, refused: 0
    )

    init(registry: PrometheusCollectorRegistry) {
        func counter(_ name: String, _ help: String) -> Counter {
            registry.makeCounter(
                descriptor: MetricNameDescriptor(namespace: "dm_bus", metricName: name, unitName: "total", helpText: help))
        }
        eventsIn = counter("events_received", "Event messages received from publishers (XSUB side).")
        eventsOut = counter("events_delivered", "Event messages delivered to subscribers (XPUB side, one per subscriber).")
        bytesIn = counter("bytes_received", "Bytes received from publishers.")
        bytesOut = counter("bytes_delivered", "Bytes delivered to subscribers.")
        subscriptions = counter("subscription_messages", "Subscribe and unsubscribe messages from subscribers.")
        authAccepted = counter("curve_accepted", "CurveZMQ handshakes accepted.")
        authRefused = counter("curve_refused", "CurveZMQ handshakes refused (unknown client key).")
    }

    func update(from proxy: BusProxy) async {
        guard let statistics = try? await proxy.statistics() else { return }
        let counts = proxy.authenticationCounts
        func advance(_ counter: Counter, _ previous: UInt64, _ now: UInt64) {
            if now > previous { counter.increment(by: Int64(now - previous)) }
        }
        advance(eventsIn, last.eventsIn, statistics.eventsIn)
        advance(eventsOut, last.eventsOut, statistics.eventsOut)
        advance(bytesIn, last.bytesIn, statistics.frontendBytesReceived)
        advance(bytesOut, last.bytesOut, statistics.backendBytesSent)
        advance(subscriptions, last.subscriptions, statistics.subscriptionMessages)
        advance(authAccepted, UInt64(last.accepted), UInt64(counts.accepted))
        advance(authRefused, UInt64(last.refused), UInt64(counts.refused))
        last = (
            statistics.eventsIn, statistics.eventsOut, statistics.frontendBytesReceived, statistics.backendBytesSent,
            statistics.subscriptionMessages, counts.accepted, counts.refused
        )
    }
}
