public import Foundation

/// Who a running process is: its service, the stack version, its instance and how long it has been up.
///
/// The identity answers `system.ping` on the bus and appears in `/healthz`, in the `dm_service_info` metric and
/// in the first log line. It is created once, when the process starts serving.
///
/// ```swift
/// let identity = ServiceIdentity(service: "fumo", instanceID: "fumo-eu-1")
/// identity.executableName   // "dm-fumo"
/// identity.uptime()         // time since the identity was created
/// ```
public struct ServiceIdentity: Sendable {
    /// The version of the whole stack; every service of one build reports the same value.
    public static let stackVersion = "0.1.0"

    /// The service name without the `dm-` prefix, for example `"session"`.
    public let service: String

    /// The stack version this process was built as (``stackVersion`` unless a test says otherwise).
    public let version: String

    /// The instance id from configuration (`instance-id`), unique among instances of one service.
    public let instanceID: String

    /// The wall-clock time at which the process started serving.
    public let startedAt: Date

    /// The monotonic instant matching ``startedAt``; uptime is measured from here so clock changes do not skew it.
    public let startInstant: ContinuousClock.Instant

    /// Creates an identity that starts now.
    ///
    /// - Parameters:
    ///   - service: The service name without the `dm-` prefix.
    ///   - instanceID: The configured instance id.
    ///   - version: The stack version; defaults to ``stackVersion``.
    ///   - startedAt: The wall-clock start time; defaults to now.
    ///   - startInstant: The monotonic start instant; defaults to now.
    public init(
        service: String,
        instanceID: String,
        version: String = ServiceIdentity.stackVersion,
        startedAt: Date = Date(),
        startInstant: ContinuousClock.Instant = .now
    ) {
        self.service = service
        self.instanceID = instanceID
        self.version = version
        self.startedAt = startedAt
        self.startInstant = startInstant
    }

    /// The executable's name, `dm-<service>`, as other services and operators call it.
    public var executableName: String { "dm-\(service)" }

    /// How long the process has been up at `now`.
    ///
    /// - Parameter now: The instant to measure to; defaults to the current instant.
    /// - Returns: The elapsed time since ``startInstant``, never negative.
    public func uptime(at now: ContinuousClock.Instant = .now) -> Duration {
        max(.zero, now - startInstant)
    }

    /// ``uptime(at:)`` in seconds, as `system.ping` reports it (`uptimeSeconds`).
    ///
    /// - Parameter now: The instant to measure to; defaults to the current instant.
    /// - Returns: The uptime in seconds with sub-second precision.
    public func uptimeSeconds(at now: ContinuousClock.Instant = .now) -> Double {
        let components = uptime(at: now).components
        return Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
