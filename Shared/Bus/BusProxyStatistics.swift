/// The message counts of a running ``BusProxy``, as libzmq's `zmq_proxy_steerable` keeps them (the
/// `STATISTICS` control command). A multi-part message counts once. The frontend is the XSUB side (publishers),
/// the backend the XPUB side (subscribers). Counting starts when the proxy starts.
public struct BusProxyStatistics: Hashable, Sendable {
    /// Messages the XSUB side received: events from publishers.
    public var frontendMessagesReceived: UInt64
    /// Bytes of those messages.
    public var frontendBytesReceived: UInt64
    /// Messages the XSUB side sent: subscriptions forwarded to publishers.
    public var frontendMessagesSent: UInt64
    /// Bytes of those messages.
    public var frontendBytesSent: UInt64
    /// Messages the XPUB side received: subscribe and unsubscribe requests from subscribers.
    public var backendMessagesReceived: UInt64
    /// Bytes of those messages.
    public var backendBytesReceived: UInt64
    /// Messages the XPUB side sent: events passed on to subscribers (before per-subscriber filtering).
    public var backendMessagesSent: UInt64
    /// Bytes of those messages.
    public var backendBytesSent: UInt64

    /// Events that entered the proxy.
    public var eventsIn: UInt64 { frontendMessagesReceived }
    /// Events the proxy passed on.
    public var eventsOut: UInt64 { backendMessagesSent }
    /// Subscription changes the proxy passed upstream.
    public var subscriptionMessages: UInt64 { backendMessagesReceived }

    /// Reads the eight 64-bit frames of the proxy's reply (host byte order).
    init?(frames: [[UInt8]]) {
        guard frames.count == 8, frames.allSatisfy({ $0.count == 8 }) else { return nil }
        let values = frames.map { frame in frame.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
        frontendMessagesReceived = values[0]
        frontendBytesReceived = values[1]
        frontendMessagesSent = values[2]
        frontendBytesSent = values[3]
        backendMessagesReceived = values[4]
        backendBytesReceived = values[5]
        backendMessagesSent = values[6]
        backendBytesSent = values[7]
    }
}
