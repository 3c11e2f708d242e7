import Foundation
import Histogram
import Synchronization

/// Options of a load run.
public struct LoadOptions: Sendable {
    public var concurrency: Int
    /// Stop after this long...
    public var duration: Duration?
    /// ...or after this many sessions (whichever comes first).
    public var sessions: Int?

    public init(concurrency: Int, duration: Duration? = nil, sessions: Int? = nil) {
        self.concurrency = concurrency
        self.duration = duration
        self.sessions = sessions
    }
}

/// The numbers a load run ends with (and prints each second while it runs).
public struct LoadReport: Codable, Sendable {
    public var sessions: Int
    public var succeeded: Int
    public var seconds: Double
    public var sessionsPerSecond: Double
    public var messages: Int
    /// Failed sessions by kind (`auth`, `transport`, `protocol`, `server-auth`, `aborted`).
    public var errors: [String: Int]
    /// Session latency percentiles in milliseconds (p50, p90, p99, p99.9, max).
    public var latencyMilliseconds: [String: Double]
    /// CPU time this process used while the sessions ran (user and system, all threads), in seconds.
    public var cpuSeconds: Double?
    /// That CPU time as a percentage of one core over the run (200 = two cores busy).
    public var cpuPercentOfOneCore: Double? {
        guard let cpuSeconds, seconds > 0 else { return nil }
        return 100 * cpuSeconds / seconds
    }

    /// The human summary.
    public var text: String {
        var lines = [
            String(
                format: "sessions: %d (%d ok) in %.1f s, %.1f sessions/s, %d messages", sessions, succeeded, seconds,
                sessionsPerSecond, messages)
        ]
        lines.append(
            "errors: " + (errors.isEmpty ? "none" : errors.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")))
        let order = ["p50", "p90", "p99", "p99.9", "max"]
        lines.append(
            "latency ms: " + order.compactMap { key in latencyMilliseconds[key].map { String(format: "%@=%.2f", key, $0) } }
                .joined(separator: " "))
        if let cpuSeconds, let percent = cpuPercentOfOneCore {
            lines.append(String(format: "load generator CPU: %.2f s, %.0f%% of one core", cpuSeconds, percent))
        }
        return lines.joined(separator: "\n")
    }
}

/// Drives client-initiated sessions from many devices as fast as the server allows: `concurrency` workers, each
/// owning a share of the devices (so one device never runs two sessions at once and keeps its nonces), each
/// running one session after the other. Latencies go into an HdrHistogram (microseconds, 3 significant digits).
public struct LoadGenerator: Sendable {
    public var driver: SessionDriver
    public var options: LoadOptions

    public init(driver: SessionDriver, options: LoadOptions) {
        self.driver = driver
        self.options = options
    }

    final class Stats: Sendable {
        struct State {
            var histogram = Histogram<UInt64>(highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: .three)
            var sessions = 0
            var succeeded = 0
            var messages = 0
            var errors: [String: Int] = [:]
        }
        let state = Mutex(State())
        /// Sessions started so far (checked against the session limit).
        let started = Atomic<Int>(0)
    }

    /// Runs the load. `progress` is called about once a second with the running totals.
    public func run(devices: [SimulatedDevice], progress: @escaping @Sendable (LoadReport) -> Void) async
        -> (devices: [SimulatedDevice], report: LoadReport)
    {
        let stats = Stats()
        let cpuAtStart = Self.processCPUSeconds()
        let start = ContinuousClock.now
        let deadline = options.duration.map { start + $0 }
        let limit = options.sessions ?? Int.max
        let workers = max(1, min(options.concurrency, devices.count))
        let driver = self.driver

        let finished = await withTaskGroup(of: [(Int, SimulatedDevice)].self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    if Task.isCancelled { break }
                    progress(Self.report(stats, since: start))
                }
                return []
            }
            for worker in 0..<workers {
                let mine = stride(from: worker, to: devices.count, by: workers).map { ($0, devices[$0]) }
                group.addTask {
                    var owned = mine
                    var random = SeededRandom(seed: UInt64(worker) &+ 7)
                    var cursor = 0
                    while true {
                        if let deadline, ContinuousClock.now >= deadline { break }
                        if stats.started.add(1, ordering: .relaxed).newValue > limit { break }
                        let (index, device) = owned[cursor]
                        let (after, result) = await driver.run(device: device, trigger: .clientInitiated, random: &random)
                        owned[cursor] = (index, after)
                        cursor = (cursor + 1) % owned.count
                        stats.state.withLock { state in
                            _ = state.histogram.record(max(1, result.nanoseconds / 1000))
                            state.sessions += 1
                            state.messages += result.messages
                            if result.outcome.isSuccess {
                                state.succeeded += 1
                            } else {
                                state.errors[result.outcome.kind, default: 0] += 1
                            }
                        }
                    }
                    return owned
                }
            }
            var all: [(Int, SimulatedDevice)] = []
            var done = 0
            while let part = await group.next() {
                all += part
                done += 1
                if done == workers { group.cancelAll() }
            }
            return all
        }
        var result = devices
        for (index, device) in finished { result[index] = device }
        var report = Self.report(stats, since: start)
        report.cpuSeconds = Self.processCPUSeconds() - cpuAtStart
        return (result, report)
    }

    /// User and system CPU time of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func report(_ stats: Stats, since start: ContinuousClock.Instant) -> LoadReport {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return stats.state.withLock { state in
            let latency = state.histogram.milliseconds(at: [("p50", 50), ("p90", 90), ("p99", 99), ("p99.9", 99.9)])
            return LoadReport(
                sessions: state.sessions, succeeded: state.succeeded, seconds: seconds,
                sessionsPerSecond: seconds > 0 ? Double(state.sessions) / seconds : 0, messages: state.messages,
                errors: state.errors, latencyMilliseconds: latency)
        }
    }
}
