import Synchronization

/// The named checks `/readyz` runs; the service is ready when every one answers ``ReadinessStatus/ready``.
///
/// Checks should answer at once from state the component keeps (a flag it sets when connected, say), not do
/// slow work: `/readyz` awaits them all.
///
/// ```swift
/// let bus = ReadinessFlag(notReady: "not connected to dm-bus")
/// host.readiness.register("bus", bus)
/// // later, in the bus service:
/// bus.markReady()
/// ```
public final class ReadinessChecks: Sendable {
    private typealias Check = @Sendable () async -> ReadinessStatus

    private let checks = Mutex<[(name: String, check: Check)]>([])

    /// Creates an empty set of checks; with none registered the service is ready.
    public init() {}

    /// Registers a check under `name`, replacing any check registered under the same name.
    ///
    /// - Parameters:
    ///   - name: The name `/readyz` shows, for example `"bus"`.
    ///   - check: Answers whether the component is ready.
    public func register(_ name: String, _ check: @escaping @Sendable () async -> ReadinessStatus) {
        checks.withLock { checks in
            if let index = checks.firstIndex(where: { $0.name == name }) {
                checks[index] = (name, check)
            } else {
                checks.append((name, check))
            }
        }
    }

    /// Registers a ``ReadinessFlag`` under `name`.
    ///
    /// - Parameters:
    ///   - name: The name `/readyz` shows.
    ///   - flag: The flag the component sets.
    public func register(_ name: String, _ flag: ReadinessFlag) {
        register(name) { flag.status }
    }

    /// The names of the registered checks, in registration order.
    public var names: [String] {
        checks.withLock { $0.map(\.name) }
    }

    /// Runs every check concurrently.
    ///
    /// - Returns: The report, with the checks in registration order.
    public func evaluate() async -> ReadinessReport {
        let current = checks.withLock { $0 }
        let results = await withTaskGroup(of: (Int, ReadinessStatus).self) { group in
            for (index, entry) in current.enumerated() {
                group.addTask { (index, await entry.check()) }
            }
            var results = [ReadinessStatus](repeating: .ready, count: current.count)
            for await (index, status) in group {
                results[index] = status
            }
            return results
        }
        return ReadinessReport(
            checks: zip(current, results).map { entry, status in
                switch status {
                case .ready: ReadinessReport.Check(name: entry.name, ready: true, reason: nil)
                case .notReady(let reason): ReadinessReport.Check(name: entry.name, ready: false, reason: reason)
                }
            })
    }
}

/// A readiness check backed by a flag the component sets.
public final class ReadinessFlag: Sendable {
    private let state: Mutex<ReadinessStatus>

    /// Creates a flag that starts not ready.
    ///
    /// - Parameter reason: What `/readyz` shows until ``markReady()`` is called.
    public init(notReady reason: String) {
        state = Mutex(.notReady(reason))
    }

    /// The current status.
    public var status: ReadinessStatus { state.withLock { $0 } }

    /// Marks the component ready.
    public func markReady() { state.withLock { $0 = .ready } }

    /// Marks the component not ready.
    ///
    /// - Parameter reason: What `/readyz` shows.
    public func markNotReady(_ reason: String) { state.withLock { $0 = .notReady(reason) } }
}
