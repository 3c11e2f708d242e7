/// WAP Push of a DM notification over SMS: package #0 in a WSP push PDU, split into SMS user data.
///
/// ```swift
/// let userData = try WAPPushSMS.userData(package: packageBytes)    // [[UInt8]], one per SMS
/// let pdu = try WAPPushSMS.decode(userData: userData)             // WSPPushPDU with the package as body
/// ```
public enum WAPPushSMS {
    /// The user data of every SMS that carries `package` as a WAP Push to port 2948.
    /// - Parameters:
    ///   - package: the encoded package #0.
    ///   - transactionID: the WSP transaction ID (default 1).
    ///   - pduType: Push (default) or ConfirmedPush.
    ///   - ports: the application ports (default 2948 and 9200).
    ///   - reference: the concatenation reference, used when more than one SMS is needed.
    /// - Returns: the encoded user data of each SMS (UDH included), in sequence order.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when the package needs more than 255 SMS.
    public static func userData(
        package: [UInt8], transactionID: UInt8 = 1, pduType: WSPPushPDU.PDUType = .push, ports: SMSPorts = .wapPush,
        reference: SMSConcatenationReference = .eightBit(0)
    ) throws(NotificationError) -> [[UInt8]] {
        let pdu = try WSPPushPDU.dmNotification(package: package, transactionID: transactionID, pduType: pduType)
            .encoded()
        var result: [[UInt8]] = []
        for segment in try SMSUserData.segments(payload: pdu, ports: ports, reference: reference) {
            result.append(try segment.encoded())
        }
        return result
    }

    /// Reassembles the user data of the SMS of one WAP Push and decodes the WSP push PDU.
    /// - Parameter userData: the user data of every SMS, in any order.
    /// - Returns: the push PDU (its body is the pushed content).
    /// - Throws: ``NotificationError`` from reassembly or from WSP decoding.
    public static func decode(userData: [[UInt8]]) throws(NotificationError) -> WSPPushPDU {
        try WSPPushPDU.decode(SMSUserData.reassemble(userData: userData).payload)
    }
}
