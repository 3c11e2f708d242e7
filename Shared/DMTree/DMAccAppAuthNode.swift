/// The children of `./DMAcc/<x>/AppAuth/<y>`: one set of credentials.
public enum DMAccAppAuthNode: String, Sendable, Hashable, CaseIterable {
    /// Which direction the credentials are for (``DMAccAuthLevel``).
    case aAuthLevel = "AAuthLevel"
    /// The authentication type (``DMAccAuthType``).
    case aAuthType = "AAuthType"
    /// The user or server name.
    case aAuthName = "AAuthName"
    /// The password; not readable by Get.
    case aAuthSecret = "AAuthSecret"
    /// The nonce (`bin`); not readable by Get.
    case aAuthData = "AAuthData"

    /// The format of the node (`bin` for the nonce, `chr` otherwise).
    public var format: NodeFormat { self == .aAuthData ? .bin : .chr }

    /// The node's URI for credentials `credentials` of account `account`.
    /// - Parameters:
    ///   - account: the account URI.
    ///   - credentials: the credential set's node name.
    /// - Throws: ``NodeURIError`` for an invalid name.
    public func uri(in account: NodeURI, credentials: String) throws(NodeURIError) -> NodeURI {
        try DMAccNode.appAuth.uri(in: account).appending(name: credentials).appending(rawValue)
    }
}

/// The values of `AppAuth/<x>/AAuthLevel`.
public enum DMAccAuthLevel: String, Sendable, Hashable, CaseIterable {
    /// Client authenticating to the server.
    case clientCredentials = "CLCRED"
    /// Server authenticating to the client; also keys package #0.
    case serverCredentials = "SRVCRED"
    /// OBEX transport.
    case obex = "OBEX"
    /// HTTP transport.
    case http = "HTTP"

    /// Looks a level up ignoring ASCII case.
    /// - Parameter value: the node value.
    public init?(value: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, value) }) else {
            return nil
        }
        self = match
    }
}

/// The values of `AppAuth/<x>/AAuthType` (and `AAuthPref`).
public enum DMAccAuthType: String, Sendable, Hashable, CaseIterable {
    /// HTTP basic.
    case httpBasic = "HTTP-BASIC"
    /// HTTP digest.
    case httpDigest = "HTTP-DIGEST"
    /// SyncML basic (`syncml:auth-basic`).
    case basic = "BASIC"
    /// SyncML MD5 digest (`syncml:auth-md5`).
    case digest = "DIGEST"
    /// HMAC-MD5 message integrity (`syncml:auth-MAC`).
    case hmac = "HMAC"
    /// X.509 certificates.
    case x509 = "X509"
    /// RSA SecurID.
    case securID = "SECURID"
    /// SafeWord.
    case safeWord = "SAFEWORD"
    /// DigiPass.
    case digiPass = "DIGIPASS"
    /// Transport-level authentication (TLS).
    case transport = "TRANSPORT"

    /// Looks a type up ignoring ASCII case.
    /// - Parameter value: the node value.
    public init?(value: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, value) }) else {
            return nil
        }
        self = match
    }
}
