/// A Generic Alert type identified as one of the standard enablers', so a server can route it to the right
/// worker.
///
/// ```swift
/// KnownAlertType(matching: "org.openmobilealliance.dm.softwarecomponent.OperationComplete")
/// // .scomo(.operationComplete)
/// KnownAlertType(matching: "org.example.custom")   // nil
/// ```
public enum KnownAlertType: Sendable, Hashable {
    /// A FUMO alert.
    case fumo(FUMOAlertType)
    /// A SCOMO alert (any of its spellings).
    case scomo(SCOMOAlertType)
    /// A LAWMO alert.
    case lawmo(LAWMOAlertType)
    /// A DiagMon alert.
    case diagMon(DiagMonAlertType)

    /// Identifies `type`, stripping an optional `Reversed-Domain-Name:` prefix and ignoring case.
    /// - Parameter type: the alert's Meta `Type`.
    public init?(matching type: String) {
        if let fumo = FUMOAlertType(matching: type) {
            self = .fumo(fumo)
        } else if let scomo = SCOMOAlertType(matching: type) {
            self = .scomo(scomo)
        } else if let lawmo = LAWMOAlertType(matching: type) {
            self = .lawmo(lawmo)
        } else if let diagMon = DiagMonAlertType(matching: type) {
            self = .diagMon(diagMon)
        } else {
            return nil
        }
    }

    /// The management object the alert belongs to.
    public var managementObject: ManagementObjectID {
        switch self {
        case .fumo: .fumo
        case .scomo: .scomo
        case .lawmo: .lawmo
        case .diagMon(let type): type.isTrap ? .diagMonTrap : .diagMon
        }
    }

    /// The type as a server should write it.
    public var canonicalType: String {
        switch self {
        case .fumo(let type): type.rawValue
        case .scomo(let type): type.preferredSpelling
        case .lawmo(let type): type.rawValue
        case .diagMon(let type): type.rawValue
        }
    }
}
