/// One event from the bus: the type frame (also the subscription prefix it matched) and the payload frame,
/// a CloudEvents 1.0 JSON document on the DM bus.
public struct EventFrames: Hashable, Sendable {
    /// The event type, e.g. `dm.session.command.completed`.
    public var type: String
    /// The second frame.
    public var payload: [UInt8]

    /// - Parameters:
    ///   - type: the event type.
    ///   - payload: the payload bytes.
    public init(type: String, payload: [UInt8]) {
        self.type = type
        self.payload = payload
    }
}
