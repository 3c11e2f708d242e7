/// The `ack` reply: `{"id": ...}`. The command with this id is in the receiver's inbox and will be handled even
/// if the receiver is killed now; the sender stops resending it.
public struct CommandAck: Codable, Sendable, Equatable {
    /// The acknowledged command's id.
    public var id: String

    /// Creates an ack.
    /// - Parameter id: the command's id.
    public init(id: String) {
        self.id = id
    }
}
