/// The result of `system.replay`: `{"source": ..., "events": [CloudEvent...], "lastSequence": M}`.
///
/// ``events`` are the publisher's events from the requested sequence on, in sequence order, each the full
/// CloudEvents JSON object as it was published (its `data` kept raw, so any event type replays).
/// ``lastSequence`` is the highest sequence the publisher has assigned so far (0 before its first event); when
/// the last returned event's sequence is below it, the subscriber asks again from the next one.
public struct SystemReplayResult: BusMessage {
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A replay of one event (the catalog's `dm.bus.publisher.started` sample), with events up to 7 still to come.
    public static var sample: SystemReplayResult {
        let started = BusPublisherStarted.sample
        let event = RawCloudEvent(
            id: ContractsCatalog.sampleEventID, source: ContractsCatalog.sampleSource,
            type: BusPublisherStarted.eventType, time: ContractsCatalog.sampleTime, sequence: 1,
            dataschema: BusPublisherStarted.dataSchema,
            data: [
                "service": .string(started.service), "instance": .string(started.instance),
                "version": .string(started.version), "firstSequence": .integer(started.firstSequence),
            ])
        return SystemReplayResult(source: ContractsCatalog.sampleSource, events: [event], lastSequence: 7)
    }

    /// The publisher instance, the `source` of the events.
    public var source: String
    /// The events, in sequence order; empty when there is nothing from the requested sequence on.
    public var events: [RawCloudEvent]
    /// The highest sequence the publisher has assigned, 0 before its first event.
    public var lastSequence: Int64

    /// Creates a replay result.
    /// - Parameters:
    ///   - source: the publisher instance.
    ///   - events: the events, in sequence order.
    ///   - lastSequence: the highest sequence assigned so far.
    public init(source: String, events: [RawCloudEvent], lastSequence: Int64) {
        self.source = source
        self.events = events
        self.lastSequence = lastSequence
    }
}
