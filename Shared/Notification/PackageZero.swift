/// OMA DM 1.2 General Package #0 (`application/vnd.syncml.notification`): the server's wake-up message that
/// asks a device to open a DM session.
///
/// Layout (big-endian, bit packed): a 16-byte MD5 digest, then the *trigger*: version (10 bits), UI mode
/// (2 bits), initiator (1 bit), future use (27 bits), session ID (16 bits), server ID length (8 bits), the
/// server ID, and an optional vendor-specific body running to the end of the message.
///
/// The value keeps every field exactly as carried, including the raw 10-bit version and the future-use bits,
/// so decoding then encoding gives back the same bytes.
///
/// ```swift
/// let package = PackageZero(uiMode: .background, initiator: .client, sessionID: 0x1234,
///                           serverID: "com.mgmtsrv.manage")
/// let bytes = try package.encoded(password: "srvpwd", nonce: [0, 0, 0, 0])   // 42 bytes
/// let decoded = try PackageZero.decode(bytes)
/// decoded.verifyDigest(password: "srvpwd", nonce: [0, 0, 0, 0])              // true
/// ```
public struct PackageZero: Sendable, Hashable {
    /// The version to send: 11 (`0000001011`, "1.1"), as the DM 1.2 Notification specification requires.
    public static let defaultVersion: UInt16 = 11
    /// The versions ``decode(_:acceptedVersions:)`` accepts by default: 10 to 12.
    public static let acceptedVersions: ClosedRange<UInt16> = 10...12
    /// The MIME type of a package #0.
    public static let mimeType = "application/vnd.syncml.notification"
    /// Size of the MD5 digest at the start of the package.
    public static let digestLength = 16
    /// Size of the fixed part of the trigger header (version to server ID length).
    public static let fixedHeaderLength = 8
    /// Largest value the 10-bit version field holds.
    public static let maxVersion: UInt16 = 0x3FF
    /// Largest value the 27-bit future-use field holds.
    public static let maxFutureUse: UInt32 = 0x07FF_FFFF

    /// The raw 10-bit version field (version × 10: 11 means 1.1).
    public var version: UInt16
    /// How the device should involve the user.
    public var uiMode: UIMode
    /// Who caused the session: the user or the server.
    public var initiator: Initiator
    /// The 27 future-use bits, kept as received (they should be 0).
    public var futureUse: UInt32
    /// The session ID the device must echo as its SyncHdr `SessionID` (see ``sessionIDHex``).
    public var sessionID: UInt16
    /// The server identifier: it should equal `DMAcc/<x>/ServerID` on the device.
    public var serverID: String
    /// The vendor-specific body after the server ID (empty when there is none).
    public var vendorSpecific: [UInt8]
    /// The 16-byte MD5 digest (raw bytes). ``encoded(password:nonce:)`` and ``sign(password:nonce:)`` compute it.
    public var digest: [UInt8]

    /// Creates a package #0.
    /// - Parameters:
    ///   - version: the raw 10-bit version field (default 11).
    ///   - uiMode: the user-interaction mode (default ``UIMode/notSpecified``).
    ///   - initiator: who caused the session (default ``Initiator/server``).
    ///   - futureUse: the 27 future-use bits (default 0).
    ///   - sessionID: the session ID.
    ///   - serverID: the server identifier (at most 255 bytes of UTF-8; keep it under 24 ASCII characters).
    ///   - vendorSpecific: the vendor-specific body (default empty).
    ///   - digest: the digest (default 16 zero bytes, to be computed by signing).
    public init(
        version: UInt16 = PackageZero.defaultVersion, uiMode: UIMode = .notSpecified, initiator: Initiator = .server,
        futureUse: UInt32 = 0, sessionID: UInt16, serverID: String, vendorSpecific: [UInt8] = [],
        digest: [UInt8] = [UInt8](repeating: 0, count: PackageZero.digestLength)
    ) {
        self.version = version
        self.uiMode = uiMode
        self.initiator = initiator
        self.futureUse = futureUse
        self.sessionID = sessionID
        self.serverID = serverID
        self.vendorSpecific = vendorSpecific
        self.digest = digest
    }

    /// True when ``version`` is one of ``acceptedVersions`` (10 to 12).
    public var isVersionAccepted: Bool { PackageZero.acceptedVersions.contains(version) }

