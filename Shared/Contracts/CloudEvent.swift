public import Foundation

/// An event as it crosses dm-bus: a CloudEvents 1.0 event in structured JSON mode, with the stack's `sequence`
/// extension attribute.
///
/// On the wire it is the second frame of `[type][JSON]`. The JSON uses the CloudEvents attribute names:
/// `specversion` ("1.0"), `id`, `source`, `type`, `time` (RFC 3339, written in UTC with milliseconds),
/// `datacontenttype` (`application/json`), `subject` (optional), `sequence` (from 1 per `source`, no gaps),
/// `dataschema` (optional) and `data`. Other extension attributes are kept in ``extensions``.
///
/// Reading checks what a consumer relies on and fails with a `DecodingError` naming the attribute: `specversion`
/// must be "1.0", `sequence` at least 1, `time` RFC 3339, `datacontenttype` JSON; when `Payload` is a
/// ``BusEvent``, `type` must be its ``BusEvent/eventType`` and a `dataschema` of the stack's form must carry its
/// ``BusMessage/schemaVersion``.
///
/// ```swift
/// let event = CloudEvent(BusPublisherStarted.sample, source: "dm-session-1", sequence: 42)
/// let frames = [Data(event.type.utf8), try ContractsJSON.encode(event)]
/// ```
public struct CloudEvent<Payload: Codable & Sendable>: Sendable {
    /// The CloudEvents version the bus speaks.
    public static var specVersion: String { "1.0" }
    /// The content type of `data` on the bus.
    public static var jsonContentType: String { "application/json" }

    /// Always "1.0".
    public var specversion: String { Self.specVersion }
    /// Unique per `source`; a UUID (see ``MessageID``).
    public var id: String
    /// The publishing service instance, e.g. `dm-session-1`; `sequence` counts per source.
    public var source: String
    /// The event type, `dm.<service>.<noun>.<verb-past>`; also the first frame.
    public var type: String
    /// When the state change happened. Written with millisecond precision.
    public var time: Date
    /// The media type of `data`: `application/json`.
    public var datacontenttype: String
    /// The device or operation the event is about, when there is one.
    public var subject: String?
    /// The event's number at its `source`: from 1, no gaps, never reused.
    public var sequence: Int64
    /// The schema of `data` and its version, e.g. `urn:dm-contracts:dm.bus.publisher.started:1`.
    public var dataschema: String?
    /// Extension attributes other than `sequence`, kept as received and written back unchanged.
    public var extensions: [String: JSONValue]
    /// The event's body.
    public var data: Payload

    /// Creates an event with every attribute given.
    /// - Parameters:
    ///   - id: the event id; a new UUID when omitted.
    ///   - source: the publishing service instance.
    ///   - type: the event type.
    ///   - time: when it happened; now when omitted.
    ///   - datacontenttype: `application/json` unless given.
    ///   - subject: the device or operation, if any.
    ///   - sequence: the number at `source`, from 1.
    ///   - dataschema: the schema URI, if any.
    ///   - extensions: further extension attributes; names of the CloudEvents attributes are ignored on encode.
    ///   - data: the body.
    public init(
        id: String = MessageID.random(), source: String, type: String, time: Date = Date(),
        datacontenttype: String = "application/json", subject: String? = nil, sequence: Int64,
        dataschema: String? = nil, extensions: [String: JSONValue] = [:], data: Payload
    ) {
        self.id = id
        self.source = source
        self.type = type
        self.time = time
        self.datacontenttype = datacontenttype
        self.subject = subject
        self.sequence = sequence
        self.dataschema = dataschema
        self.extensions = extensions
        self.data = data
    }
}

extension CloudEvent where Payload: BusEvent {
    /// Creates the event for a ``BusEvent``: `type` and `dataschema` come from the payload's type.
    /// - Parameters:
    ///   - data: the body.
    ///   - source: the publishing service instance.
    ///   - sequence: the number at `source`, from 1.
    ///   - subject: the device or operation, if any.
    ///   - id: the event id; a new UUID when omitted.
    ///   - time: when it happened; now when omitted.
    public init(
        _ data: Payload, source: String, sequence: Int64, subject: String? = nil, id: String = MessageID.random(),
        time: Date = Date()
    ) {
        self.init(
            id: id, source: source, type: Payload.eventType, time: time, subject: subject, sequence: sequence,
            dataschema: Payload.dataSchema, data: data)
    }
}

extension CloudEvent: Equatable where Payload: Equatable {}

