/// One SyncML DM message: a header, the commands of its body, and whether it closes its package.
///
/// Decode with ``init(xml:limits:)`` or ``init(bytes:limits:)``; encode with ``xml()``. WBXML lives in
/// `SyncMLMessage+WBXML.swift`. Values compare equal when every element compares equal; `Data` content is
/// kept exactly as it arrived (``DataContent``).
///
/// ```swift
/// let message = try SyncMLMessage(xml: bytes)
/// for command in message.body { print(command.name, command.cmdID) }
/// ```
public struct SyncMLMessage: Sendable, Hashable {
    /// The SyncML version of the root namespace (or WBXML public id).
    public var version: SyncMLVersion
    /// The SyncHdr.
    public var header: SyncHeader
    /// The commands of the SyncBody, in order.
    public var body: [Command]
    /// True when the SyncBody ends with `<Final/>`: the last message of a package.
    public var isFinal: Bool

    public init(version: SyncMLVersion = .v1_2, header: SyncHeader, body: [Command] = [], isFinal: Bool = true) {
        self.version = version
        self.header = header
        self.body = body
        self.isFinal = isFinal
    }
}

/// The SyncHdr of a message (children in DTD order).
public struct SyncHeader: Sendable, Hashable {
    /// `VerDTD`, "1.2" for DM 1.2.
    public var verDTD: String
    /// `VerProto`, "DM/1.2" for DM 1.2.
    public var verProto: String
    /// `SessionID`, identical in every message of a session.
    public var sessionID: String
    /// `MsgID`, numbered by each side from 1.
    public var msgID: String
    /// `Target`: the server URI (client to server) or the device id (server to client).
    public var target: Location
    /// `Source`: the sender; `LocName` carries the user name for MD5 authentication.
    public var source: Location
    /// `RespURI`: where the client posts its next message.
    public var respURI: String?
    /// `NoResp`: the sender wants no response.
    public var noResp: Bool
    /// `Cred`: credentials (only ever in the header in DM).
    public var cred: Credential?
    /// `Meta`: MaxMsgSize and MaxObjSize.
    public var meta: MetaInfo?

    public init(
        verDTD: String = "1.2", verProto: String = "DM/1.2", sessionID: String, msgID: String, target: Location,
        source: Location, respURI: String? = nil, noResp: Bool = false, cred: Credential? = nil,
        meta: MetaInfo? = nil
    ) {
        self.verDTD = verDTD
        self.verProto = verProto
        self.sessionID = sessionID
        self.msgID = msgID
        self.target = target
        self.source = source
        self.respURI = respURI
        self.noResp = noResp
        self.cred = cred
        self.meta = meta
    }
}
