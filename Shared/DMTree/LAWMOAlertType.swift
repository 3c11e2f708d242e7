/// The Generic Alert type of LAWMO 1.0.
public enum LAWMOAlertType: String, Sendable, Hashable, CaseIterable, Codable {
    /// An Exec on a LAWMO operation finished; `Data` is a ``LAWMOResultCode``.
    case operationComplete = "urn:oma:at:lawmo:1.0:OperationComplete"

    /// Identifies the LAWMO alert type, with or without a `Reversed-Domain-Name:` prefix, ignoring case.
    /// - Parameter type: the alert's Meta `Type`.
    public init?(matching type: String) {
        let alertType = GenericAlertType(type)
        guard let match = Self.allCases.first(where: { alertType.matches($0.rawValue) }) else { return nil }
        self = match
    }
}
