/// The `Status` of a SCOMO `Download/<x>` entry.
public enum SCOMODownloadStatus: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 10 Idle.
    case idle = 10
    /// 20 Download failed.
    case downloadFailed = 20
    /// 30 Download progressing.
    case downloadProgressing = 30
    /// 40 Download complete.
    case downloadComplete = 40
    /// 50 Install progressing.
    case installProgressing = 50
    /// 60 Install failed, the data is kept.
    case installFailedWithData = 60
    /// 70 Install failed, the data is gone.
    case installFailedWithoutData = 70

    /// True while something runs.
    public var isProgressing: Bool { self == .downloadProgressing || self == .installProgressing }

    /// True for the failure values.
    public var isFailure: Bool {
        self == .downloadFailed || self == .installFailedWithData || self == .installFailedWithoutData
    }

    /// The status's name, e.g. `Download Complete`.
    public var description: String {
        switch self {
        case .idle: "Idle"
        case .downloadFailed: "Download Failed"
        case .downloadProgressing: "Download Progressing"
        case .downloadComplete: "Download Complete"
        case .installProgressing: "Install Progressing"
        case .installFailedWithData: "Install Failed with data"
        case .installFailedWithoutData: "Install Failed without data"
        }
    }
}
