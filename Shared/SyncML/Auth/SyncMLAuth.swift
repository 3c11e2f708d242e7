internal import Crypto

/// Credential computations of OMA DM 1.2 (DM Security §5): basic, MD5 digest and HMAC-MD5.
///
/// Let H be MD5 (16 raw bytes) and B64 standard base64:
/// - basic: `B64(user ":" password)`
/// - MD5 digest: `B64(H(B64(H(user ":" password)) ":" nonce))`, nonce being the raw bytes of the peer's
///   base64 `NextNonce`
/// - HMAC: `B64(H(B64(H(user ":" password)) ":" nonce ":" B64(H(body))))` over the exact body bytes
///
/// ```swift
/// SyncMLAuth.md5Credential(user: "Bruce2", password: "OhBehave", nonce: Array("Nonce".utf8))
/// // "Zz6EivR3yeaaENcRN6lpAQ=="
/// ```
public enum SyncMLAuth {
    /// The basic credential: `B64(user:password)`.
    public static func basicCredential(user: String, password: String) -> String {
        Base64.encode(Array("\(user):\(password)".utf8))
    }

    /// Splits a basic credential into user and password; nil when it is not base64 of `user:password`.
    public static func parseBasicCredential(_ data: String) -> (user: String, password: String)? {
        guard let bytes = Base64.decode(data), let text = String(validating: bytes, as: UTF8.self),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// `B64(H(user:password))`: all a server needs to store to check MD5 and HMAC credentials.
    public static func userPasswordDigest(user: String, password: String) -> String {
        Base64.encode(md5(Array("\(user):\(password)".utf8)))
    }

    /// The MD5 digest credential for `Cred/Data`.
    /// - Parameters:
    ///   - user: the user name (sent in `Source/LocName`).
    ///   - password: the secret.
    ///   - nonce: the raw nonce bytes (the base64-decoded `NextNonce` the peer sent).
    public static func md5Credential(user: String, password: String, nonce: [UInt8]) -> String {
        md5Credential(userPasswordDigest: userPasswordDigest(user: user, password: password), nonce: nonce)
    }

    /// The MD5 digest credential from a stored `B64(H(user:password))`.
    public static func md5Credential(userPasswordDigest: String, nonce: [UInt8]) -> String {
        var input = Array(userPasswordDigest.utf8)
        input.append(UInt8(ascii: ":"))
        input.append(contentsOf: nonce)
        return Base64.encode(md5(input))
    }

    /// Checks an MD5 digest credential against the nonce the server issued (base64, as sent in NextNonce).
    /// Both the decoded nonce bytes and, for clients that get it wrong, the literal base64 text are tried.
    public static func verifyMD5Credential(_ data: String, user: String, password: String, nonceBase64: String) -> Bool {
        let stored = userPasswordDigest(user: user, password: password)
        return verifyMD5Credential(data, userPasswordDigest: stored, nonceBase64: nonceBase64)
    }

    /// Checks an MD5 digest credential from a stored `B64(H(user:password))`.
    public static func verifyMD5Credential(_ data: String, userPasswordDigest: String, nonceBase64: String) -> Bool {
        let presented = Array(data.trimmingASCIIWhitespace().utf8)
        for nonce in nonceForms(nonceBase64) {
            let expected = Array(md5Credential(userPasswordDigest: userPasswordDigest, nonce: nonce).utf8)
            if constantTimeEqual(presented, expected) { return true }
        }
        return false
    }

    /// The HMAC-MD5 `mac` value for a message body.
    /// - Parameters:
    ///   - user: the user name of the `x-syncml-hmac` header.
    ///   - password: the secret.
    ///   - nonce: raw nonce bytes.
    ///   - body: the exact HTTP body bytes (XML or WBXML as sent).
    public static func hmac(user: String, password: String, nonce: [UInt8], body: some Collection<UInt8>) -> String {
        hmac(userPasswordDigest: userPasswordDigest(user: user, password: password), nonce: nonce, body: body)
    }

    /// The HMAC-MD5 `mac` value from a stored `B64(H(user:password))`.
    public static func hmac(userPasswordDigest: String, nonce: [UInt8], body: some Collection<UInt8>) -> String {
        var input = Array(userPasswordDigest.utf8)
        input.append(UInt8(ascii: ":"))
        input.append(contentsOf: nonce)
        input.append(UInt8(ascii: ":"))
        input.append(contentsOf: Base64.encode(md5(Array(body))).utf8)
        return Base64.encode(md5(input))
    }

    /// Checks an `x-syncml-hmac` header's mac against the body, trying both nonce forms like MD5.
    public static func verifyHMAC(
        _ header: HMACHeader, userPasswordDigest: String, nonceBase64: String, body: some Collection<UInt8>
    ) -> Bool {
        let bodyBytes = Array(body)
        let presented = Array(header.mac.utf8)
        for nonce in nonceForms(nonceBase64) {
            let expected = Array(hmac(userPasswordDigest: userPasswordDigest, nonce: nonce, body: bodyBytes).utf8)
            if constantTimeEqual(presented, expected) { return true }
        }
        return false
    }

    /// MD5 of bytes (16 raw bytes).
    public static func md5(_ bytes: [UInt8]) -> [UInt8] {
        Array(Insecure.MD5.hash(data: bytes))
    }

    /// The nonce byte strings to try for a base64 NextNonce: decoded first, then the literal text.
    private static func nonceForms(_ nonceBase64: String) -> [[UInt8]] {
        let literal = Array(nonceBase64.utf8)
        guard let decoded = Base64.decode(nonceBase64), decoded != literal else { return [literal] }
        return [decoded, literal]
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
