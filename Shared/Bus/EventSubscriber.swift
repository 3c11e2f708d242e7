import CZeroMQ
import Synchronization

/// A SUB socket connected to the bus's XPUB side, receiving the events whose type starts with one of its
/// prefixes.
///
/// ```swift
/// let subscriber = try await node.subscriber(connectingTo: "tcp://127.0.0.1:5551", prefixes: ["dm.fumo."])
/// for await event in subscriber.events { ... }
/// ```
///
/// Only two-frame messages are events; anything else is dropped and counted in ``discardedCount``.
public final class EventSubscriber: Sendable {
    private let socket: SocketReference
    private let sink: EventSink
    /// The endpoint the socket connected to.
    public let endpoint: String

    init(socket: SocketReference, sink: EventSink, endpoint: String) {
        self.socket = socket
        self.sink = sink
        self.endpoint = endpoint
    }

    /// The received events, in the order each publisher sent them. Ends when the subscriber is closed.
    public var events: BusInbox<EventFrames> { sink.inbox }

    /// Messages dropped because they did not have exactly two frames.
    public var discardedCount: Int { sink.discarded.load(ordering: .relaxed) }

    /// Adds a type prefix; the empty prefix receives everything.
    public func subscribe(_ prefix: String) async throws {
        try await socket.setOption(ZMQ_SUBSCRIBE, Array(prefix.utf8))
    }

    /// Removes a type prefix added before (one `unsubscribe` per `subscribe`).
    public func unsubscribe(_ prefix: String) async throws {
        try await socket.setOption(ZMQ_UNSUBSCRIBE, Array(prefix.utf8))
    }

    /// Closes the socket and ends ``events`` once the events already received are taken.
    public func close() async { await socket.close() }
}

extension BusNode {
    /// A subscriber connected to `endpoint` (the bus's XPUB side).
    /// - Parameters:
    ///   - endpoint: e.g. `tcp://127.0.0.1:5551`.
    ///   - prefixes: the event type prefixes to receive at once; more can be added with
    ///     ``EventSubscriber/subscribe(_:)``.
    ///   - security: CurveZMQ client keys, when the bus requires them.
    ///   - options: socket options; ``BusSocketOptions/subscriber`` by default.
    /// - Throws: ``BusError/invalidEndpoint`` for an endpoint libzmq rejects, ``BusError/closed`` after shutdown.
    public func subscriber(
        connectingTo endpoint: String, prefixes: [String], security: CurveClientSecurity? = nil,
        options: BusSocketOptions = .subscriber
    ) async throws -> EventSubscriber {
        let id = core.makeSocketID()
        let sink = EventSink(inbox: makeInbox(for: id, capacity: options.receiveBuffer))
        let spec = SocketSpec(
            kind: .subscriber, endpoint: .connect(endpoint), options: options,
            security: security.map { .client($0) } ?? .none, subscriptions: prefixes.map { Array($0.utf8) },
            delivery: .events(sink))
        let connected = try await open(id, spec)
        return EventSubscriber(socket: SocketReference(node: self, id: id), sink: sink, endpoint: connected)
    }
}
