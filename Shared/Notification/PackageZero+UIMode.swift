extension PackageZero {
    /// The 2-bit UI mode: how the device should involve the user before it starts the session.
    public enum UIMode: UInt8, Sendable, Hashable, CaseIterable {
        /// `00`: not specified; the device decides.
        case notSpecified = 0
        /// `01`: start the session in the background.
        case background = 1
        /// `10`: tell the user, then start.
        case informative = 2
        /// `11`: ask the user to accept first.
        case userInteraction = 3

        /// The mode for two bits (only the low two bits are used).
        public init(bits: UInt8) {
            switch bits & 0x3 {
            case 1: self = .background
            case 2: self = .informative
            case 3: self = .userInteraction
            default: self = .notSpecified
            }
        }

        /// A short lower-case name: `not-specified`, `background`, `informative`, `user-interaction`.
        public var name: String {
            switch self {
            case .notSpecified: "not-specified"
            case .background: "background"
            case .informative: "informative"
            case .userInteraction: "user-interaction"
            }
        }
    }

    /// The 1-bit initiator: who caused the notification.
    public enum Initiator: UInt8, Sendable, Hashable, CaseIterable {
        /// `0`: the user or the client caused it.
        case client = 0
        /// `1`: the server caused it.
        case server = 1

        /// `client` or `server`.
        public var name: String {
            switch self {
            case .client: "client"
            case .server: "server"
            }
        }
    }
}
