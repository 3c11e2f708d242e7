public import CoreMetrics


/// dm-session's metrics, created once (bounded dimensions: outcomes and HTTP results, never device ids).
///
/// - `dm_session_messages_total{result}`: device messages by answer (`ok`, `retransmission`, `rejected`);
/// - `dm_session_message_duration_seconds`: time to answer a message (store included);
/// - `dm_session_sessions_started_total`, `dm_session_sessions_ended_total{outcome}`;
/// - `dm_session_commands_completed_total`, `dm_session_authentication_failures_total`.
public struct SessionMetrics: Sendable {
    let answered: Counter
    let retransmitted: Counter
    let rejected: Counter
    let duration: CoreMetrics.Timer
    let started: Counter
    let completed: Counter
    let authFailures: Counter
    let ended: @Sendable (SessionOutcome) -> Void

    /// Creates the metrics on a factory (the service's Prometheus factory, or a test one).
    public init(factory: any MetricsFactory) {
        answered = Counter(label: "dm_session_messages_total", dimensions: [("result", "ok")], factory: factory)
        retransmitted = Counter(label: "dm_session_messages_total", dimensions: [("result", "retransmission")], factory: factory)
        rejected = Counter(label: "dm_session_messages_total", dimensions: [("result", "rejected")], factory: factory)
        duration = Timer(label: "dm_session_message_duration_seconds", preferredDisplayUnit: .seconds, factory: factory)
        started = Counter(label: "dm_session_sessions_started_total", factory: factory)
        completed = Counter(label: "dm_session_commands_completed_total", factory: factory)
        authFailures = Counter(label: "dm_session_authentication_failures_total", factory: factory)
        let outcomes: [SessionOutcome] = [.completed, .aborted, .authenticationFailed, .timedOut, .durationExceeded, .replaced]
        let counters = Dictionary(
            uniqueKeysWithValues: outcomes.map {
                ($0, Counter(label: "dm_session_sessions_ended_total", dimensions: [("outcome", $0.rawValue)], factory: factory))
            })
        ended = { outcome in counters[outcome]?.increment() }
    }

    /// Records what one message's effects say.
    func record(_ effects: SessionEffects) {
        if effects.sessionStarted { started.increment() }
        if let outcome = effects.sessionEnded { ended(outcome) }
        if !effects.completions.isEmpty { completed.increment(by: effects.completions.count) }
        let failures = effects.authentications.filter { !$0.succeeded }.count
        if failures > 0 { authFailures.increment(by: failures) }
    }
}
