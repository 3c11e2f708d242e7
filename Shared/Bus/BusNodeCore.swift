import CZeroMQ
import Synchronization

/// A libzmq context pointer. libzmq contexts are thread-safe (unlike sockets), so the pointer may be shared.
struct ZMQContext: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}

/// What Swift callers and a node's thread share: the context, the operation queue with its wake-up pipe,
/// and the shutdown state. Every queue access and every write to (or close of) the pipe happens under one lock.
final class BusNodeCore: Sendable {
    private struct State {
        var queue: [BusOperation] = []
        var stopping = false
        var stopped = false
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let context: ZMQContext
    let wake: WakePipe
    private let state = Mutex(State())
    private let socketIDs = Atomic<Int>(0)
    /// Handshakes the ZAP handler accepted.
    let zapAccepted = Atomic<Int>(0)
    /// Handshakes the ZAP handler refused.
    let zapRefused = Atomic<Int>(0)

    init(context: ZMQContext, wake: WakePipe) {
        self.context = context
        self.wake = wake
    }

    /// A new socket id, unique within the node.
    func makeSocketID() -> Int { socketIDs.add(1, ordering: .relaxed).newValue }

    /// Queues `operation` for the node's thread and wakes it.
    /// - Returns: false, leaving the operation to the caller, when the node is shutting down.
    func submit(_ operation: BusOperation) -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.queue.append(operation)
            if state.queue.count == 1 { wake.wake() }
            return true
        }
    }

    /// Queues the operation `make` builds and waits for the node's thread to complete it.
    func perform<Result: Sendable>(
        _ make: (CheckedContinuation<Result, any Error>) -> BusOperation
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let operation = make(continuation)
            if !submit(operation) { operation.reject() }
        }
    }

    /// Closes socket `id` and waits until it is closed (immediately when the node is already shutting down:
    /// shutdown closes every socket).
    func close(_ id: Int) async {
        await withCheckedContinuation { continuation in
            let operation = BusOperation.close(id: id, reply: continuation)
            if !submit(operation) { operation.reject() }
        }
    }

    /// For the node's thread: the queued operations, and whether shutdown was requested.
    func takeOperations() -> (operations: [BusOperation], stopping: Bool) {
        state.withLock { state in
            defer { state.queue.removeAll() }
            return (state.queue, state.stopping)
        }
    }

    /// Asks the node's thread to close everything and stop. Idempotent.
    func requestStop() {
        state.withLock { state in
            guard !state.stopping else { return }
            state.stopping = true
            wake.wake()
        }
    }

    /// Waits until the node's thread has terminated the context and is finishing.
    func waitUntilStopped() async {
        await withCheckedContinuation { continuation in
            let done = state.withLock { state in
                if state.stopped { return true }
                state.stopWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// Whether shutdown was requested.
    var isStopping: Bool { state.withLock { $0.stopping } }

    /// For the node's thread, last: closes the pipe and releases everyone waiting for shutdown.
    func markStopped() {
        let waiters = state.withLock { state in
            state.stopping = true
            state.stopped = true
            wake.close()
            defer { state.stopWaiters.removeAll() }
            return state.stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