extension CloudEvent: Codable {
    /// Reads a structured-mode CloudEvents JSON object.
    /// - Parameter decoder: the decoder.
    /// - Throws: `DecodingError.keyNotFound` for a missing required attribute, `DecodingError.dataCorrupted`
    ///   naming the attribute whose value the bus does not accept.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CloudEventAttributeKey.self)
        let version = try container.decode(String.self, forKey: .specversion)
        guard version == Self.specVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .specversion, in: container,
                debugDescription: "CloudEvents specversion \"\(version)\" is not supported: the bus speaks \"1.0\"")
        }
        id = try container.nonEmptyString(.id)
        source = try container.nonEmptyString(.source)
        type = try container.nonEmptyString(.type)
        let timeText = try container.decode(String.self, forKey: .time)
        guard let time = RFC3339.date(from: timeText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .time, in: container, debugDescription: "time \"\(timeText)\" is not an RFC 3339 date-time")
        }
        self.time = time
        datacontenttype = try container.decodeIfPresent(String.self, forKey: .datacontenttype) ?? Self.jsonContentType
        let mediaType = datacontenttype.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
        guard mediaType?.lowercased() == Self.jsonContentType else {
            throw DecodingError.dataCorruptedError(
                forKey: .datacontenttype, in: container,
                debugDescription: "datacontenttype \"\(datacontenttype)\" is not application/json")
        }
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        sequence = try container.decode(Int64.self, forKey: .sequence)
        guard sequence >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .sequence, in: container, debugDescription: "sequence \(sequence) is below 1")
        }
        dataschema = try container.decodeIfPresent(String.self, forKey: .dataschema)
        if let expected = Payload.self as? any BusEvent.Type {
            guard type == expected.eventType else {
                throw DecodingError.dataCorruptedError(
                    forKey: .type, in: container,
                    debugDescription: "event type \"\(type)\" is not \"\(expected.eventType)\"")
            }
            if let dataschema, let schema = DataSchema.parse(dataschema) {
                guard schema.name == expected.eventType, schema.version == expected.schemaVersion else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .dataschema, in: container,
                        debugDescription: "dataschema \"\(dataschema)\" is not \(expected.dataSchema), "
                            + "the version of \(expected.eventType) this build reads")
                }
            }
        }
        data = try container.decode(Payload.self, forKey: .data)
        var extensions: [String: JSONValue] = [:]
        for key in container.allKeys where !CloudEventAttributeKey.reserved.contains(key.stringValue) {
            extensions[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
        }
        self.extensions = extensions
    }

    /// Writes the structured-mode JSON object; `time` in UTC with milliseconds, absent optionals omitted.
    /// - Parameter encoder: the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CloudEventAttributeKey.self)
        try container.encode(specversion, forKey: .specversion)
        try container.encode(id, forKey: .id)
        try container.encode(source, forKey: .source)
        try container.encode(type, forKey: .type)
        try container.encode(RFC3339.string(from: time), forKey: .time)
        try container.encode(datacontenttype, forKey: .datacontenttype)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encode(sequence, forKey: .sequence)
        try container.encodeIfPresent(dataschema, forKey: .dataschema)
        try container.encode(data, forKey: .data)
        for (name, value) in extensions where !CloudEventAttributeKey.reserved.contains(name) {
            try container.encode(value, forKey: CloudEventAttributeKey(name))
        }
    }
}

/// A CloudEvents attribute name, fixed or extension.
struct CloudEventAttributeKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static let specversion = CloudEventAttributeKey("specversion")
    static let id = CloudEventAttributeKey("id")
    static let source = CloudEventAttributeKey("source")
    static let type = CloudEventAttributeKey("type")
    static let time = CloudEventAttributeKey("time")
    static let datacontenttype = CloudEventAttributeKey("datacontenttype")
    static let subject = CloudEventAttributeKey("subject")
    static let sequence = CloudEventAttributeKey("sequence")
    static let dataschema = CloudEventAttributeKey("dataschema")
    static let data = CloudEventAttributeKey("data")
    /// Attributes that are never extensions: the ones above and CloudEvents' binary-data member.
    static let reserved: Set<String> = [
        "specversion", "id", "source", "type", "time", "datacontenttype", "subject", "sequence", "dataschema",
        "data", "data_base64",
    ]
}

extension KeyedDecodingContainer {
    /// Decodes a required string that must not be empty.
    func nonEmptyString(_ key: Key) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard !value.isEmpty else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\(key.stringValue) is empty")
        }
        return value
    }
}
