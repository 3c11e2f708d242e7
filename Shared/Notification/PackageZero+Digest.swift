internal import SyncML

extension PackageZero {
    /// The resynchronisation nonce: four zero bytes (`AAAAAA==` in base64). A device whose check fails with its
    /// stored nonce retries with this one.
    public static let resyncNonce: [UInt8] = [0, 0, 0, 0]

    /// The package #0 digest:
    /// `H( B64(H(server-identifier ":" password)) ":" nonce ":" B64(H(trigger)) )`, with H = MD5 (16 raw bytes)
    /// and B64 = base64 with padding. The result is 16 raw bytes, not base64.
    /// - Parameters:
    ///   - serverID: the server identifier (UTF-8).
    ///   - password: the server password (UTF-8).
    ///   - nonce: the server nonce as raw bytes.
    ///   - trigger: every byte of the package after the digest.
    /// - Returns: the 16-byte digest.
    public static func digest(serverID: String, password: String, nonce: [UInt8], trigger: [UInt8]) -> [UInt8] {
        // The same construction as SyncML's HMAC-MD5, returned raw instead of base64.
        let credentials = Array(SyncMLAuth.userPasswordDigest(user: serverID, password: password).utf8)
        let triggerHash = Array(Base64.encode(SyncMLAuth.md5(trigger)).utf8)
        return SyncMLAuth.md5(credentials + [UInt8(ascii: ":")] + nonce + [UInt8(ascii: ":")] + triggerHash)
    }

    /// Sets ``digest`` from the server password and nonce.
    /// - Parameters:
    ///   - password: the server password.
    ///   - nonce: the server nonce as raw bytes.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when a field does not fit its width.
    public mutating func sign(password: String, nonce: [UInt8]) throws(NotificationError) {
        digest = PackageZero.digest(serverID: serverID, password: password, nonce: nonce, trigger: try trigger())
    }

    /// Checks ``digest`` against the server password and nonce.
    /// - Parameters:
    ///   - password: the server password.
    ///   - nonce: the server nonce as raw bytes.
    /// - Returns: true when the digest matches; false when it does not or a field cannot be encoded.
    public func verifyDigest(password: String, nonce: [UInt8]) -> Bool {
        guard digest.count == PackageZero.digestLength, let trigger = try? trigger() else { return false }
        let expected = PackageZero.digest(serverID: serverID, password: password, nonce: nonce, trigger: trigger)
        var difference: UInt8 = 0
        for (left, right) in zip(expected, digest) { difference |= left ^ right }
        return difference == 0
    }

    /// The forms of a nonce that deployed devices have used when computing the digest (reference §6.1 and
    /// pitfall 2). ``matchingNonceForm(password:nonceBase64:)`` tries them in this order.
    public enum NonceForm: String, Sendable, Hashable, CaseIterable {
        /// The raw bytes from base64-decoding the nonce: the correct form.
        case decoded
        /// The base64 text itself, used as bytes.
        case base64Text
        /// The resynchronisation nonce as four zero bytes (the specification's form).
        case resyncZeroBytes
        /// The resynchronisation nonce as the base64 text `AAAAAA==`.
        case resyncBase64Text
        /// The resynchronisation nonce as the 10-character ASCII text `0x00000000` (libdmclient).
        case resyncHexText

        /// The nonce bytes this form gives for a base64 nonce, or nil when it needs a decoding that fails.
        public func nonceBytes(forBase64 nonceBase64: String) -> [UInt8]? {
            switch self {
            case .decoded: Base64.decode(nonceBase64)
            case .base64Text: Array(nonceBase64.utf8)
            case .resyncZeroBytes: PackageZero.resyncNonce
            case .resyncBase64Text: Array("AAAAAA==".utf8)
            case .resyncHexText: Array("0x00000000".utf8)
            }
        }
    }

    /// Checks the digest against every nonce form in ``NonceForm`` order (the decoded bytes first) and returns
    /// the first that matches, for servers that must be lenient with deployed clients.
    /// - Parameters:
    ///   - password: the server password.
    ///   - nonceBase64: the server nonce as the base64 text stored for the device.
    ///   - forms: the forms to try (default: all, in order).
    /// - Returns: the matching form, or nil when none matches.
    public func matchingNonceForm(
        password: String, nonceBase64: String, forms: [NonceForm] = NonceForm.allCases
    ) -> NonceForm? {
        for form in forms {
            guard let nonce = form.nonceBytes(forBase64: nonceBase64) else { continue }
            if verifyDigest(password: password, nonce: nonce) { return form }
        }
        return nil
    }
}
