/// The Generic Alert types of DiagMon, from the OMNA DM alert-type registry. All share the root
/// `urn:oma:at:diagmon:1.0`, including those the DiagMon 1.2 frameworks added.
public enum DiagMonAlertType: String, Sendable, Hashable, CaseIterable, Codable {
    /// The result of a DiagMon operation (DiagMon 1.0, and the functions framework of 1.2).
    case operationComplete = "urn:oma:at:diagmon:1.0:OperationComplete"
    /// A trap notification (trap MO 1.0), or a trap becoming active (trap framework 1.2).
    case trapNotification = "urn:oma:at:diagmon:1.0:TrapNotification"
    /// Collected data in node-value format (functions framework 1.2).
    case collectedSimpleDataReport = "urn:oma:at:diagmon:1.0:CollectedSimpleDataReport"
    /// A trap becoming inactive (trap framework 1.2).
    case trapInactiveNotification = "urn:oma:at:diagmon:1.0:TrapInactiveNotification"
    /// An inward trap was deregistered (trap framework 1.2).
    case trapDeregistered = "urn:oma:at:diagmon:1.0:TrapDeregistered"

    /// Identifies a DiagMon alert type, with or without a `Reversed-Domain-Name:` prefix, ignoring case.
    /// - Parameter type: the alert's Meta `Type`.
    public init?(matching type: String) {
        let alertType = GenericAlertType(type)
        guard let match = Self.allCases.first(where: { alertType.matches($0.rawValue) }) else { return nil }
        self = match
    }

    /// True for the trap alerts.
    public var isTrap: Bool {
        self == .trapNotification || self == .trapInactiveNotification || self == .trapDeregistered
    }
}
