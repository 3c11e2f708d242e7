/// A document a PPG sends back to the push initiator, parsed from its PAP XML.
///
/// ```swift
/// switch try PAPResponse.parse(responseBody) {
/// case .push(let response) where response.result.isSuccess: ...   // 1001 accepted for processing
/// case .push(let response): print(response.result.code, response.result.description ?? "")
/// case .badMessage(let response): print("PPG could not parse the request: \(response.result.code)")
/// case .resultNotification(let note): print(note.messageState)
/// }
/// ```
public enum PAPResponse: Sendable, Hashable {
    /// `push-response`: the answer to a push message.
    case push(PAPPushResponse)
    /// `badmessage-response`: the PPG could not parse the request.
    case badMessage(PAPBadMessageResponse)
    /// `resultnotification-message`: the final outcome of a push, posted to `ppg-notify-requested-to`.
    case resultNotification(PAPResultNotification)

    /// The largest response document accepted: 1 MiB (PPG responses are a few hundred bytes).
    public static let maxDocumentLength = 1 << 20

    /// The result carried by any of the three.
    public var result: PAPResult {
        switch self {
        case .push(let response): response.result
        case .badMessage(let response): response.result
        case .resultNotification(let notification): notification.result
        }
    }

    /// Parses a PAP response document (PAP 1.0 or 2.0).
    ///
    /// The document goes through the secure libxml2 reader of XMLStream (no DTD loading, no entities). A
    /// DOCTYPE internal subset that holds only processing instructions and comments, such as
    /// `[<?wap-pap-ver supported-versions="2.0"?>]`, declares nothing and is removed first; one with
    /// declarations is refused.
    /// - Parameter bytes: the response body.
    /// - Throws: ``NotificationError``: `malformed` for XML that is not well formed or misses a required
    ///   attribute or is larger than ``maxDocumentLength``, `forbiddenConstruct` for declarations or entities,
    ///   `unsupported` for a document that is not one of the three responses.
    public static func parse(_ bytes: [UInt8]) throws(NotificationError) -> PAPResponse {
        guard bytes.count <= maxDocumentLength else {
            throw NotificationError(
                .malformed, "PAP document of \(bytes.count) bytes exceeds the limit of \(maxDocumentLength)")
        }
        let document = try PAPMarkupScanner.scan(bytes)
        guard let root = document.elements.first else {
            throw NotificationError(.malformed, "the document has no root element")
        }
        guard root.localName == "pap" else {
            throw NotificationError(.unsupported, "the root element is <\(root.name)>, not <pap>")
        }
        guard let message = document.elements.dropFirst().first(where: { $0.depth == 1 }) else {
            throw NotificationError(.unsupported, "<pap> holds no response element")
        }
        let children = document.children(of: message)
        switch message.localName {
        case "push-response":
            guard let resultElement = children.first(where: { $0.localName == "response-result" }) else {
                throw NotificationError(.malformed, "<push-response> has no <response-result>")
            }
            return .push(
                PAPPushResponse(
                    pushID: try message.required("push-id"),
                    senderAddress: message["sender-address"], senderName: message["sender-name"],
                    replyTime: message["reply-time"], result: try result(of: resultElement),
                    address: children.first(where: { $0.localName == "address" })?["address-value"]))
        case "badmessage-response":
            return .badMessage(
                PAPBadMessageResponse(
                    result: try result(of: message), badMessageFragment: message["bad-message-fragment"]))
        case "resultnotification-message":
            return .resultNotification(
                PAPResultNotification(
                    pushID: try message.required("push-id"),
                    senderAddress: message["sender-address"], senderName: message["sender-name"],
                    receivedTime: message["received-time"], eventTime: message["event-time"],
                    messageState: try message.required("message-state"), result: try result(of: message),
                    address: children.first(where: { $0.localName == "address" })?["address-value"]))
        default:
            throw NotificationError(.unsupported, "<\(message.name)> is not a PAP response this module reads")
        }
    }

    private static func result(of element: PAPMarkupScanner.Element) throws(NotificationError) -> PAPResult {
        let text = try element.required("code")
        guard let code = Int(text.trimmingSpaces()) else {
            throw NotificationError(.malformed, "<\(element.name)> code \"\(text)\" is not a number")
        }
        return PAPResult(code: code, description: element["desc"])
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
