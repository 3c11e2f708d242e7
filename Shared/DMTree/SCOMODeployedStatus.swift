/// The `Status` of a SCOMO `Inventory/Deployed/<x>` component.
public enum SCOMODeployedStatus: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 10 Idle.
    case idle = 10
    /// 20 Remove failed.
    case removeFailed = 20
    /// 30 Remove progressing.
    case removeProgressing = 30
    /// 40 Activate failed.
    case activateFailed = 40
    /// 50 Activate progressing.
    case activateProgressing = 50
    /// 60 Deactivate failed.
    case deactivateFailed = 60
    /// 70 Deactivate progressing.
    case deactivateProgressing = 70

    /// True while something runs.
    public var isProgressing: Bool {
        self == .removeProgressing || self == .activateProgressing || self == .deactivateProgressing
    }

    /// True for the failure values.
    public var isFailure: Bool { self == .removeFailed || self == .activateFailed || self == .deactivateFailed }

    /// The status's name, e.g. `Activate Failed`.
    public var description: String {
        switch self {
        case .idle: "Idle"
        case .removeFailed: "Remove Failed"
        case .removeProgressing: "Remove Progressing"
        case .activateFailed: "Activate Failed"
        case .activateProgressing: "Activate Progressing"
        case .deactivateFailed: "Deactivate Failed"
        case .deactivateProgressing: "Deactivate Progressing"
        }
    }
}
