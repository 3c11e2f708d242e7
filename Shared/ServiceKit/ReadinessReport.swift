/// What `/readyz` answers: every check with its outcome, and the names of those not ready.
///
/// ```json
/// {"status":"not ready","notReady":["bus"],"checks":[{"name":"store","ready":true},
///  {"name":"bus","ready":false,"reason":"not connected to dm-bus"}]}
/// ```
public struct ReadinessReport: Sendable, Hashable, Codable {
    /// One check's outcome.
    public struct Check: Sendable, Hashable, Codable {
        /// The check's name.
        public var name: String
        /// Whether it passed.
        public var ready: Bool
        /// Why it did not pass; `nil` when it did.
        public var reason: String?

        /// Creates an outcome.
        ///
        /// - Parameters:
        ///   - name: The check's name.
        ///   - ready: Whether it passed.
        ///   - reason: Why it did not pass.
        public init(name: String, ready: Bool, reason: String?) {
            self.name = name
            self.ready = ready
            self.reason = reason
        }
    }

    /// `"ready"` or `"not ready"`.
    public var status: String

    /// The names of the checks that did not pass, in registration order.
    public var notReady: [String]

    /// Every check, in registration order.
    public var checks: [Check]

    /// Creates a report from the checks' outcomes.
    ///
    /// - Parameter checks: The outcomes.
    public init(checks: [Check]) {
        self.checks = checks
        self.notReady = checks.filter { !$0.ready }.map(\.name)
        self.status = notReady.isEmpty ? "ready" : "not ready"
    }

    /// Whether every check passed.
    public var isReady: Bool { notReady.isEmpty }
}
