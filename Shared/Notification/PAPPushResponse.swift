/// A PAP `push-response`: the PPG's answer to a push message.
public struct PAPPushResponse: Sendable, Hashable {
    /// The `push-id` of the push message answered.
    public var pushID: String
    /// `sender-address`, when given.
    public var senderAddress: String?
    /// `sender-name` (the PPG's name), when given.
    public var senderName: String?
    /// `reply-time`, when given.
    public var replyTime: String?
    /// The `response-result` code and description.
    public var result: PAPResult
    /// The `address-value` of an `address` element, when the response names one.
    public var address: String?

    /// Creates a push response.
    public init(
        pushID: String, senderAddress: String? = nil, senderName: String? = nil, replyTime: String? = nil,
        result: PAPResult, address: String? = nil
    ) {
        self.pushID = pushID
        self.senderAddress = senderAddress
        self.senderName = senderName
        self.replyTime = replyTime
        self.result = result
        self.address = address
    }
}
