/// Server nonces for MD5 and HMAC challenges.
///
/// Nonces are random, new for every challenge, and a multiple of 3 bytes long so their base64 form has no
/// padding: some deployed clients mishandle a `NextNonce` ending in `=` (reference §3.3).
public enum Nonce {
    /// The default nonce length: 18 bytes (24 base64 characters, no padding).
    public static let defaultByteCount = 18

    /// A fresh random nonce.
    /// - Parameter byteCount: the length in bytes; rounded up to a multiple of 3, at least 3.
    public static func generate(byteCount: Int = defaultByteCount) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return generate(byteCount: byteCount, using: &generator)
    }

    /// A nonce from the given generator (tests pass a seeded one).
    public static func generate(byteCount: Int = defaultByteCount, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        let count = max(3, (byteCount + 2) / 3 * 3)
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// A fresh random nonce in base64, as sent in `NextNonce`.
    public static func generateBase64(byteCount: Int = defaultByteCount) -> String {
        Base64.encode(generate(byteCount: byteCount))
    }

    /// The resynchronisation nonce a client falls back to when a package #0 digest fails: four zero bytes.
    public static let resynchronisation: [UInt8] = [0, 0, 0, 0]
}
