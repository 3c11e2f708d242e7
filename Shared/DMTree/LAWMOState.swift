/// The value of a LAWMO object's `State` node.
public enum LAWMOState: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 10 Fully locked.
    case fullyLocked = 10
    /// 20 Partially locked.
    case partiallyLocked = 20
    /// 30 Unlocked.
    case unlocked = 30

    /// The state's name, e.g. `Fully Locked`.
    public var description: String {
        switch self {
        case .fullyLocked: "Fully Locked"
        case .partiallyLocked: "Partially Locked"
        case .unlocked: "Unlocked"
        }
    }
}
