public import AsyncHTTPClient
import Foundation
import Histogram
import NIOCore
import NIOHTTP1
import Synchronization

/// What a plain HTTP endpoint answers under the same client and concurrency as a load run: the yardstick the
/// DM server's figures are read against (a Hummingbird hello-world endpoint, `dm-devsim hello-server`).
public struct BaselineReport: Codable, Sendable {
    public var requests: Int
    public var failed: Int
    public var seconds: Double
    public var requestsPerSecond: Double
    /// Request latency percentiles in milliseconds (p50, p90, p99, max).
    public var latencyMilliseconds: [String: Double]

    public var text: String {
        let order = ["p50", "p90", "p99", "max"]
        return String(
            format: "baseline: %d requests (%d failed) in %.1f s, %.1f requests/s; latency ms: ", requests, failed,
            seconds, requestsPerSecond)
            + order.compactMap { key in latencyMilliseconds[key].map { String(format: "%@=%.2f", key, $0) } }
            .joined(separator: " ")
    }
}

/// POSTs a small body to `url` from `concurrency` workers sharing one client, `requests` times or for `duration`
/// (whichever ends first).
public struct BaselineLoad: Sendable {
    public var client: HTTPClient
    public var url: String
    public var concurrency: Int
    public var requests: Int?
    public var duration: Duration?

    public init(client: HTTPClient, url: String, concurrency: Int, requests: Int?, duration: Duration?) {
        self.client = client
        self.url = url
        self.concurrency = concurrency
        self.requests = requests
        self.duration = duration
    }

    final class Tally: Sendable {
        struct State {
            var histogram = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
            var done = 0
            var failed = 0
        }
        let state = Mutex(State())
        let issued = Atomic<Int>(0)
    }

    public func run() async -> BaselineReport {
        let tally = Tally()
        let start = ContinuousClock.now
        let (client, url, limit) = (client, url, requests ?? Int.max)
        let deadline = duration.map { start + $0 }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, concurrency) {
                group.addTask {
                    while tally.issued.add(1, ordering: .relaxed).newValue <= limit {
                        if let deadline, ContinuousClock.now >= deadline { break }
                        let began = ContinuousClock.now
                        var request = HTTPClientRequest(url: url)
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "text/plain")
                        request.body = .bytes(ByteBuffer(string: "hello"))
                        var ok = false
                        if let response = try? await client.execute(request, timeout: .seconds(30)),
                            (try? await response.body.collect(upTo: 1 << 16)) != nil
                        {
                            ok = response.status == .ok
                        }
                        let elapsed = ContinuousClock.now - began
                        let micros = UInt64(max(1, elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000))
                        tally.state.withLock { state in
                            _ = state.histogram.record(micros)
                            state.done += 1
                            if !ok { state.failed += 1 }
                        }
                    }
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return tally.state.withLock { state in
            let latency = state.histogram.milliseconds(at: [("p50", 50), ("p90", 90), ("p99", 99)])
            return BaselineReport(
                requests: state.done, failed: state.failed, seconds: seconds,
                requestsPerSecond: seconds > 0 ? Double(state.done) / seconds : 0, latencyMilliseconds: latency)
        }
    }
}
