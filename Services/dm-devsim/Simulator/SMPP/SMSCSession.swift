public import Foundation

/// One ESME connection to the simulated SMSC, as a state machine: takes a PDU, returns the PDUs to write and the
/// short messages to deliver to the simulated phones. No I/O.
public struct SMSCSession: Sendable {
    public enum BindState: Sendable, Hashable { case open, transmitter, receiver, transceiver }

    public private(set) var state: BindState = .open
    public private(set) var systemID: String?
    /// Accepted credentials; nil accepts any.
    public var credentials: (systemID: String, password: String)?
    private var nextMessageID: UInt64
    private var nextSequence: UInt32 = 1

    public init(firstMessageID: UInt64 = 1, credentials: (systemID: String, password: String)? = nil) {
        self.nextMessageID = firstMessageID
        self.credentials = credentials
    }

    /// What a PDU produced.
    public struct Output: Sendable {
        /// PDUs to send back (responses).
        public var replies: [SMPPPDU] = []
        /// Messages submitted for delivery, with the message id the SMSC gave them.
        public var submitted: [(id: String, message: SMPPShortMessage)] = []
        /// The ESME unbound: close after writing the replies.
        public var close = false
    }

    public mutating func handle(_ pdu: SMPPPDU) -> Output {
        var output = Output()
        let C = SMPPPDU.Command.self
        let S = SMPPPDU.Status.self
        switch pdu.commandID {
        case C.bindTransceiver, C.bindTransmitter, C.bindReceiver:
            let response = pdu.commandID | C.responseBit
            guard state == .open else {
                output.replies.append(SMPPPDU(commandID: response, status: S.alreadyBound, sequence: pdu.sequence))
                break
            }
            var reader = SMPPBodyReader(pdu.body)
            guard let system = try? reader.cString(max: 16), let password = try? reader.cString(max: 9) else {
                output.replies.append(SMPPPDU(commandID: response, status: S.bindFailed, sequence: pdu.sequence))
                break
            }
            if let credentials, credentials.systemID != system || credentials.password != password {
                output.replies.append(SMPPPDU(commandID: response, status: S.invalidPassword, sequence: pdu.sequence))
                break
            }
            systemID = system
            state =
                pdu.commandID == C.bindTransceiver ? .transceiver : pdu.commandID == C.bindTransmitter ? .transmitter : .receiver
            var writer = SMPPBodyWriter()
            writer.cString("dm-devsim")
            writer.tlv(0x0210, [0x34])  // sc_interface_version 3.4
            output.replies.append(SMPPPDU(commandID: response, sequence: pdu.sequence, body: writer.bytes))
        case C.submitSM:
            guard state == .transceiver || state == .transmitter else {
                output.replies.append(
                    SMPPPDU(commandID: C.submitSM | C.responseBit, status: S.incorrectBindStatus, sequence: pdu.sequence))
                break
            }
            guard let message = try? SMPPShortMessage.decode(pdu.body) else {
                output.replies.append(
                    SMPPPDU(commandID: C.submitSM | C.responseBit, status: S.systemError, sequence: pdu.sequence))
                break
            }
            let id = String(nextMessageID, radix: 16)
            nextMessageID += 1
            var writer = SMPPBodyWriter()
            writer.cString(id)
            output.replies.append(SMPPPDU(commandID: C.submitSM | C.responseBit, sequence: pdu.sequence, body: writer.bytes))
            output.submitted.append((id, message))
        case C.enquireLink:
            output.replies.append(SMPPPDU(commandID: C.enquireLink | C.responseBit, sequence: pdu.sequence))
        case C.unbind:
            output.replies.append(SMPPPDU(commandID: C.unbind | C.responseBit, sequence: pdu.sequence))
            state = .open
            output.close = true
        case let id where id & C.responseBit != 0:
            break  // deliver_sm_resp, enquire_link_resp, generic_nack: nothing to do
        default:
            output.replies.append(SMPPPDU(commandID: C.genericNack, status: S.invalidCommandID, sequence: pdu.sequence))
        }
        return output
    }

    /// A delivery receipt (deliver_sm, esm_class 0x04) for a submitted message, when the ESME is bound to
    /// receive and asked for one.
    public mutating func receipt(for id: String, of message: SMPPShortMessage, delivered: Bool, at date: Date = Date())
        -> SMPPPDU?
    {
        guard message.registeredDelivery & 0x03 != 0, state == .transceiver || state == .receiver else { return nil }
        if message.registeredDelivery & 0x03 == 0x02 && delivered { return nil }  // receipt on failure only
        let formatter = DateFormatter()
        formatter.dateFormat = "yyMMddHHmm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let stamp = formatter.string(from: date)
        let stat = delivered ? "DELIVRD" : "UNDELIV"
        let text =
            "id:\(id) sub:001 dlvrd:\(delivered ? "001" : "000") submit date:\(stamp) done date:\(stamp) stat:\(stat) err:\(delivered ? "000" : "001") text:"
        let receipt = SMPPShortMessage(
            sourceAddress: message.destinationAddress, destinationAddress: message.sourceAddress, esmClass: 0x04,
            message: Array(text.utf8),
            tlvs: [
                SMPPShortMessage.receiptedMessageIDTag: Array(id.utf8) + [0],
                SMPPShortMessage.messageStateTag: [delivered ? 2 : 5],
            ])
        defer { nextSequence &+= 1 }
        return SMPPPDU(commandID: SMPPPDU.Command.deliverSM, sequence: nextSequence, body: receipt.encoded())
    }
}
