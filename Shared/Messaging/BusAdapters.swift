public import Bus

/// The ZeroMQ sockets of `Bus` as the transports of reliable messaging.
extension EventPublisher: EventSink {}

extension CommandDealer: CommandChannel {
    public var replies: any AsyncSequence<Frames, Never> { incoming }

    public func send(_ frames: Frames) async throws {
        try await send(frames: frames)
    }
}

extension CommandRouter: CommandEndpoint {
    public var requests: any AsyncSequence<RoutedRequest, Never> {
        incoming.map { RoutedRequest(peer: $0.peer, frames: $0.frames) }
    }

    public func reply(to peer: [UInt8], _ frames: Frames) async throws {
        try await send(to: peer, frames: frames)
    }
}
