/// A DEALER socket connected to another service's command router: sends commands, receives acks and results.
///
/// `ZMQ_IMMEDIATE` is on by default: while no connection to the router is complete a send fails with
/// ``BusError/wouldBlock`` rather than waiting in a queue, and the caller's outbox retries with backoff.
///
/// ```swift
/// let dealer = try await node.dealer(connectingTo: "tcp://127.0.0.1:5560", routingID: Array("dm-fumo".utf8))
/// try await dealer.send(frames: [Array("system.ping".utf8), commandJSON])
/// let reply = await dealer.incoming.next()
/// ```
public final class CommandDealer: Sendable {
    private let socket: SocketReference
    /// The messages received, in arrival order. Ends when the dealer is closed.
    public let incoming: BusInbox<[[UInt8]]>
    /// The endpoint the socket connected to.
    public let endpoint: String

    init(socket: SocketReference, incoming: BusInbox<[[UInt8]]>, endpoint: String) {
        self.socket = socket
        self.incoming = incoming
        self.endpoint = endpoint
    }

    /// Sends one multi-part message.
    /// - Throws: ``BusError/wouldBlock`` when no router connection is ready or its queue is full (nothing was
    ///   sent), ``BusError/closed`` after ``close()`` or node shutdown.
    public func send(frames: [[UInt8]]) async throws {
        try await socket.send(frames)
    }

    /// Sends several requests in order in one trip to the node's thread.
    ///
    /// - Parameter messages: the requests' frames.
    /// - Throws: the first ``BusError`` (every request is tried), e.g. ``BusError/wouldBlock`` at the high-water
    ///   mark.
    public func send(messages: [[[UInt8]]]) async throws {
        try await socket.send(messages: messages)
    }

    /// Closes the socket; queued messages get the socket's linger to leave.
    public func close() async { await socket.close() }
}

extension BusNode {
    /// A dealer connected to `endpoint`.
    /// - Parameters:
    ///   - endpoint: the router's endpoint, e.g. `tcp://127.0.0.1:5560`.
    ///   - routingID: the id the router sees (1 to 255 bytes, not starting with a zero byte); libzmq makes one
    ///     up when nil. A fixed id lets a restarted sender take over its old connection.
    ///   - security: CurveZMQ client keys and the router's public key.
    ///   - options: socket options; ``BusSocketOptions/dealer`` by default.
    /// - Throws: ``BusError/invalidEndpoint`` for an endpoint libzmq rejects, ``BusError/closed`` after shutdown.
    public func dealer(
        connectingTo endpoint: String, routingID: [UInt8]? = nil, security: CurveClientSecurity? = nil,
        options: BusSocketOptions = .dealer
    ) async throws -> CommandDealer {
        let id = core.makeSocketID()
        let inbox: BusInbox<[[UInt8]]> = makeInbox(for: id, capacity: options.receiveBuffer)
        let spec = SocketSpec(
            kind: .dealer, endpoint: .connect(endpoint), options: options,
            security: security.map { .client($0) } ?? .none, routingID: routingID, delivery: .frames(inbox))
        let connected = try await open(id, spec)
        return CommandDealer(socket: SocketReference(node: self, id: id), incoming: inbox, endpoint: connected)
    }
}
