/// The `State` of a SCOMO `Inventory/Deployed/<x>` component.
public enum SCOMODeployedState: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 10 Inactive.
    case inactive = 10
    /// 20 Active.
    case active = 20

    /// The state's name.
    public var description: String { self == .inactive ? "Inactive" : "Active" }
}
