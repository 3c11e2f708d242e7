import SyncML
import ArgumentParser
import Notification

/// `dmctl notify sms`: shows how a package #0 travels as a WAP Push: the SMS user data of each segment, or
/// the PAP document for a push proxy gateway.
struct NotifySMSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms",
        abstract: "Show the WAP Push SMS user data (--pdu-hex) or the PAP document (--pap) for a package #0.",
        discussion: """
            --pdu-hex prints the 8-bit user data of each SMS in hex, one per line: the user data header (ports \
            2948/9200, plus a concatenation element when more than one SMS is needed), then the payload (the WSP \
            push PDU with the package #0; the WSP header is in the first segment only). Send each with TP-UDHI set.
            --pap prints the PAP 2.0 push-message document addressed to --msisdn; add --multipart for the whole \
            multipart/related entity (Content-Type line, blank line, body) to post to the PPG.
            """)

    /// The output forms.
    enum Format: String, EnumerableFlag {
        case pduHex
        case pap

        static func help(for value: Format) -> ArgumentHelp? {
            switch value {
            case .pduHex: "Print the SMS user data of each segment in hex, one per line."
            case .pap: "Print the PAP push-message document."
            }
        }
    }

    @Argument(help: "The package #0 file (standard input when omitted or -).")
    var file: String?

    @Flag var format: Format

    @Option(name: .customLong("transaction-id"), help: "The WSP transaction ID, 0 to 255.")
    var transactionID: UInt8 = 1

    @Flag(help: "Use a WSP ConfirmedPush (0x07) instead of Push (0x06).")
    var confirmed = false

    @Option(help: "The concatenation reference used when more than one SMS is needed.")
    var reference: UInt16 = 0

    @Flag(name: .customLong("wide-reference"), help: "Use a 16-bit concatenation reference (IEI 0x08).")
    var wideReference = false

    @Option(help: "The device's phone number, for the PAP address (required with --pap).")
    var msisdn: String?

    @Option(help: "The PPG specifier after the @ of the PAP address.")
    var ppg = "ppg"

    @Option(name: .customLong("push-id"), help: "The PAP push-id (default: derived from the package).")
    var pushID: String?

    @Option(name: .customLong("deliver-before"), help: "The PAP deliver-before-timestamp, YYYY-MM-DDThh:mm:ssZ.")
    var deliverBefore: String?

    @Flag(help: "With --pap, print the whole multipart/related entity.")
    var multipart = false

    func validate() throws {
        if format == .pap, msisdn == nil { throw ValidationError("--pap needs --msisdn") }
        if !wideReference, reference > 255 {
            throw ValidationError("--reference \(reference) needs --wide-reference (8-bit references go to 255)")
        }
        if format == .pduHex, msisdn != nil || pushID != nil || deliverBefore != nil || multipart {
            throw ValidationError("--msisdn, --push-id, --deliver-before and --multipart go with --pap")
        }
        if let msisdn {
            do throws(NotificationError) {
                let address = try PAPPushMessage.wapPushAddress(msisdn: msisdn, ppg: ppg)
                _ = try PAPPushMessage(
                    pushID: pushID ?? "check", address: address, deliverBeforeTimestamp: deliverBefore
                )
                .document()
            } catch {
                throw ValidationError(error.message)
            }
        }
    }

    func run() throws {
        try failingOnInvalidInput {
            let bytes = try CommandIO.readInput(file)
            let package = try PackageZero.decode(bytes, acceptedVersions: nil)
            switch format {
            case .pduHex:
                let userData = try WAPPushSMS.userData(
                    package: bytes, transactionID: transactionID, pduType: confirmed ? .confirmedPush : .push,
                    reference: wideReference ? .sixteenBit(reference) : .eightBit(UInt8(truncatingIfNeeded: reference)))
                try CommandIO.writeLine(userData.map(Hex.encode).joined(separator: "\n"))
            case .pap:
                let message = PAPPushMessage(
                    pushID: pushID
                        ?? "\(package.serverID)-\(package.sessionIDHex)-\(Hex.encode(package.digest.prefix(4)))",
                    address: try PAPPushMessage.wapPushAddress(msisdn: msisdn ?? "", ppg: ppg),
                    deliverBeforeTimestamp: deliverBefore, qualityOfService: .smsOverGSM)
                if multipart {
                    let submission = try message.submission(content: bytes)
                    try CommandIO.writeOutput(
                        Array("Content-Type: \(submission.contentType)\r\n\r\n".utf8) + submission.body, to: nil)
                } else {
                    try CommandIO.writeOutput(try message.document(), to: nil)
                }
            }
        }
    }
}
