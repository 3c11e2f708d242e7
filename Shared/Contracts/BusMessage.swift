/// What every message body on the bus is: a versioned, equatable value with a sample instance.
///
/// A message's ``schemaVersion`` starts at 1 and goes up only for an incompatible change (a member removed,
/// renamed, retyped, or made required). Adding an optional member keeps the version. The sample is the value
/// ``ContractsCatalog`` prints and checks against `docs/asyncapi.yaml`, so it should fill every optional member.
public protocol BusMessage: Codable, Sendable, Equatable {
    /// The version of this message's schema; 1 for a new message.
    static var schemaVersion: Int { get }
    /// A realistic instance, with every optional member set.
    static var sample: Self { get }
}

/// The `data` of an event: published to dm-bus under ``eventType`` inside a ``CloudEvent``.
///
/// ```swift
/// struct OperationSucceeded: BusEvent {
///     static let eventType = "dm.fumo.operation.succeeded"
///     static let schemaVersion = 1
///     static var sample: Self { OperationSucceeded(operationID: "op-1") }
///     var operationID: String
/// }
/// ```
public protocol BusEvent: BusMessage {
    /// The CloudEvents `type` and ZeroMQ topic frame, `dm.<service>.<noun>.<verb-past>`.
    static var eventType: String { get }
}

/// The `data` of a command: sent point to point inside a ``CommandEnvelope`` under ``commandName``, answered
/// with a ``CommandResult`` carrying a ``Result``.
public protocol BusCommand: BusMessage {
    /// The result's `data` when the command succeeds.
    associatedtype Result: BusMessage
    /// The command's name, the first frame and the envelope's `name`, e.g. `system.ping`.
    static var commandName: String { get }
}

extension BusEvent {
    /// The CloudEvents `dataschema` this version of the event carries, e.g.
    /// `urn:dm-contracts:dm.bus.publisher.started:1` (see ``DataSchema``).
    public static var dataSchema: String { DataSchema.uri(name: eventType, version: schemaVersion) }
}

extension BusCommand {
    /// The name the command's result goes by in ``ContractsCatalog`` and `docs/asyncapi.yaml`:
    /// ``commandName`` followed by `.result`.
    public static var resultName: String { commandName + ".result" }
}
