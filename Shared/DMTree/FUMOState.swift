/// The value of a FUMO object's `State` node (FUMO 1.0).
///
/// Devices use vendor values of 200 and above internally and some leak them; ``interpret(_:)`` tells them apart
/// from standard values and from garbage.
public enum FUMOState: Int, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 10: idle, or ready to start.
    case idle = 10
    /// 20: the download failed.
    case downloadFailed = 20
    /// 30: downloading.
    case downloadProgressing = 30
    /// 40: the download completed.
    case downloadComplete = 40
    /// 50: ready to update.
    case readyToUpdate = 50
    /// 60: updating.
    case updateProgressing = 60
    /// 70: the update failed; the package is still there.
    case updateFailedHaveData = 70
    /// 80: the update failed; the package is gone.
    case updateFailedNoData = 80
    /// 90: the update succeeded; the package is still there.
    case updateSuccessfulHaveData = 90
    /// 100: the update succeeded; the package is gone.
    case updateSuccessfulNoData = 100

    /// How a raw `State` value reads.
    public enum Interpretation: Sendable, Hashable {
        /// A value FUMO defines.
        case standard(FUMOState)
        /// A vendor value (200 and above), to be tolerated.
        case vendorSpecific(Int)
        /// Anything else.
        case unknown(Int)
    }

    /// Classifies a raw `State` value.
    /// - Parameter value: the value read from the device.
    public static func interpret(_ value: Int) -> Interpretation {
        if let state = FUMOState(rawValue: value) { return .standard(state) }
        return value >= 200 ? .vendorSpecific(value) : .unknown(value)
    }

    /// True for the states an operation ends in: 20, 70, 80, 90 and 100.
    public var isTerminal: Bool {
        switch self {
        case .downloadFailed, .updateFailedHaveData, .updateFailedNoData, .updateSuccessfulHaveData,
            .updateSuccessfulNoData:
            true
        case .idle, .downloadProgressing, .downloadComplete, .readyToUpdate, .updateProgressing: false
        }
    }

    /// True for the failure states 20, 70 and 80.
    public var isFailure: Bool {
        self == .downloadFailed || self == .updateFailedHaveData || self == .updateFailedNoData
    }

    /// True while a download or an update runs (30, 60).
    public var isProgressing: Bool { self == .downloadProgressing || self == .updateProgressing }

    /// The state's name as FUMO writes it.
    public var description: String {
        switch self {
        case .idle: "Idle/Start"
        case .downloadFailed: "Download Failed"
        case .downloadProgressing: "Download Progressing"
        case .downloadComplete: "Download Complete"
        case .readyToUpdate: "Ready to Update"
        case .updateProgressing: "Update Progressing"
        case .updateFailedHaveData: "Update Failed / Have Data"
        case .updateFailedNoData: "Update Failed / No Data"
        case .updateSuccessfulHaveData: "Update Successful / Have Data"
        case .updateSuccessfulNoData: "Update Successful / No Data"
        }
    }
}
