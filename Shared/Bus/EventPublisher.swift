/// A PUB socket connected to the bus's XSUB side: publishes two-frame events `[type][payload]`.
///
/// Like every PUB socket it never blocks: with no subscriber for a type, or above the high-water mark, libzmq
/// drops the event. The bus protocol covers that with per-source sequence numbers and replay.
///
/// ```swift
/// let publisher = try await node.publisher(connectingTo: "tcp://127.0.0.1:5550")
/// try await publisher.publish(type: "dm.session.command.completed", payload: Array(json))
/// ```
public final class EventPublisher: Sendable {
    private let socket: SocketReference
    /// The endpoint the socket connected to.
    public let endpoint: String

    init(socket: SocketReference, endpoint: String) {
        self.socket = socket
        self.endpoint = endpoint
    }

    /// Publishes one event.
    /// - Parameters:
    ///   - type: the event type, the first frame (subscribers match its prefix).
    ///   - payload: the second frame.
    /// - Throws: ``BusError/closed`` after ``close()`` or node shutdown.
    public func publish(type: String, payload: [UInt8]) async throws {
        try await socket.send([Array(type.utf8), payload])
    }

    /// Publishes events in order in one trip to the node's thread: what a relay does with a page of its outbox.
    ///
    /// - Parameter events: the events, each `[type][payload]` on the wire.
    /// - Throws: ``BusError/closed`` after shutdown.
    public func publish(_ events: [EventFrames]) async throws {
        try await socket.send(messages: events.map { [Array($0.type.utf8), $0.payload] })
    }

    /// Closes the socket; queued events get the socket's linger to leave.
    public func close() async { await socket.close() }
}

extension BusNode {
    /// A publisher connected to `endpoint` (the bus's XSUB side).
    /// - Parameters:
    ///   - endpoint: e.g. `tcp://127.0.0.1:5550`.
    ///   - security: CurveZMQ client keys, when the bus requires them.
    ///   - options: socket options; ``BusSocketOptions/publisher`` by default.
    /// - Throws: ``BusError/invalidEndpoint`` for an endpoint libzmq rejects, ``BusError/closed`` after shutdown.
    public func publisher(
        connectingTo endpoint: String, security: CurveClientSecurity? = nil,
        options: BusSocketOptions = .publisher
    ) async throws -> EventPublisher {
        let id = core.makeSocketID()
        let spec = SocketSpec(
            kind: .publisher, endpoint: .connect(endpoint), options: options,
            security: security.map { .client($0) } ?? .none)
        let connected = try await open(id, spec)
        return EventPublisher(socket: SocketReference(node: self, id: id), endpoint: connected)
    }
}
