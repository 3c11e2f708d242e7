import CZeroMQ

/// A CurveZMQ key pair, both halves as 40 characters of Z85 text.
///
/// ```swift
/// let server = try CurveKeyPair.generate()
/// let same = try CurveKeyPair(secretKey: server.secretKey)   // derives the public half
/// assert(same == server)
/// ```
public struct CurveKeyPair: Hashable, Sendable {
    /// The public key (Z85, 40 characters): give it to peers.
    public let publicKey: String
    /// The secret key (Z85, 40 characters): keep it in configuration marked secret.
    public let secretKey: String

    /// A pair from both halves, checked to belong together.
    /// - Throws: ``BusError/invalidKey`` when either is not a Z85 key or the public key is not the secret's.
    public init(publicKey: String, secretKey: String) throws {
        let derived = try Self.publicKey(fromSecret: secretKey)
        guard try Z85.decodeKey(publicKey) == Z85.decodeKey(derived) else {
            throw BusError.invalidKey(message: "the public key does not belong to the secret key")
        }
        self.publicKey = derived
        self.secretKey = secretKey
    }

    /// The pair of a secret key, its public half derived with `zmq_curve_public`.
    /// - Throws: ``BusError/invalidKey`` when `secretKey` is not a Z85 key.
    public init(secretKey: String) throws {
        self.publicKey = try Self.publicKey(fromSecret: secretKey)
        self.secretKey = secretKey
    }

    /// A fresh random pair from `zmq_curve_keypair`.
    /// - Throws: ``BusError/unsupported`` when libzmq was built without CurveZMQ.
    public static func generate() throws -> CurveKeyPair {
        try Curve.requireSupport()
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        try ZMQ.call(.curve, "zmq_curve_keypair") { zmq_curve_keypair(&publicText, &secretText) }
        let pair = CurveKeyPair(checkedPublic: Z85.string(publicText), secret: Z85.string(secretText))
        return pair
    }

    /// The public key that belongs to `secret`, from `zmq_curve_public`.
    /// - Throws: ``BusError/invalidKey`` when `secret` is not a Z85 key; ``BusError/unsupported`` without
    ///   CurveZMQ.
    public static func publicKey(fromSecret secret: String) throws -> String {
        try Curve.requireSupport()
        _ = try Z85.decodeKey(secret)
        var publicText = [CChar](repeating: 0, count: 41)
        try ZMQ.call(.curve, "zmq_curve_public") { zmq_curve_public(&publicText, secret) }
        return Z85.string(publicText)
    }

    private init(checkedPublic: String, secret: String) {
        publicKey = checkedPublic
        secretKey = secret
    }
}

/// CurveZMQ availability.
enum Curve {
    /// Whether this libzmq has CurveZMQ (`zmq_has("curve")`).
    static var isSupported: Bool { zmq_has("curve") != 0 }

    static func requireSupport() throws(BusError) {
        guard isSupported else { throw BusError.unsupported(message: "libzmq was built without CurveZMQ") }
    }
}
