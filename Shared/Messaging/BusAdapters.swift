public import Bus

/// The ZeroMQ sockets of `Bus` as the transports of reliable messaging.
extension EventPublisher: EventSink {
    public func publish(batch: [(type: String, payload: [UInt8])]) async throws {
        try await publish(batch.map { EventFrames(type: $0.type, payload: $0.payload) })
    }
}

extension CommandDealer: CommandChannel {
    public var replies: any AsyncSequence<Frames, Never> { incoming }

    public func send(_ frames: Frames) async throws {
        try await send(frames: frames)
    }

    public func send(batch: [Frames]) async throws {
        try await send(messages: batch)
    }
}

extension CommandRouter: CommandEndpoint {
    public var requests: any AsyncSequence<RoutedRequest, Never> {
        incoming.map { RoutedRequest(peer: $0.peer, frames: $0.frames) }
    }

    public func reply(to peer: [UInt8], _ frames: Frames) async throws {
        try await send(to: peer, frames: frames)
    }

    public func reply(batch: [(peer: [UInt8], frames: Frames)]) async throws {
        try await send(batch)
    }
}
