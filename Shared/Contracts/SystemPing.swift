/// `system.ping`: asks a service who it is and how long it has been up. Every command endpoint answers it.
/// `data` is `{}`; the result is a ``SystemPingResult``. A read-only command: it may be answered with the
/// `result` alone, without an `ack`.
public struct SystemPing: BusCommand {
    /// The result of a ping.
    public typealias Result = SystemPingResult
    /// `system.ping`.
    public static var commandName: String { "system.ping" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// The empty ping.
    public static var sample: SystemPing { SystemPing() }

    /// Creates a ping.
    public init() {}
}