    /// The trigger: every byte after the digest (header and vendor-specific body). The digest covers these.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when a field does not fit its width.
    public func trigger() throws(NotificationError) -> [UInt8] {
        guard version <= PackageZero.maxVersion else {
            throw NotificationError(.invalidArgument, "version \(version) does not fit in 10 bits")
        }
        guard futureUse <= PackageZero.maxFutureUse else {
            throw NotificationError(.invalidArgument, "future-use value \(futureUse) does not fit in 27 bits")
        }
        let serverIDBytes = Array(serverID.utf8)
        guard serverIDBytes.count <= 255 else {
            throw NotificationError(
                .invalidArgument, "server ID of \(serverIDBytes.count) bytes is longer than 255 bytes")
        }
        let packed =
            UInt64(version) << 30 | UInt64(uiMode.rawValue) << 28 | UInt64(initiator.rawValue) << 27
            | UInt64(futureUse)
        var output: [UInt8] = []
        output.reserveCapacity(PackageZero.fixedHeaderLength + serverIDBytes.count + vendorSpecific.count)
        for shift in stride(from: 32, through: 0, by: -8) {
            output.append(UInt8(truncatingIfNeeded: packed >> UInt64(shift)))
        }
        output.append(UInt8(sessionID >> 8))
        output.append(UInt8(sessionID & 0xFF))
        output.append(UInt8(serverIDBytes.count))
        output.append(contentsOf: serverIDBytes)
        output.append(contentsOf: vendorSpecific)
        return output
    }

    /// The whole package with the digest it carries now (``digest``), unchanged.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when a field does not fit or the digest is not
    ///   16 bytes.
    public func encoded() throws(NotificationError) -> [UInt8] {
        guard digest.count == PackageZero.digestLength else {
            throw NotificationError(.invalidArgument, "digest of \(digest.count) bytes; it must be 16 bytes")
        }
        return digest + (try trigger())
    }

    /// The whole package, with the digest computed from the server password and nonce.
    /// - Parameters:
    ///   - password: the server password as the device stores it (SRVCRED `AAuthSecret`).
    ///   - nonce: the server nonce as raw bytes (SRVCRED `AAuthData`, base64-decoded).
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when a field does not fit its width.
    public func encoded(password: String, nonce: [UInt8]) throws(NotificationError) -> [UInt8] {
        let trigger = try trigger()
        return PackageZero.digest(serverID: serverID, password: password, nonce: nonce, trigger: trigger) + trigger
    }

    /// Decodes a package #0, checking every length against the bytes present.
    /// - Parameters:
    ///   - bytes: the whole package (digest and trigger).
    ///   - acceptedVersions: the versions to accept (default 10 to 12); nil accepts any value.
    /// - Returns: the package with every field as carried.
    /// - Throws: ``NotificationError``: `truncated` when a field is cut short, `malformed` when the server ID is
    ///   not UTF-8, `unsupported` when the version is outside `acceptedVersions`.
    public static func decode(
        _ bytes: [UInt8], acceptedVersions: ClosedRange<UInt16>? = PackageZero.acceptedVersions
    ) throws(NotificationError) -> PackageZero {
        var reader = ByteReader(bytes)
        let digest = try reader.readBytes(digestLength, "digest")
        let flags = try reader.readBytes(5, "version, UI mode and initiator bits")
        var packed: UInt64 = 0
        for byte in flags { packed = packed << 8 | UInt64(byte) }
        let version = UInt16(packed >> 30 & 0x3FF)
        if let acceptedVersions, !acceptedVersions.contains(version) {
            throw NotificationError(
                .unsupported,
                "notification version \(version) is outside the accepted range "
                    + "\(acceptedVersions.lowerBound)-\(acceptedVersions.upperBound)",
                offset: digestLength)
        }
        let uiMode = UIMode(bits: UInt8(packed >> 28 & 0x3))
        let initiator: Initiator = packed >> 27 & 0x1 == 1 ? .server : .client
        let futureUse = UInt32(packed & UInt64(maxFutureUse))
        let sessionID = try reader.readUInt16("session ID")
        let serverIDLength = Int(try reader.readByte("server ID length"))
        let serverIDOffset = reader.offset
        let serverIDBytes = try reader.readBytes(serverIDLength, "server ID")
        guard let serverID = String(validating: serverIDBytes, as: UTF8.self) else {
            throw NotificationError(.malformed, "the server ID is not valid UTF-8", offset: serverIDOffset)
        }
        return PackageZero(
            version: version, uiMode: uiMode, initiator: initiator, futureUse: futureUse, sessionID: sessionID,
            serverID: serverID, vendorSpecific: reader.readRest(), digest: digest)
    }
}
