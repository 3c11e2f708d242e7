/// How the simulated user answers UI alerts (1100-1104) and user-interaction notifications.
public struct UIPolicy: Sendable, Hashable, Codable {
    /// What the user does.
    public enum Response: String, Sendable, Hashable, Codable, CaseIterable {
        /// Confirms (200), takes the default or the configured text or choice.
        case accept
        /// Says no to a confirm (304), cancels an input or a choice (214).
        case reject
        /// Does nothing until MAXDT expires (408).
        case timeout
    }

    public var response: Response
    /// The text typed for a 1102 text input; nil takes the default (`DR`) or `ok`.
    public var textInput: String?
    /// The choices picked for 1103/1104 (numbered from 1); nil takes the default (`DR`) or the first.
    public var choices: [Int]?

    public init(response: Response = .accept, textInput: String? = nil, choices: [Int]? = nil) {
        self.response = response
        self.textInput = textInput
        self.choices = choices
    }
}

/// Faults a device shows, decided once per device from the profile's rates and the run's seed.
public struct DeviceFailures: Sendable, Hashable, Codable {
    /// Probability (0...1) that a message exchange drops the connection mid-message.
    public var dropConnection: Double
    /// The device presents a wrong client secret.
    public var badCredentials: Bool
    /// Milliseconds the device waits before each message (a slow device).
    public var slowMilliseconds: Int
    /// The first download attempt stops after this many bytes (the device resumes with Range).
    public var downloadInterruptAt: Int?
    /// The downloaded package fails its size or hash check.
    public var corruptPackage: Bool
    /// The install fails with this FUMO/SCOMO result code.
    public var installFailureCode: Int?
    /// The battery is too low to update (FUMO result 400 after the download).
    public var batteryLow: Bool
    /// The user rejects: UI alerts are answered no, user-interaction notifications start no session.
    public var userRejects: Bool
    /// The device ignores notifications and starts no session for this many seconds after start.
    public var offlineSeconds: Int

    public init(
        dropConnection: Double = 0, badCredentials: Bool = false, slowMilliseconds: Int = 0,
        downloadInterruptAt: Int? = nil, corruptPackage: Bool = false, installFailureCode: Int? = nil,
        batteryLow: Bool = false, userRejects: Bool = false, offlineSeconds: Int = 0
    ) {
        self.dropConnection = dropConnection
        self.badCredentials = badCredentials
        self.slowMilliseconds = slowMilliseconds
        self.downloadInterruptAt = downloadInterruptAt
        self.corruptPackage = corruptPackage
        self.installFailureCode = installFailureCode
        self.batteryLow = batteryLow
        self.userRejects = userRejects
        self.offlineSeconds = offlineSeconds
    }

    public static let none = DeviceFailures()
}
