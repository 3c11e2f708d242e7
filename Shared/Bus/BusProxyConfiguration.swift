/// Where a ``BusProxy`` binds and how it secures each side.
///
/// ```swift
/// let configuration = BusProxyConfiguration(frontend: "tcp://127.0.0.1:*", backend: "tcp://127.0.0.1:*")
/// let proxy = try await BusProxy.start(configuration)
/// ```
public struct BusProxyConfiguration: Hashable, Sendable {
    /// The XSUB endpoint publishers connect to; default `tcp://127.0.0.1:5550`.
    public var frontend: String
    /// The XPUB endpoint subscribers connect to; default `tcp://127.0.0.1:5551`.
    public var backend: String
    /// CurveZMQ for the publishers' side; nil for none.
    public var frontendSecurity: CurveServerSecurity?
    /// CurveZMQ for the subscribers' side; nil for none.
    public var backendSecurity: CurveServerSecurity?
    /// Options of both sides. The default has linger 0 (a hub keeps nothing for departed peers) and
    /// high-water marks of 10 000 messages.
    public var options: BusSocketOptions

    /// - Parameters:
    ///   - frontend: the XSUB endpoint.
    ///   - backend: the XPUB endpoint.
    ///   - frontendSecurity: CurveZMQ server keys and allowed publishers.
    ///   - backendSecurity: CurveZMQ server keys and allowed subscribers.
    ///   - options: socket options of both sides.
    public init(
        frontend: String = "tcp://127.0.0.1:5550", backend: String = "tcp://127.0.0.1:5551",
        frontendSecurity: CurveServerSecurity? = nil, backendSecurity: CurveServerSecurity? = nil,
        options: BusSocketOptions = BusSocketOptions(sendHighWaterMark: 10_000, receiveHighWaterMark: 10_000)
    ) {
        self.frontend = frontend
        self.backend = backend
        self.frontendSecurity = frontendSecurity
        self.backendSecurity = backendSecurity
        self.options = options
    }
}
