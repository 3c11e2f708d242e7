import Notification

/// The reference's worked example (OMA-DM-REFERENCE §6.2 and §6.3) and small helpers.
enum Example {
    static let serverID = "com.mgmtsrv.manage"
    static let password = "srvpwd"
    static let nonce: [UInt8] = [0, 0, 0, 0]

    /// The 26-byte trigger.
    static let trigger = hex("02 d0 00 00 00 12 34 12 63 6f 6d 2e 6d 67 6d 74 73 72 76 2e 6d 61 6e 61 67 65")
    /// The digest for the four-zero-byte nonce.
    static let digest = hex("e3 7f dc 0f 8e 90 70 fc 31 b0 96 79 10 b9 21 af")
    /// Digest plus trigger: 42 bytes.
    static let package = digest + trigger
    /// The complete SMS user data: 55 bytes.
    static let smsUserData = hex(
        """
        06 05 04 0b 84 c0 02 01 06 03 c4 af 87 e3 7f dc 0f 8e 90 70 fc 31 b0 96 79 10 b9 21 af 02 d0 00 00 00 12 34
        12 63 6f 6d 2e 6d 67 6d 74 73 72 76 2e 6d 61 6e 61 67 65
        """)

    /// The ports of the example: destination 2948, source 0xC002.
    static let ports = SMSPorts(destination: 2948, source: 0xC002)

    /// The package value of the example: background mode, client initiator, session 0x1234.
    static var value: PackageZero {
        PackageZero(uiMode: .background, initiator: .client, sessionID: 0x1234, serverID: serverID)
    }
}

/// Bytes from hex text with optional whitespace; an empty array for text that is not hex, which then fails the
/// test comparing it.
func hex(_ text: String) -> [UInt8] {
    let digits = text.unicodeScalars.filter { !$0.properties.isWhitespace }
    var bytes: [UInt8] = []
    var iterator = digits.makeIterator()
    while let high = iterator.next() {
        guard let low = iterator.next(), let byte = UInt8(String(high) + String(low), radix: 16) else { return [] }
        bytes.append(byte)
    }
    return bytes
}

/// Lower-case hex of bytes.
func hexString(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
        let text = String(byte, radix: 16)
        return text.count == 1 ? "0" + text : text
    }.joined()
}
