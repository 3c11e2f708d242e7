/// The transports reliable messaging runs over. `Bus`'s ZeroMQ sockets implement them (BusAdapters.swift);
/// tests also use an in-memory pair. Frames are multi-part messages: `[[UInt8]]`, one array per frame.
public typealias Frames = [[UInt8]]

/// Where events go: a PUB socket connected to dm-bus.
public protocol EventSink: Sendable {
    /// Sends `[type][payload]`.
    func publish(type: String, payload: [UInt8]) async throws
    /// Publishes several events in order (one trip to the socket where the transport can).
    func publish(batch: [(type: String, payload: [UInt8])]) async throws
}

extension EventSink {
    public func publish(batch: [(type: String, payload: [UInt8])]) async throws {
        for event in batch { try await publish(type: event.type, payload: event.payload) }
    }
}

/// A DEALER-style channel to one receiver: send requests, receive replies.
public protocol CommandChannel: Sendable {
    /// Sends one multi-part request.
    func send(_ frames: Frames) async throws
    /// Sends several requests in order; a failure of one does not stop the others (the first is thrown).
    func send(batch: [Frames]) async throws
    /// The replies, in arrival order.
    var replies: any AsyncSequence<Frames, Never> { get }
}

/// A ROUTER-style endpoint: receive requests with the peer that sent them, answer that peer.
public protocol CommandEndpoint: Sendable {
    /// The requests, in arrival order.
    var requests: any AsyncSequence<RoutedRequest, Never> { get }
    /// Sends a reply to the peer of a request.
    func reply(to peer: [UInt8], _ frames: Frames) async throws
    /// Sends several replies (one trip to the socket where the transport can).
    func reply(batch: [(peer: [UInt8], frames: Frames)]) async throws
}

extension CommandChannel {
    public func send(batch: [Frames]) async throws {
        var failure: (any Error)?
        for frames in batch {
            do { try await send(frames) } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }
}

extension CommandEndpoint {
    public func reply(batch: [(peer: [UInt8], frames: Frames)]) async throws {
        for answer in batch { try await reply(to: answer.peer, answer.frames) }
    }
}

/// A request and the routing id of the peer that sent it.
public struct RoutedRequest: Sendable {
    public var peer: [UInt8]
    public var frames: Frames
    public init(peer: [UInt8], frames: Frames) {
        self.peer = peer
        self.frames = frames
    }
}
