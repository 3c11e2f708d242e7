/// 16-bit application port addressing (UDH information element 0x05).
public struct SMSPorts: Sendable, Hashable {
    /// The destination port (2948 for connectionless WAP Push).
    public var destination: UInt16
    /// The source port (9200 for the WAP connectionless session service).
    public var source: UInt16

    /// Creates a port pair.
    public init(destination: UInt16, source: UInt16) {
        self.destination = destination
        self.source = source
    }

    /// Destination 2948 (WAP Push, connectionless, non-secure) and source 9200 (the WAP connectionless
    /// session port). Devices route on the destination port; the source port is informative (the DM
    /// Notification specification's appendix example uses 0xC002).
    public static let wapPush = SMSPorts(destination: 2948, source: 9200)
}
