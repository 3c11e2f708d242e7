/// `Cred`: credentials in the SyncHdr. `meta.type` names the scheme (`syncml:auth-basic`,
/// `syncml:auth-md5`), `meta.format` is `b64`, and `data` carries the encoded credential.
public struct Credential: Sendable, Hashable {
    public var meta: MetaInfo?
    public var data: String

    public init(meta: MetaInfo? = nil, data: String) {
        self.meta = meta
        self.data = data
    }
}

/// `Chal`: an authentication challenge in a Status: the scheme and a fresh `NextNonce`.
public struct Challenge: Sendable, Hashable {
    public var meta: MetaInfo

    public init(meta: MetaInfo) {
        self.meta = meta
    }
}
