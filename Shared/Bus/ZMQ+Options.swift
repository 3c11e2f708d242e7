import CZeroMQ

extension ZMQ {
    /// Applies `options` to a new socket, before it binds or connects.
    static func configure(_ socket: UnsafeMutableRawPointer, with options: BusSocketOptions) throws(BusError) {
        try setOption(socket, ZMQ_LINGER, BusSocketOptions.milliseconds(options.linger))
        try setOption(socket, ZMQ_SNDHWM, max(0, options.sendHighWaterMark))
        try setOption(socket, ZMQ_RCVHWM, max(0, options.receiveHighWaterMark))
        try setOption(socket, ZMQ_RECONNECT_IVL, BusSocketOptions.milliseconds(options.reconnectInterval))
        try setOption(socket, ZMQ_RECONNECT_IVL_MAX, BusSocketOptions.milliseconds(options.reconnectIntervalMax))
        try setOption(socket, ZMQ_HANDSHAKE_IVL, BusSocketOptions.milliseconds(options.handshakeInterval))
        if options.immediate { try setOption(socket, ZMQ_IMMEDIATE, 1) }
        if let keepalive = options.tcpKeepalive {
            try setOption(socket, ZMQ_TCP_KEEPALIVE, 1)
            try setOption(socket, ZMQ_TCP_KEEPALIVE_IDLE, BusSocketOptions.seconds(keepalive.idle))
            try setOption(socket, ZMQ_TCP_KEEPALIVE_INTVL, BusSocketOptions.seconds(keepalive.interval))
            try setOption(socket, ZMQ_TCP_KEEPALIVE_CNT, max(1, keepalive.count))
        }
    }

    /// Makes a socket a CurveZMQ server whose clients the ZAP handler checks under `domain`.
    static func configureServer(
        _ socket: UnsafeMutableRawPointer, security: CurveServerSecurity, zapDomain domain: String
    ) throws(BusError) {
        try Curve.requireSupport()
        try setOption(socket, ZMQ_ZAP_DOMAIN, bytes: Array(domain.utf8))
        try setOption(socket, ZMQ_CURVE_SERVER, 1)
        try setOption(socket, ZMQ_CURVE_SECRETKEY, bytes: Z85.decodeKey(security.keyPair.secretKey))
    }

    /// Makes a socket a CurveZMQ client of the server with `security.serverPublicKey`.
    static func configureClient(_ socket: UnsafeMutableRawPointer, security: CurveClientSecurity) throws(BusError) {
        try Curve.requireSupport()
        try setOption(socket, ZMQ_CURVE_SERVERKEY, bytes: Z85.decodeKey(security.serverPublicKey))
        try setOption(socket, ZMQ_CURVE_PUBLICKEY, bytes: Z85.decodeKey(security.keyPair.publicKey))
        try setOption(socket, ZMQ_CURVE_SECRETKEY, bytes: Z85.decodeKey(security.keyPair.secretKey))
    }
}
