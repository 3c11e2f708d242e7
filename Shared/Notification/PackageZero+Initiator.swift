extension PackageZero {
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
