/// A PAP 2.0 push message: the control document a push initiator posts to a push proxy gateway (such as
/// Kannel's PPG) to have content pushed to a device.
///
/// ```swift
/// let message = PAPPushMessage(
///     pushID: "dm-1234@dm.example",
///     address: try PAPPushMessage.wapPushAddress(msisdn: "+15551234567", ppg: "ppg.example"),
///     qualityOfService: .smsOverGSM)
/// let xml = try message.document()
/// let submission = try message.submission(content: packageBytes)   // the multipart/related body
/// ```
public struct PAPPushMessage: Sendable, Hashable {
    /// The public identifier of the PAP 2.0 DTD.
    public static let publicID = "-//WAPFORUM//DTD PAP 2.0//EN"
    /// The system identifier of the PAP 2.0 DTD.
    public static let systemID = "http://www.wapforum.org/DTD/pap_2.0.dtd"

    /// The `push-id`: unique for every push from this initiator (a PPG refuses a duplicate with code 2007).
    public var pushID: String
    /// The device address (`address-value`), e.g. `WAPPUSH=+15551234567/TYPE=PLMN@ppg.example`.
    public var address: String
    /// `deliver-before-timestamp` (`YYYY-MM-DDThh:mm:ssZ`), or nil.
    public var deliverBeforeTimestamp: String?
    /// `deliver-after-timestamp` (`YYYY-MM-DDThh:mm:ssZ`), or nil.
    public var deliverAfterTimestamp: String?
    /// `source-reference`: the initiator's name, or nil.
    public var sourceReference: String?
    /// `ppg-notify-requested-to`: the URL the PPG posts its result notification to, or nil.
    public var ppgNotifyRequestedTo: String?
    /// `progress-notes-requested`, or nil to leave it out.
    public var progressNotesRequested: Bool?
    /// The `quality-of-service` element, or nil to leave it out.
    public var qualityOfService: PAPQualityOfService?

    /// Creates a push message.
    /// - Parameters:
    ///   - pushID: the unique push ID.
    ///   - address: the `address-value` (see ``wapPushAddress(msisdn:ppg:)``).
    ///   - deliverBeforeTimestamp: the delivery deadline, or nil.
    ///   - deliverAfterTimestamp: the earliest delivery time, or nil.
    ///   - sourceReference: the initiator's name, or nil.
    ///   - ppgNotifyRequestedTo: the result notification URL, or nil.
    ///   - progressNotesRequested: whether progress notes are wanted, or nil.
    ///   - qualityOfService: the delivery requirements, or nil.
    public init(
        pushID: String, address: String, deliverBeforeTimestamp: String? = nil, deliverAfterTimestamp: String? = nil,
        sourceReference: String? = nil, ppgNotifyRequestedTo: String? = nil, progressNotesRequested: Bool? = nil,
        qualityOfService: PAPQualityOfService? = nil
    ) {
        self.pushID = pushID
        self.address = address
        self.deliverBeforeTimestamp = deliverBeforeTimestamp
        self.deliverAfterTimestamp = deliverAfterTimestamp
        self.sourceReference = sourceReference
        self.ppgNotifyRequestedTo = ppgNotifyRequestedTo
        self.progressNotesRequested = progressNotesRequested
        self.qualityOfService = qualityOfService
    }

    /// The PAP address of a phone number: `WAPPUSH=<msisdn>/TYPE=PLMN@<ppg>`.
    /// - Parameters:
    ///   - msisdn: the number, digits with an optional leading `+` (spaces, dashes and dots are removed).
    ///   - ppg: the PPG specifier after the `@` (a host name).
    /// - Throws: ``NotificationError`` of kind `invalidArgument` for a number that is not 1-20 digits or an
    ///   empty or unsafe PPG name.
    public static func wapPushAddress(msisdn: String, ppg: String) throws(NotificationError) -> String {
        var number = msisdn.filter { $0 != " " && $0 != "-" && $0 != "." }
        let plus = number.hasPrefix("+")
        if plus { number.removeFirst() }
        guard (1...20).contains(number.count), number.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw NotificationError(.invalidArgument, "MSISDN \"\(msisdn)\" is not 1 to 20 digits with an optional +")
        }
        guard !ppg.isEmpty,
            ppg.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-")
            })
        else {
            throw NotificationError(.invalidArgument, "PPG name \"\(ppg)\" must be a host name")
        }
        return "WAPPUSH=\(plus ? "+" : "")\(number)/TYPE=PLMN@\(ppg)"
    }

    /// The PAP 2.0 XML document (UTF-8) with its DOCTYPE.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` for an empty push ID or address or a timestamp
    ///   not of the form `YYYY-MM-DDThh:mm:ssZ`.
    public func document() throws(NotificationError) -> [UInt8] {
        guard !pushID.isEmpty else { throw NotificationError(.invalidArgument, "the push ID is empty") }
        guard !address.isEmpty else { throw NotificationError(.invalidArgument, "the address is empty") }
        for (name, value) in [
            ("deliver-before-timestamp", deliverBeforeTimestamp), ("deliver-after-timestamp", deliverAfterTimestamp),
        ] {
            if let value, !PAPPushMessage.isTimestamp(value) {
                throw NotificationError(
                    .invalidArgument, "\(name) \"\(value)\" is not of the form YYYY-MM-DDThh:mm:ssZ")
            }
        }
        var attributes: [(String, String)] = [("push-id", pushID)]
        if let deliverBeforeTimestamp { attributes.append(("deliver-before-timestamp", deliverBeforeTimestamp)) }
        if let deliverAfterTimestamp { attributes.append(("deliver-after-timestamp", deliverAfterTimestamp)) }
        if let sourceReference { attributes.append(("source-reference", sourceReference)) }
        if let ppgNotifyRequestedTo { attributes.append(("ppg-notify-requested-to", ppgNotifyRequestedTo)) }
        if let progressNotesRequested {
            attributes.append(("progress-notes-requested", progressNotesRequested ? "true" : "false"))
        }

        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<!DOCTYPE pap PUBLIC "\#(PAPPushMessage.publicID)" "\#(PAPPushMessage.systemID)">"# + "\n"
        xml += "<pap>"
        xml += PAPPushMessage.tag("push-message", attributes, empty: false)
        xml += PAPPushMessage.tag("address", [("address-value", address)], empty: true)
        if let qualityOfService {
            xml += PAPPushMessage.tag("quality-of-service", qualityOfService.attributes, empty: true)
        }
        xml += "</push-message></pap>\n"
        return Array(xml.utf8)
    }

    /// A start tag (or empty element) with escaped attribute values.
    private static func tag(_ name: String, _ attributes: [(String, String)], empty: Bool) -> String {
        var text = "<" + name
        for (attribute, value) in attributes {
            text += " \(attribute)=\"\(escape(value))\""
        }
        return text + (empty ? "/>" : ">")
    }

    /// Escapes an attribute value, keeping tabs and line breaks through attribute-value normalisation.
    static func escape(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True for `YYYY-MM-DDThh:mm:ssZ` with digits in the right places.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        let pattern = Array("dddd-dd-ddTdd:dd:ddZ".utf8)
        for (byte, expected) in zip(bytes, pattern) {
            if expected == UInt8(ascii: "d") {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            } else if byte != expected {
                return false
            }
        }
        return true
    }
}
