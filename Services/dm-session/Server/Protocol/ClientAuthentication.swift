public import SyncML

/// What a message's credentials say about the device.
public enum ClientAuthentication: Sendable, Hashable {
    /// The credentials match the device's account.
    case authenticated
    /// No credentials of any kind: answered 407.
    case missing
    /// Credentials of the wrong scheme or that do not match: answered 401. `reason` is
    /// `invalid-credentials` or `wrong-scheme`.
    case invalid(reason: String)

    /// Checks a message's credentials against an account.
    ///
    /// - basic: `Cred` of type `syncml:auth-basic` (or no type) whose user and password match;
    /// - md5: `Cred` of type `syncml:auth-md5` computed with ``DeviceAccount/clientNonce`` (decoded, or its base64
    ///   text as some clients use it); a `LocName`, when sent, must be the account's user;
    /// - hmac: the `x-syncml-hmac` header over the exact body, with the account's user and nonce.
    ///
    /// - Parameters:
    ///   - header: the message's SyncHdr.
    ///   - hmacHeader: the `x-syncml-hmac` HTTP header, if any.
    ///   - body: the exact HTTP body.
    ///   - account: the device's account.
    /// - Returns: the verdict.
    public static func check(
        header: SyncHeader, hmacHeader: String?, body: [UInt8], account: DeviceAccount
    ) -> ClientAuthentication {
        let credScheme: AuthScheme? = header.cred.map { cred in
            guard let type = cred.meta?.type else { return .basic }
            return AuthScheme(metaType: type) ?? .basic
        }
        switch account.clientAuth {
        case .basic, .md5:
            guard let cred = header.cred else { return hmacHeader == nil ? .missing : .invalid(reason: "wrong-scheme") }
            guard credScheme == account.clientAuth else { return .invalid(reason: "wrong-scheme") }
            if account.clientAuth == .basic {
                guard let (user, password) = SyncMLAuth.parseBasicCredential(cred.data.trimmingASCIIWhitespace()),
                    user == account.clientName,
                    SyncMLAuth.userPasswordDigest(user: user, password: password) == account.clientDigest
                else { return .invalid(reason: "invalid-credentials") }
                return .authenticated
            }
            if let name = header.source.locName, !name.isEmpty, name != account.clientName {
                return .invalid(reason: "invalid-credentials")
            }
            return SyncMLAuth.verifyMD5Credential(
                cred.data, userPasswordDigest: account.clientDigest, nonceBase64: account.clientNonce)
                ? .authenticated : .invalid(reason: "invalid-credentials")
        case .hmac:
            guard let hmacHeader else { return header.cred == nil ? .missing : .invalid(reason: "wrong-scheme") }
            guard let parsed = HMACHeader(parsing: hmacHeader), parsed.username == account.clientName else {
                return .invalid(reason: "invalid-credentials")
            }
            return SyncMLAuth.verifyHMAC(
                parsed, userPasswordDigest: account.clientDigest, nonceBase64: account.clientNonce, body: body)
                ? .authenticated : .invalid(reason: "invalid-credentials")
        }
    }
}

/// The server's side of authentication: its credentials towards the device and the challenges it sends.
public enum ServerAuthentication {
    /// A `Chal` asking for `scheme`, with a NextNonce when the scheme uses one.
    public static func challenge(_ scheme: AuthScheme, nextNonce: String?) -> Challenge {
        Challenge(meta: MetaInfo(format: "b64", type: scheme.metaType, nextNonce: scheme == .basic ? nil : nextNonce))
    }

    /// The `Cred` dm-session puts in its SyncHdr for `scheme` (nil for HMAC, which travels in an HTTP header).
    public static func credential(_ scheme: AuthScheme, account: DeviceAccount) -> Credential? {
        switch scheme {
        case .basic:
            return Credential(
                meta: MetaInfo(format: "b64", type: AuthScheme.basic.metaType),
                data: SyncMLAuth.basicCredential(user: account.serverName, password: account.serverSecret))
        case .md5:
            let nonce = Base64.decode(account.serverNonce) ?? Array(account.serverNonce.utf8)
            return Credential(
                meta: MetaInfo(format: "b64", type: AuthScheme.md5.metaType),
                data: SyncMLAuth.md5Credential(user: account.serverName, password: account.serverSecret, nonce: nonce))
        case .hmac:
            return nil
        }
    }

    /// The `x-syncml-hmac` header value for a response body.
    public static func hmacHeader(account: DeviceAccount, body: [UInt8]) -> String {
        let nonce = Base64.decode(account.serverNonce) ?? Array(account.serverNonce.utf8)
        let mac = SyncMLAuth.hmac(user: account.serverName, password: account.serverSecret, nonce: nonce, body: body)
        return HMACHeader(username: account.serverName, mac: mac).value
    }
}
