/// The Generic Alert types of FUMO 1.0.
///
/// ``init(matching:)`` strips an optional `Reversed-Domain-Name:` prefix and ignores case.
public enum FUMOAlertType: String, Sendable, Hashable, CaseIterable, Codable {
    /// A Download operation finished.
    case download = "org.openmobilealliance.dm.firmwareupdate.download"
    /// An Update operation finished.
    case update = "org.openmobilealliance.dm.firmwareupdate.update"
    /// A DownloadAndUpdate operation finished.
    case downloadAndUpdate = "org.openmobilealliance.dm.firmwareupdate.downloadandupdate"
    /// Client-initiated: the device asks for an update check.
    case deviceRequest = "org.openmobilealliance.dm.firmwareupdate.devicerequest"
    /// Client-initiated: the user asks for an update check.
    case userRequest = "org.openmobilealliance.dm.firmwareupdate.userrequest"

    /// Identifies a FUMO alert type as a device wrote it.
    /// - Parameter type: the alert's Meta `Type`.
    public init?(matching type: String) {
        let alertType = GenericAlertType(type)
        guard let match = Self.allCases.first(where: { alertType.matches($0.rawValue) }) else { return nil }
        self = match
    }

    /// True for the two client-initiated request types.
    public var isClientRequest: Bool { self == .deviceRequest || self == .userRequest }
}
