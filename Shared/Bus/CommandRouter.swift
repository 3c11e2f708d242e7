/// A ROUTER socket bound at a service's command endpoint: receives commands from dealers, each with the
/// sender's routing id, and sends replies to a given dealer.
///
/// `ZMQ_ROUTER_MANDATORY` is on, so a reply to a routing id that is not connected fails with
/// ``BusError/unknownPeer`` instead of vanishing; `ZMQ_ROUTER_HANDOVER` is on, so a dealer that reconnects with
/// its fixed routing id replaces its stale connection.
///
/// ```swift
/// let router = try await node.router(bindingTo: "tcp://127.0.0.1:5560")
/// for await message in router.incoming {
///     try await router.send(to: message.peer, frames: [Array("ack".utf8), ackJSON])
/// }
/// ```
public final class CommandRouter: Sendable {
    private let socket: SocketReference
    /// The messages received, in arrival order. Ends when the router is closed.
    public let incoming: BusInbox<RoutedMessage>
    /// The endpoint the socket bound, with a wildcard port (`tcp://127.0.0.1:*`) resolved.
    public let boundEndpoint: String

    init(socket: SocketReference, incoming: BusInbox<RoutedMessage>, boundEndpoint: String) {
        self.socket = socket
        self.incoming = incoming
        self.boundEndpoint = boundEndpoint
    }

    /// Sends `frames` to the dealer with routing id `peer`.
    /// - Throws: ``BusError/unknownPeer`` when no such dealer is connected, ``BusError/wouldBlock`` when its
    ///   queue is full, ``BusError/closed`` after ``close()`` or node shutdown.
    public func send(to peer: [UInt8], frames: [[UInt8]]) async throws {
        try await socket.send([peer] + frames)
    }

    /// Sends replies to several dealers in one trip to the node's thread.
    ///
    /// - Parameter replies: each dealer's routing id and the frames for it.
    /// - Throws: the first ``BusError`` (every reply is tried).
    public func send(_ replies: [(peer: [UInt8], frames: [[UInt8]])]) async throws {
        try await socket.send(messages: replies.map { [$0.peer] + $0.frames })
    }

    /// Closes the socket and ends ``incoming`` once the messages already received are taken.
    public func close() async { await socket.close() }
}

extension BusNode {
    /// A router bound at `endpoint`.
    /// - Parameters:
    ///   - endpoint: e.g. `tcp://127.0.0.1:5560`, or `tcp://127.0.0.1:*` for a free port (see
    ///     ``CommandRouter/boundEndpoint``).
    ///   - security: CurveZMQ server keys and the dealers allowed in.
    ///   - options: socket options; ``BusSocketOptions/router`` by default.
    /// - Throws: ``BusError/invalidEndpoint`` for an endpoint that cannot be bound, ``BusError/closed`` after
    ///   shutdown.
    public func router(
        bindingTo endpoint: String, security: CurveServerSecurity? = nil, options: BusSocketOptions = .router
    ) async throws -> CommandRouter {
        let id = core.makeSocketID()
        let inbox: BusInbox<RoutedMessage> = makeInbox(for: id, capacity: options.receiveBuffer)
        let spec = SocketSpec(
            kind: .router, endpoint: .bind(endpoint), options: options,
            security: security.map { .server($0) } ?? .none, delivery: .routed(inbox))
        let bound = try await open(id, spec)
        return CommandRouter(socket: SocketReference(node: self, id: id), incoming: inbox, boundEndpoint: bound)
    }
}
