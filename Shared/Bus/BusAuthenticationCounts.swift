/// How many CurveZMQ handshakes a node's ZAP handler accepted and refused.
public struct BusAuthenticationCounts: Hashable, Sendable {
    /// Handshakes with a listed client key.
    public var accepted: Int
    /// Handshakes refused: an unlisted key, or a request the handler could not read.
    public var refused: Int
}
