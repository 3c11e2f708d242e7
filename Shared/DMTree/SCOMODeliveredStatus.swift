/// The `Status` of a SCOMO `Inventory/Delivered/<x>` entry.
public enum SCOMODeliveredStatus: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 10 Idle.
    case idle = 10
    /// 20 Remove failed.
    case removeFailed = 20
    /// 30 Remove progressing.
    case removeProgressing = 30
    /// 40 Install progressing.
    case installProgressing = 40
    /// 50 Install failed, the data is kept.
    case installFailedWithData = 50
    /// 60 Install failed, the data is gone.
    case installFailedWithoutData = 60

    /// True while something runs.
    public var isProgressing: Bool { self == .removeProgressing || self == .installProgressing }

    /// True for the failure values.
    public var isFailure: Bool {
        self == .removeFailed || self == .installFailedWithData || self == .installFailedWithoutData
    }

    /// The status's name, e.g. `Install Progressing`.
    public var description: String {
        switch self {
        case .idle: "Idle"
        case .removeFailed: "Remove Failed"
        case .removeProgressing: "Remove Progressing"
        case .installProgressing: "Install Progressing"
        case .installFailedWithData: "Install Failed with data"
        case .installFailedWithoutData: "Install Failed without data"
        }
    }
}
