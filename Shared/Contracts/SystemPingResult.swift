/// The result of `system.ping`: `{"service": "dm-session", "instance": "dm-session-1", "version": "0.1.0",
/// "uptimeSeconds": 12.5}`.
public struct SystemPingResult: BusMessage {
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A dm-session instance up for 12.5 seconds.
    public static var sample: SystemPingResult {
        SystemPingResult(service: "dm-session", instance: "dm-session-1", version: "0.1.0", uptimeSeconds: 12.5)
    }

    /// The service's name, e.g. `dm-session`.
    public var service: String
    /// This instance's name, the `source` of its events, e.g. `dm-session-1`.
    public var instance: String
    /// The service's version, e.g. `0.1.0`.
    public var version: String
    /// Seconds since the instance started.
    public var uptimeSeconds: Double

    /// Creates a ping result.
    /// - Parameters:
    ///   - service: the service's name.
    ///   - instance: this instance's name.
    ///   - version: the service's version.
    ///   - uptimeSeconds: seconds since start.
    public init(service: String, instance: String, version: String, uptimeSeconds: Double) {
        self.service = service
        self.instance = instance
        self.version = version
        self.uptimeSeconds = uptimeSeconds
    }
}
