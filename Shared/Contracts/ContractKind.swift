/// What part a message plays on the bus.
public enum ContractKind: String, Sendable, Codable, CaseIterable {
    /// A CloudEvent published to dm-bus.
    case event
    /// A command envelope sent to a service's command endpoint.
    case command
    /// The `result` reply to a command.
    case result
}
