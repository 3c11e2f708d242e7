/// The Generic Alert type of SCOMO 1.0: operation complete.
///
/// Three spellings are in use and all are accepted: the URN `urn:oma:at:scomo:1.0:OperationComplete`
/// (MediaTek; the style LAWMO and DiagMon use), `org.openmobilealliance.dm.softwarecomponent.OperationComplete`
/// (Symbian) and `org.openmobilealliance.softwarecomponent.OperationComplete`. A server sends ``preferredSpelling``.
public enum SCOMOAlertType: String, Sendable, Hashable, CaseIterable, Codable {
    /// An Exec on a SCOMO operation node finished.
    case operationComplete = "urn:oma:at:scomo:1.0:OperationComplete"

    /// Every accepted spelling of ``operationComplete``.
    public static let operationCompleteSpellings = [
        "urn:oma:at:scomo:1.0:OperationComplete",
        "org.openmobilealliance.dm.softwarecomponent.OperationComplete",
        "org.openmobilealliance.softwarecomponent.OperationComplete",
    ]

    /// The spelling to send: the URN.
    public var preferredSpelling: String { rawValue }

    /// Identifies a SCOMO alert type in any of its spellings, with or without a `Reversed-Domain-Name:` prefix,
    /// ignoring case.
    /// - Parameter type: the alert's Meta `Type`.
    public init?(matching type: String) {
        let alertType = GenericAlertType(type)
        guard SCOMOAlertType.operationCompleteSpellings.contains(where: alertType.matches) else { return nil }
        self = .operationComplete
    }
}
