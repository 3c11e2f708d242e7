/// CurveZMQ for a binding (server) socket: its key pair and the client public keys it accepts.
///
/// The node's ZAP handler refuses every client whose public key is not in ``allowedClientKeys`` at the
/// handshake: such a client never gets a message through, in either direction.
///
/// ```swift
/// let security = try CurveServerSecurity(keyPair: serverKeys, allowedClientKeys: [workerPublicKey])
/// let router = try await node.router(bindingTo: "tcp://0.0.0.0:5560", security: security)
/// ```
public struct CurveServerSecurity: Hashable, Sendable {
    /// The server's key pair; clients are configured with its public half.
    public let keyPair: CurveKeyPair
    /// The Z85 public keys of the clients allowed in.
    public let allowedClientKeys: Set<String>
    /// The same keys as 32-byte values, for comparing with what the ZAP handler receives.
    let allowedKeyBytes: Set<[UInt8]>

    /// - Parameters:
    ///   - keyPair: the server's key pair.
    ///   - allowedClientKeys: the Z85 public keys of the clients to let in; an empty list lets no one in.
    /// - Throws: ``BusError/invalidKey`` when a listed key is not a Z85 key.
    public init(keyPair: CurveKeyPair, allowedClientKeys: some Sequence<String>) throws {
        self.keyPair = keyPair
        var texts = Set<String>()
        var bytes = Set<[UInt8]>()
        for key in allowedClientKeys {
            bytes.insert(try Z85.decodeKey(key))
            texts.insert(key)
        }
        self.allowedClientKeys = texts
        self.allowedKeyBytes = bytes
    }
}
