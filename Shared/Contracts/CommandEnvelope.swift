public import Foundation

/// A command as it crosses a command endpoint: the second frame of `[name][JSON]`, sent by a DEALER to the
/// receiving service's ROUTER.
///
/// JSON: `{"id": UUID, "name": "system.ping", "source": "dmctl", "time": RFC 3339, "data": {...}}`. The receiver
/// handles an `id` once however often it arrives. When `Payload` is a ``BusCommand``, reading checks that `name`
/// is its ``BusCommand/commandName``.
///
/// ```swift
/// let envelope = CommandEnvelope(SystemPing(), source: "dmctl")
/// let frames = [Data(envelope.name.utf8), try ContractsJSON.encode(envelope)]
/// ```
public struct CommandEnvelope<Payload: Codable & Sendable>: Sendable {
    /// The command id, unique per sender; replies carry it back. A UUID (see ``MessageID``).
    public var id: String
    /// The command name; also the first frame.
    public var name: String
    /// The sender, e.g. `dmctl` or a service instance.
    public var source: String
    /// When the sender created the command (resends keep it). Written with millisecond precision.
    public var time: Date
    /// The command's parameters; `{}` when it has none.
    public var data: Payload

    /// Creates an envelope with every member given.
    /// - Parameters:
    ///   - id: the command id; a new UUID when omitted.
    ///   - name: the command name.
    ///   - source: the sender.
    ///   - time: when it was created; now when omitted.
    ///   - data: the parameters.
    public init(id: String = MessageID.random(), name: String, source: String, time: Date = Date(), data: Payload) {
        self.id = id
        self.name = name
        self.source = source
        self.time = time
        self.data = data
    }
}

extension CommandEnvelope where Payload: BusCommand {
    /// Creates the envelope for a ``BusCommand``; `name` comes from the payload's type.
    /// - Parameters:
    ///   - data: the command.
    ///   - source: the sender.
    ///   - id: the command id; a new UUID when omitted.
    ///   - time: when it was created; now when omitted.
    public init(_ data: Payload, source: String, id: String = MessageID.random(), time: Date = Date()) {
        self.init(id: id, name: Payload.commandName, source: source, time: time, data: data)
    }
}

extension CommandEnvelope: Equatable where Payload: Equatable {}

extension CommandEnvelope: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, source, time, data
    }

    /// Reads the envelope.
    /// - Parameter decoder: the decoder.
    /// - Throws: `DecodingError` naming the member that is missing or wrong.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.nonEmptyString(.id)
        name = try container.nonEmptyString(.name)
        if let expected = Payload.self as? any BusCommand.Type, name != expected.commandName {
            throw DecodingError.dataCorruptedError(
                forKey: .name, in: container,
                debugDescription: "command name \"\(name)\" is not \"\(expected.commandName)\"")
        }
        source = try container.nonEmptyString(.source)
        let timeText = try container.decode(String.self, forKey: .time)
        guard let time = RFC3339.date(from: timeText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .time, in: container, debugDescription: "time \"\(timeText)\" is not an RFC 3339 date-time")
        }
        self.time = time
        data = try container.decode(Payload.self, forKey: .data)
    }

    /// Writes the envelope; `time` in UTC with milliseconds.
    /// - Parameter encoder: the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(source, forKey: .source)
        try container.encode(RFC3339.string(from: time), forKey: .time)
        try container.encode(data, forKey: .data)
    }
}
