/// The value of a WSP X-WAP-Application-ID header (WAP-230 §8.4.2.54): a WINA-assigned code or a URI.
///
/// DM notifications use code 7, `x-wap-application:syncml.dm`, encoded as the short integer `87`.
public enum WSPApplicationID: Sendable, Hashable {
    /// A WINA application code (7 = `syncml.dm`, 5 = `push.syncml` for DS). Codes below 128 are encoded as a
    /// short integer, larger ones as a long integer.
    case wellKnown(UInt32)
    /// An application URI such as `x-wap-application:syncml.dm`, encoded as text.
    case uri(String)

    /// The text URI of the DM application.
    public static let syncMLDMURI = "x-wap-application:syncml.dm"

    /// True for the DM application in either form.
    public var isSyncMLDM: Bool {
        switch self {
        case .wellKnown(let code): code == WSPPushPDU.syncMLDMApplicationID
        case .uri(let uri): uri.lowercased() == WSPApplicationID.syncMLDMURI
        }
    }

    /// The encoded header value (without the field name).
    /// - Throws: ``NotificationError`` of kind `invalidArgument` for an empty or NUL-containing URI.
    public func encodedValue() throws(NotificationError) -> [UInt8] {
        switch self {
        case .wellKnown(let code):
            if code < 0x80 { return [0x80 | UInt8(code)] }
            var octets: [UInt8] = []
            var rest = code
            while rest > 0 {
                octets.insert(UInt8(rest & 0xFF), at: 0)
                rest >>= 8
            }
            return [UInt8(octets.count)] + octets
        case .uri(let uri):
            return try WSPText.encode(uri, what: "application ID")
        }
    }

    /// Decodes an encoded header value.
    static func decode(value: [UInt8]) throws(NotificationError) -> WSPApplicationID {
        var reader = ByteReader(value)
        let first = try reader.peek("application ID")
        switch first {
        case 0x80...:
            return .wellKnown(UInt32(first & 0x7F))
        case 1...4:
            _ = try reader.readByte("application ID")
            var code: UInt32 = 0
            for byte in try reader.readBytes(Int(first), "application ID") { code = code << 8 | UInt32(byte) }
            return .wellKnown(code)
        case 0, 5...31:
            throw NotificationError(
                .malformed, "application ID integer of \(first) octets is not between 1 and 4 octets", offset: 0)
        default:
            return .uri(try WSPText.read(from: &reader, "application ID"))
        }
    }
}
