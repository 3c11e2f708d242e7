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
}
