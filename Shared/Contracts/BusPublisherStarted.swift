/// `dm.bus.publisher.started`: a service instance announces itself as the first thing it publishes after it
/// starts (after any events it had committed but not yet sent before a restart).
///
/// Subscribers learn from it that the instance is up, which version it runs, and from which sequence its outbox
/// can still be replayed: a subscriber whose next expected sequence is below ``firstSequence`` has lost events
/// for good and must resynchronise by other means.
public struct BusPublisherStarted: BusEvent {
    /// `dm.bus.publisher.started`.
    public static var eventType: String { "dm.bus.publisher.started" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// dm-session's first instance, whose outbox is complete.
    public static var sample: BusPublisherStarted {
        BusPublisherStarted(service: "dm-session", instance: "dm-session-1", version: "0.1.0", firstSequence: 1)
    }

    /// The service's name, e.g. `dm-session`.
    public var service: String
    /// This instance's name, the `source` of its events, e.g. `dm-session-1`.
    public var instance: String
    /// The service's version, e.g. `0.1.0`.
    public var version: String
    /// The lowest sequence `system.replay` can still return from this instance: 1 until its outbox is pruned.
    public var firstSequence: Int64

    /// Creates the announcement.
    /// - Parameters:
    ///   - service: the service's name.
    ///   - instance: this instance's name.
    ///   - version: the service's version.
    ///   - firstSequence: the lowest sequence still replayable.
    public init(service: String, instance: String, version: String, firstSequence: Int64) {
        self.service = service
        self.instance = instance
        self.version = version
        self.firstSequence = firstSequence
    }
}
