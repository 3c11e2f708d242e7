/// Options applied to a socket when the node creates it. Each socket factory starts from the defaults of its
/// kind (``publisher``, ``subscriber``, ``router``, ``dealer``); change what you need:
///
/// ```swift
/// var options = BusSocketOptions.dealer
/// options.linger = .zero
/// let dealer = try await node.dealer(connectingTo: endpoint, options: options)
/// ```
///
/// Linger: how long closing a socket (and so ``BusNode/shutdown()``) waits to hand over messages still queued
/// for a connected peer. Publishers and dealers keep 1 s, so that events and commands sent just before a graceful
/// shutdown usually leave; the bus protocol makes the loss of anything still queued harmless (outboxes resend,
/// subscribers replay gaps), and the bound keeps shutdown from hanging on a peer that is gone. Routers and
/// subscribers use 0: a reply to a departed dealer is asked for again, and a subscriber sends only subscriptions.
public struct BusSocketOptions: Hashable, Sendable {
    /// `ZMQ_LINGER`: how long a closed socket keeps trying to deliver queued messages.
    public var linger: Duration
    /// `ZMQ_SNDHWM`: messages queued per peer before a send reports ``BusError/wouldBlock`` (PUB drops instead).
    public var sendHighWaterMark: Int32
    /// `ZMQ_RCVHWM`: messages libzmq queues per peer on the receiving side.
    public var receiveHighWaterMark: Int32
    /// Messages the node buffers for the Swift consumer before it stops reading the socket, which leaves the
    /// rest to libzmq's queues and high-water marks (a dealer sending to a router whose consumer is slow sees
    /// ``BusError/wouldBlock``; a subscriber that does not keep up loses events, as with any SUB).
    public var receiveBuffer: Int
    /// `ZMQ_IMMEDIATE`: queue messages only to completed connections. On for dealers, so that a send with no
    /// connected router fails with ``BusError/wouldBlock`` instead of waiting in a pipe.
    public var immediate: Bool
    /// `ZMQ_RECONNECT_IVL`: the first wait before reconnecting a dropped or refused connection.
    public var reconnectInterval: Duration
    /// `ZMQ_RECONNECT_IVL_MAX`: the wait doubles after each failed attempt up to this.
    public var reconnectIntervalMax: Duration
    /// `ZMQ_HANDSHAKE_IVL`: how long a ZMTP (and CurveZMQ) handshake may take before the connection is dropped.
    public var handshakeInterval: Duration
    /// TCP keepalive (`ZMQ_TCP_KEEPALIVE`, `_IDLE`, `_INTVL`, `_CNT`): finds half-open connections across NAT
    /// and firewalls; nil leaves the operating system's default.
    public var tcpKeepalive: TCPKeepalive?

    /// TCP keepalive probing.
    public struct TCPKeepalive: Hashable, Sendable {
        /// Idle time before the first probe.
        public var idle: Duration
        /// Time between probes.
        public var interval: Duration
        /// Unanswered probes before the connection is dropped.
        public var count: Int32

        /// - Parameters:
        ///   - idle: idle time before the first probe (default 60 s).
        ///   - interval: time between probes (default 10 s).
        ///   - count: unanswered probes before the connection is dropped (default 3).
        public init(idle: Duration = .seconds(60), interval: Duration = .seconds(10), count: Int32 = 3) {
            self.idle = idle
            self.interval = interval
            self.count = count
        }
    }

    /// The common defaults; the static members adjust them per socket kind.
    public init(
        linger: Duration = .zero, sendHighWaterMark: Int32 = 1000, receiveHighWaterMark: Int32 = 1000,
        receiveBuffer: Int = 1024, immediate: Bool = false, reconnectInterval: Duration = .milliseconds(100),
        reconnectIntervalMax: Duration = .seconds(5), handshakeInterval: Duration = .seconds(30),
        tcpKeepalive: TCPKeepalive? = TCPKeepalive()
    ) {
        self.linger = linger
        self.sendHighWaterMark = sendHighWaterMark
        self.receiveHighWaterMark = receiveHighWaterMark
        self.receiveBuffer = max(1, receiveBuffer)
        self.immediate = immediate
        self.reconnectInterval = reconnectInterval
        self.reconnectIntervalMax = reconnectIntervalMax
        self.handshakeInterval = handshakeInterval
        self.tcpKeepalive = tcpKeepalive
    }

    /// Event publishers (PUB): linger 1 s.
    public static var publisher: BusSocketOptions { BusSocketOptions(linger: .seconds(1)) }
    /// Event subscribers (SUB): linger 0.
    public static var subscriber: BusSocketOptions { BusSocketOptions() }
    /// Command routers (ROUTER): linger 0.
    public static var router: BusSocketOptions { BusSocketOptions() }
    /// Command dealers (DEALER): linger 1 s, immediate.
    public static var dealer: BusSocketOptions { BusSocketOptions(linger: .seconds(1), immediate: true) }

    /// A duration as whole milliseconds for libzmq, clamped to `Int32`.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }

    /// A duration as whole seconds for the TCP keepalive options, at least 1.
    static func seconds(_ duration: Duration) -> Int32 {
        Int32(clamping: max(1, duration.components.seconds))
    }
}
