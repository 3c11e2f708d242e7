/// The first frame of a reply from a command endpoint: `[kind][JSON]`.
public enum CommandReplyKind: String, Sendable, Codable, CaseIterable {
    /// `ack`: the command is stored in the receiver's inbox and will be handled; the JSON is a ``CommandAck``.
    case ack
    /// `result`: the outcome; the JSON is a ``CommandResult``.
    case result
}
