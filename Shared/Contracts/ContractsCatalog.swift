public import Foundation

/// Every message type of the bus contract, in the order `docs/asyncapi.yaml` documents them.
///
/// A new message joins the contract by adding its entry here (``ContractsCatalogEntry/event(_:subject:)``,
/// ``ContractsCatalogEntry/command(_:)`` with ``ContractsCatalogEntry/result(of:)``) and its message to
/// `docs/asyncapi.yaml`; the tests check both agree and every sample validates against the document.
///
/// ```swift
/// for entry in ContractsCatalog.entries {
///     print(entry.name, entry.kind, String(decoding: try entry.sampleJSON(), as: UTF8.self))
/// }
/// ```
public enum ContractsCatalog {
    /// The catalog.
    public static let entries: [ContractsCatalogEntry] = [
        .event(BusPublisherStarted.self),
        .command(SystemPing.self),
        .result(of: SystemPing.self),
        .command(SystemReplay.self),
        .result(of: SystemReplay.self),
        // dm-session.
        .event(SessionStarted.self, subject: "IMEI:493005100592800"),
        .event(SessionEnded.self, subject: "IMEI:493005100592800"),
        .event(DeviceAuthenticated.self, subject: "IMEI:493005100592800"),
        .event(DeviceAuthenticationFailed.self, subject: "IMEI:493005100592800"),
        .event(CommandCompleted.self, subject: "IMEI:493005100592800"),
        .event(AlertReceived.self, subject: "IMEI:493005100592800"),
        .event(TreeValueChanged.self, subject: "IMEI:493005100592800"),
        .command(SessionDeviceRegister.self),
        .result(of: SessionDeviceRegister.self),
        .command(SessionDeviceDelete.self),
        .result(of: SessionDeviceDelete.self),
        .command(SessionCommandEnqueue.self),
        .result(of: SessionCommandEnqueue.self),
        .command(SessionWakeup.self),
        .result(of: SessionWakeup.self),
        // dm-notify (sent by dm-session).
        .command(NotifyPackage0Deliver.self),
        .result(of: NotifyPackage0Deliver.self),
    ]

    /// The entry named `name`.
    /// - Parameter name: an event type, command name, or result name.
    /// - Returns: the entry, or nil.
    public static func entry(named name: String) -> ContractsCatalogEntry? {
        entries.first { $0.name == name }
    }

    /// The `time` of every sample: 2026-03-01T12:00:00.250Z.
    public static let sampleTime = Date(timeIntervalSince1970: 1_772_366_400.25)
    /// The `source` of every event sample.
    public static let sampleSource = "dm-session-1"
    /// The `source` of every command sample.
    public static let sampleSender = "dmctl"
    /// The `id` of every event sample.
    public static let sampleEventID = "5f0c7a2e-3b9d-4e61-8c4f-1a2b3c4d5e6f"
    /// The `id` of every command sample and of the replies to it.
    public static let sampleCommandID = "9a3e6b1c-7d2f-4a58-b0e9-6c5d4f3a2b1e"
}
