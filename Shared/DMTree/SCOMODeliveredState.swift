/// The `State` of a SCOMO `Inventory/Delivered/<x>` entry.
public enum SCOMODeliveredState: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 10 Delivered, not installed.
    case delivered = 10
    /// 20 Installed.
    case installed = 20

    /// The state's name.
    public var description: String { self == .delivered ? "Delivered" : "Installed" }
}
