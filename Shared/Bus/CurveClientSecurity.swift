/// CurveZMQ for a connecting (client) socket: its own key pair and the public key of the server it connects
/// to. The server must list ``keyPair``'s public key among its allowed clients.
///
/// ```swift
/// let security = try CurveClientSecurity(keyPair: myKeys, serverPublicKey: busPublicKey)
/// let publisher = try await node.publisher(connectingTo: "tcp://bus.example:5550", security: security)
/// ```
public struct CurveClientSecurity: Hashable, Sendable {
    /// The client's key pair.
    public let keyPair: CurveKeyPair
    /// The server's Z85 public key.
    public let serverPublicKey: String

    /// - Throws: ``BusError/invalidKey`` when `serverPublicKey` is not a Z85 key.
    public init(keyPair: CurveKeyPair, serverPublicKey: String) throws {
        _ = try Z85.decodeKey(serverPublicKey)
        self.keyPair = keyPair
        self.serverPublicKey = serverPublicKey
    }
}
