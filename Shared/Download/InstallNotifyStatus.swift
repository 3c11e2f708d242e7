/// An OMA Download install-notify status code (900–954; there is no 904), which a device POSTs to a
/// descriptor's `installNotifyURI` as `<code> <reason phrase>`.
///
/// Any three-digit code can be held: vendor agents send non-standard codes such as `461 Blocked by AFW Policy`,
/// which are kept as unknown (``isKnown`` false) rather than refused.
///
/// ```swift
/// InstallNotifyStatus.success.reportBody          // "900 Success"
/// InstallNotifyStatus(rawValue: 461).isKnown      // false
/// ```
public struct InstallNotifyStatus: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The numeric code.
    public let rawValue: Int

    /// Wraps a code.
    /// - Parameter rawValue: the code.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// 900 Success.
    public static let success = InstallNotifyStatus(rawValue: 900)
    /// 901 Insufficient memory.
    public static let insufficientMemory = InstallNotifyStatus(rawValue: 901)
    /// 902 User Cancelled.
    public static let userCancelled = InstallNotifyStatus(rawValue: 902)
    /// 903 Loss of Service.
    public static let lossOfService = InstallNotifyStatus(rawValue: 903)
    /// 905 Attribute mismatch (the object does not match the descriptor's type or size).
    public static let attributeMismatch = InstallNotifyStatus(rawValue: 905)
    /// 906 Invalid descriptor.
    public static let invalidDescriptor = InstallNotifyStatus(rawValue: 906)
    /// 951 Invalid DDVersion.
    public static let invalidDDVersion = InstallNotifyStatus(rawValue: 951)
    /// 952 Device Aborted.
    public static let deviceAborted = InstallNotifyStatus(rawValue: 952)
    /// 953 Non-Acceptable Content.
    public static let nonAcceptableContent = InstallNotifyStatus(rawValue: 953)
    /// 954 Loader Error.
    public static let loaderError = InstallNotifyStatus(rawValue: 954)

    /// Every code OMA Download defines, in order.
    public static let allStandard: [InstallNotifyStatus] = [
        .success, .insufficientMemory, .userCancelled, .lossOfService, .attributeMismatch, .invalidDescriptor,
        .invalidDDVersion, .deviceAborted, .nonAcceptableContent, .loaderError,
    ]

    /// The reason phrase OMA Download gives the code, or nil for a code it does not define.
    public var reasonPhrase: String? {
        switch rawValue {
        case 900: "Success"
        case 901: "Insufficient memory"
        case 902: "User Cancelled"
        case 903: "Loss of Service"
        case 905: "Attribute mismatch"
        case 906: "Invalid descriptor"
        case 951: "Invalid DDVersion"
        case 952: "Device Aborted"
        case 953: "Non-Acceptable Content"
        case 954: "Loader Error"
        default: nil
        }
    }

    /// True for a code OMA Download defines.
    public var isKnown: Bool { reasonPhrase != nil }

    /// True only for 900.
    public var isSuccess: Bool { rawValue == 900 }

    /// The body a device sends: `900 Success`, or just the code when there is no standard phrase.
    public var reportBody: String { reasonPhrase.map { "\(rawValue) \($0)" } ?? String(rawValue) }

    /// `906 Invalid descriptor`, or `461 (unknown)`.
    public var description: String { reasonPhrase.map { "\(rawValue) \($0)" } ?? "\(rawValue) (unknown)" }
}
