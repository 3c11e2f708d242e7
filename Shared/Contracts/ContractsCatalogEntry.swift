public import Foundation

/// One message type of the bus contract, with a sample of its full wire envelope.
///
/// Build entries with ``event(_:subject:)``, ``command(_:)`` and ``result(of:)``; ``ContractsCatalog`` lists them.
public struct ContractsCatalogEntry: Sendable {
    /// The message's name: the event type, the command name, or the command name followed by `.result`. The same
    /// name identifies the message in `docs/asyncapi.yaml`.
    public let name: String
    /// Event, command or result.
    public let kind: ContractKind
    /// The version of the message's schema.
    public let schemaVersion: Int
    /// The first frame the message travels under: the event type, the command name, or `result`.
    public let frame: String
    /// The Swift type of the envelope, e.g. `CloudEvent<BusPublisherStarted>`.
    public let swiftType: String
    /// The full envelope of the sample: a ``CloudEvent``, ``CommandEnvelope`` or ``CommandResult``.
    public let sample: any Encodable & Sendable
    private let matchesSample: @Sendable (Data) throws -> Bool

    private init<Envelope: Codable & Sendable & Equatable>(
        name: String, kind: ContractKind, schemaVersion: Int, frame: String, sample: Envelope
    ) {
        self.name = name
        self.kind = kind
        self.schemaVersion = schemaVersion
        self.frame = frame
        self.swiftType = String(describing: Envelope.self)
        self.sample = sample
        self.matchesSample = { data in try ContractsJSON.decode(Envelope.self, from: data) == sample }
    }

    /// The sample as it goes on the wire: compact, key-sorted JSON (``ContractsJSON``).
    /// - Returns: the JSON bytes.
    /// - Throws: `EncodingError`.
    public func sampleJSON() throws -> Data {
        try ContractsJSON.encode(sample)
    }

    /// Decodes `data` as this entry's envelope type and compares it with the sample.
    /// - Parameter data: JSON bytes.
    /// - Returns: whether `data` decodes to a value equal to ``sample``.
    /// - Throws: `DecodingError` when `data` is not a valid message of this type.
    public func decodesToSample(_ data: Data) throws -> Bool {
        try matchesSample(data)
    }

    /// The entry of an event: its sample is ``BusMessage/sample`` in a ``CloudEvent`` from
    /// ``ContractsCatalog/sampleSource``.
    /// - Parameters:
    ///   - type: the event's type.
    ///   - subject: the sample's `subject`, for events about a device or operation.
    /// - Returns: the entry.
    public static func event<Event: BusEvent>(_ type: Event.Type, subject: String? = nil) -> ContractsCatalogEntry {
        ContractsCatalogEntry(
            name: Event.eventType, kind: .event, schemaVersion: Event.schemaVersion, frame: Event.eventType,
            sample: CloudEvent(
                Event.sample, source: ContractsCatalog.sampleSource, sequence: 1, subject: subject,
                id: ContractsCatalog.sampleEventID, time: ContractsCatalog.sampleTime))
    }

    /// The entry of a command: its sample is ``BusMessage/sample`` in a ``CommandEnvelope`` from
    /// ``ContractsCatalog/sampleSender``.
    /// - Parameter type: the command's type.
    /// - Returns: the entry.
    public static func command<Command: BusCommand>(_ type: Command.Type) -> ContractsCatalogEntry {
        ContractsCatalogEntry(
            name: Command.commandName, kind: .command, schemaVersion: Command.schemaVersion,
            frame: Command.commandName,
            sample: CommandEnvelope(
                Command.sample, source: ContractsCatalog.sampleSender, id: ContractsCatalog.sampleCommandID,
                time: ContractsCatalog.sampleTime))
    }

    /// The entry of a command's result: its sample is the result type's ``BusMessage/sample`` in a successful
    /// ``CommandResult`` answering the command sample.
    /// - Parameter type: the command's type.
    /// - Returns: the entry.
    public static func result<Command: BusCommand>(of type: Command.Type) -> ContractsCatalogEntry {
        ContractsCatalogEntry(
            name: Command.resultName, kind: .result, schemaVersion: Command.Result.schemaVersion,
            frame: CommandReplyKind.result.rawValue,
            sample: CommandResult(id: ContractsCatalog.sampleCommandID, data: Command.Result.sample))
    }
}
