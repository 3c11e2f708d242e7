/// A message a ``CommandRouter`` received: who sent it and what.
public struct RoutedMessage: Hashable, Sendable {
    /// The sending dealer's routing id: the one it set (``BusNode/dealer(connectingTo:routingID:security:options:)``)
    /// or the five bytes libzmq made up. Pass it to ``CommandRouter/send(to:frames:)`` to answer.
    public var peer: [UInt8]
    /// The message frames after the routing id.
    public var frames: [[UInt8]]
    /// The Z85 public key the sender authenticated with, on a CurveZMQ router; nil otherwise.
    public var clientKey: String?

    /// - Parameters:
    ///   - peer: the routing id.
    ///   - frames: the frames after the routing id.
    ///   - clientKey: the sender's Curve public key, if any.
    public init(peer: [UInt8], frames: [[UInt8]], clientKey: String? = nil) {
        self.peer = peer
        self.frames = frames
        self.clientKey = clientKey
    }
}
