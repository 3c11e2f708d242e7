/// An event whose `data` is kept as raw JSON, whatever its type: what `system.replay` returns and what a
/// publisher's outbox holds, so that any event can be stored and replayed without knowing its Swift type.
///
/// ```swift
/// let raw = try CloudEvent(BusPublisherStarted.sample, source: "dm-session-1", sequence: 1).raw()
/// let typed = try raw.decoded(as: BusPublisherStarted.self)
/// ```
public typealias RawCloudEvent = CloudEvent<JSONValue>

extension CloudEvent {
    /// This event with `data` as raw JSON; every attribute is kept.
    /// - Returns: the raw event.
    /// - Throws: `EncodingError` when `data` cannot be encoded.
    public func raw() throws -> RawCloudEvent {
        RawCloudEvent(
            id: id, source: source, type: type, time: time, datacontenttype: datacontenttype, subject: subject,
            sequence: sequence, dataschema: dataschema, extensions: extensions, data: try JSONValue(encoding: data))
    }
}

extension CloudEvent where Payload == JSONValue {
    /// Reads this raw event as a typed one, with the same checks as decoding it from the wire (the type and the
    /// dataschema version must match `type`).
    /// - Parameter type: the event's Swift type.
    /// - Returns: the typed event.
    /// - Throws: `DecodingError` when the event is not a `type` event or its data does not fit.
    public func decoded<Event: BusEvent>(as type: Event.Type) throws -> CloudEvent<Event> {
        try ContractsJSON.decode(CloudEvent<Event>.self, from: try ContractsJSON.encode(self))
    }
}
