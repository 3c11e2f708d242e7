/// A PAP `resultnotification-message`: the final outcome of a push (delivered, expired, aborted...).
public struct PAPResultNotification: Sendable, Hashable {
    /// The `push-id` of the push message.
    public var pushID: String
    /// `sender-address`, when given.
    public var senderAddress: String?
    /// `sender-name`, when given.
    public var senderName: String?
    /// `received-time`, when given.
    public var receivedTime: String?
    /// `event-time`, when given.
    public var eventTime: String?
    /// `message-state`: `delivered`, `undeliverable`, `expired`, `aborted`, `timeout`, `cancelled`, `unknown`.
    public var messageState: String
    /// The code and description.
    public var result: PAPResult
    /// The `address-value` of the `address` element, when given.
    public var address: String?

    /// Creates a result notification.
    public init(
        pushID: String, senderAddress: String? = nil, senderName: String? = nil, receivedTime: String? = nil,
        eventTime: String? = nil, messageState: String, result: PAPResult, address: String? = nil
    ) {
        self.pushID = pushID
        self.senderAddress = senderAddress
        self.senderName = senderName
        self.receivedTime = receivedTime
        self.eventTime = eventTime
        self.messageState = messageState
        self.result = result
        self.address = address
    }
}
