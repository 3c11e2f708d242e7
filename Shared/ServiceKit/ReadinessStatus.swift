/// The answer of one readiness check.
public enum ReadinessStatus: Sendable, Hashable {
    /// The component can do its work.
    case ready
    /// The component cannot do its work yet (or any more); the reason is shown in `/readyz`.
    case notReady(String)

    /// Whether this is ``ready``.
    public var isReady: Bool {
        if case .ready = self { return true }
        return false
    }
}
