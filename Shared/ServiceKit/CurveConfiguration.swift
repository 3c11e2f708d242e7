/// CurveZMQ keys of one service instance (docs/bus.md, "Security"). Keys are Z85 text, 40 characters.
///
/// The instance uses one key pair both as a server (its command ROUTER; dm-bus's two sides) and as a client.
/// As a client it needs each server's public key; as a server it accepts only the listed client keys.
/// Its descriptions and mirror never show the secret key.
public struct CurveConfiguration: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// This instance's public key.
    public var publicKey: String

    /// This instance's secret key. Secret: never log it.
    public var secretKey: String

    /// The public keys of the servers this instance connects to, by service name (`bus` for dm-bus).
    public var serverKeys: [String: String]

    /// The client public keys this instance's servers accept; an empty list accepts none.
    public var authorizedClientKeys: [String]

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - publicKey: This instance's public key.
    ///   - secretKey: This instance's secret key.
    ///   - serverKeys: The servers' public keys by service name.
    ///   - authorizedClientKeys: The client keys this instance's servers accept.
    public init(
        publicKey: String, secretKey: String, serverKeys: [String: String] = [:], authorizedClientKeys: [String] = []
    ) {
        self.publicKey = publicKey
        self.secretKey = secretKey
        self.serverKeys = serverKeys
        self.authorizedClientKeys = authorizedClientKeys
    }

    /// The keys with the secret key redacted.
    public var description: String {
        let servers = serverKeys.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return
            "CurveConfiguration(publicKey: \(publicKey), secretKey: <redacted>, serverKeys: [\(servers)], "
            + "authorizedClientKeys: \(authorizedClientKeys.count))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the secret key redacted, so that `dump` and default struct printing do not show it.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "publicKey": publicKey, "secretKey": "<redacted>", "serverKeys": serverKeys,
                "authorizedClientKeys": authorizedClientKeys,
            ])
    }

    /// Whether `key` is a Z85-encoded 32-byte key: 40 characters of the Z85 alphabet.
    ///
    /// - Parameter key: The text to check.
    /// - Returns: `true` for a well-formed key.
    public static func isZ85Key(_ key: String) -> Bool {
        key.utf8.count == 40 && key.utf8.allSatisfy { z85Alphabet.contains($0) }
    }

    private static let z85Alphabet = Set(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)
}
