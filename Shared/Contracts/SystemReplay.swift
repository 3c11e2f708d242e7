/// `system.replay`: asks a publisher for its events from sequence ``fromSequence`` on, in order, at most
/// ``limit`` of them. A subscriber sends it at every start and whenever it sees a gap, and repeats it from the
/// next sequence until it has caught up with ``SystemReplayResult/lastSequence``. A read-only command: it may be
/// answered with the `result` alone, without an `ack`.
public struct SystemReplay: BusCommand {
    /// The result of a replay.
    public typealias Result = SystemReplayResult
    /// `system.replay`.
    public static var commandName: String { "system.replay" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// The limit when ``limit`` is absent: 500.
    public static var defaultLimit: Int { 500 }
    /// A replay from sequence 1, at most 100 events.
    public static var sample: SystemReplay { SystemReplay(fromSequence: 1, limit: 100) }

    /// The first sequence wanted, from 1.
    public var fromSequence: Int64
    /// The most events to return, at least 1; ``defaultLimit`` when absent. A publisher may return fewer.
    public var limit: Int?

    /// Creates a replay request.
    /// - Parameters:
    ///   - fromSequence: the first sequence wanted.
    ///   - limit: the most events to return, or nil for ``defaultLimit``.
    public init(fromSequence: Int64, limit: Int? = nil) {
        self.fromSequence = fromSequence
        self.limit = limit
    }

    /// ``limit``, or ``defaultLimit`` when it is absent.
    public var effectiveLimit: Int { limit ?? Self.defaultLimit }
}
