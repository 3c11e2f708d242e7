import Notification

/// Reassembles WAP Push SMS addressed to simulated MSISDNs (concatenated segments keyed by number and reference)
/// and hands out the Package #0 inside each complete WSP push.
public struct SMSIntake: Sendable {
    private var partial: [String: [[UInt8]]] = [:]

    public init() {}

    /// What one SMS completed.
    public enum Outcome: Sendable, Hashable {
        /// More segments are needed.
        case incomplete
        /// A DM notification: the Package #0 bytes.
        case packageZero([UInt8])
        /// A push that is not a DM notification, or bytes that do not decode.
        case ignored(String)
    }

    /// Takes the user data (UDH + payload) of one SMS to `msisdn`.
    public mutating func receive(userData: [UInt8], to msisdn: String) -> Outcome {
        let segment: SMSUserData
        do {
            segment = try SMSUserData.decode(userData)
        } catch {
            return .ignored("bad user data: \(error)")
        }
        var segments = [userData]
        if let concatenation = segment.header.concatenation {
            let key = "\(msisdn)/\(concatenation.reference.value)/\(concatenation.total)"
            partial[key, default: []].append(userData)
            let have = partial[key] ?? []
            guard have.count >= Int(concatenation.total) else { return .incomplete }
            partial[key] = nil
            segments = have
        }
        do {
            let pdu = try WAPPushSMS.decode(userData: segments)
            guard pdu.isDMNotification else { return .ignored("not a DM notification push") }
            return .packageZero(pdu.body)
        } catch {
            return .ignored("bad WAP push: \(error)")
        }
    }
}
