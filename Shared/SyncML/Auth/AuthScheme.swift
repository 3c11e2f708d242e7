/// The SyncML DM authentication schemes the stack speaks, with their names in `Meta/Type` (Cred, Chal) and
/// in DMAcc's `AAuthType`.
public enum AuthScheme: String, Sendable, Hashable, CaseIterable, Codable {
    /// `syncml:auth-basic`: B64(user:password) in `Cred`.
    case basic
    /// `syncml:auth-md5`: B64(MD5(B64(MD5(user:password)):nonce)) in `Cred`.
    case md5
    /// `syncml:auth-MAC`: HMAC-MD5 over the message body in the `x-syncml-hmac` HTTP header.
    case hmac

    /// The value of `Meta/Type` in a Cred or Chal.
    public var metaType: String {
        switch self {
        case .basic: "syncml:auth-basic"
        case .md5: "syncml:auth-md5"
        case .hmac: "syncml:auth-MAC"
        }
    }

    /// The DMAcc `AAuthType` value.
    public var aAuthType: String {
        switch self {
        case .basic: "BASIC"
        case .md5: "DIGEST"
        case .hmac: "HMAC"
        }
    }

    /// The scheme named by a `Meta/Type`, compared without regard to case (clients vary: `syncml:auth-mac`).
    public init?(metaType: String) {
        let wanted = metaType.trimmingASCIIWhitespace().lowercased()
        guard let scheme = AuthScheme.allCases.first(where: { $0.metaType.lowercased() == wanted }) else { return nil }
        self = scheme
    }

    /// The scheme named by a DMAcc `AAuthType`, compared without regard to case.
    public init?(aAuthType: String) {
        let wanted = aAuthType.trimmingASCIIWhitespace().uppercased()
        guard let scheme = AuthScheme.allCases.first(where: { $0.aAuthType == wanted }) else { return nil }
        self = scheme
    }
}
