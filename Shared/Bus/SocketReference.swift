import Synchronization

/// What every socket handle holds: its node (kept alive by the handle) and its id there. Sends and options
/// go through the node's queue; dropping the handle closes the socket.
final class SocketReference: Sendable {
    let node: BusNode
    let id: Int
    private let closed = Atomic<Bool>(false)

    init(node: BusNode, id: Int) {
        self.node = node
        self.id = id
    }

    deinit {
        if !closed.load(ordering: .acquiring) { _ = node.core.submit(.close(id: id, reply: nil)) }
    }

    func send(_ frames: [[UInt8]]) async throws {
        try await send(messages: [frames])
    }

    /// Sends several messages in one trip to the node's thread (one wake-up, one resumption).
    func send(messages: [[[UInt8]]]) async throws {
        guard !messages.isEmpty else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            send(messages: messages) { continuation.resume(with: $0) }
        }
    }

    /// Queues a send whose outcome `completion` receives on the node's thread.
    func send(_ frames: [[UInt8]], completion: @escaping @Sendable (Result<Void, any Error>) -> Void) {
        send(messages: [frames], completion: completion)
    }

    /// Queues several sends whose outcome `completion` receives on the node's thread.
    func send(messages: [[[UInt8]]], completion: @escaping @Sendable (Result<Void, any Error>) -> Void) {
        let operation = BusOperation.send(id: id, messages: messages, reply: completion)
        if !node.core.submit(operation) { operation.reject() }
    }

    func setOption(_ option: Int32, _ value: [UInt8]) async throws {
        try await node.core.perform { .setOption(id: id, option: option, value: value, reply: $0) }
    }

    func close() async {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        await node.core.close(id)
    }
}
