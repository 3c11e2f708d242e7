import Synchronization

/// The messages a socket has received, in arrival order, as an asynchronous sequence.
///
/// The node's thread reads the socket and appends here; iterating takes them out. When ``capacity`` messages
/// are waiting the node stops reading that socket until the consumer has taken half of them, so a slow consumer
/// leaves the backlog to libzmq's high-water marks instead of growing memory. The sequence ends after the socket
/// is closed or its node shuts down, once the messages already received have been taken.
///
/// ```swift
/// for await event in subscriber.events {
///     try await handle(event)
/// }
/// ```
///
/// Several tasks may wait at once; each message goes to one of them.
public final class BusInbox<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Failure = Never

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Element?, Never>
    }

    private struct State {
        var buffer: [Element] = []
        var head = 0
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var finished = false
        var readingPaused = false

        var count: Int { buffer.count - head }

        mutating func popFirst() -> Element? {
            guard head < buffer.count else { return nil }
            let element = buffer[head]
            head += 1
            if head == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 256, head * 2 >= buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
            return element
        }
    }

    private let state = Mutex(State())
    /// The number of waiting messages at which the node stops reading the socket.
    public let capacity: Int
    private let resumeReading: @Sendable () -> Void

    /// - Parameters:
    ///   - capacity: the number of waiting messages at which ``deliver(_:)`` asks the reader to pause.
    ///   - resumeReading: called (outside the lock) when a paused reader may go on.
    init(capacity: Int, resumeReading: @escaping @Sendable () -> Void) {
        self.capacity = Swift.max(1, capacity)
        self.resumeReading = resumeReading
    }

    /// The number of messages received and not yet taken.
    public var pendingCount: Int { state.withLock { $0.count } }

    /// Takes the next message, waiting for one; nil once the socket is closed and everything received has been
    /// taken, or when the calling task is cancelled while waiting.
    public func next() async -> Element? {
        // Fast path: an element is waiting, so no suspension (a consumer keeping up with a burst never parks).
        let (ready, readyResume) = state.withLock { state -> (Element?, Bool) in
            guard let element = state.popFirst() else { return (nil, false) }
            return (element, Self.shouldResume(&state, capacity: capacity))
        }
        if let ready {
            if readyResume { resumeReading() }
            return ready
        }
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let (immediate, resume) = state.withLock { state -> (Element??, Bool) in
                    if let element = state.popFirst() {
                        return (.some(element), Self.shouldResume(&state, capacity: capacity))
                    }
                    if state.finished || Task.isCancelled { return (.some(nil), false) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return (nil, false)
                }
                if resume { resumeReading() }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: nil)
        }
    }

    private static func shouldResume(_ state: inout State, capacity: Int) -> Bool {
        guard state.readingPaused, state.count <= capacity / 2 else { return false }
        state.readingPaused = false
        return true
    }

    /// Hands a received message to a waiting consumer or buffers it. Called by the socket's owning thread.
    /// - Returns: false when the buffer is full and the reader should pause until `resumeReading` is called.
    func deliver(_ element: Element) -> Bool {
        let (waiter, keepReading) = state.withLock { state -> (Waiter?, Bool) in
            if state.finished { return (nil, true) }
            if !state.waiters.isEmpty { return (state.waiters.removeFirst(), true) }
            state.buffer.append(element)
            if state.count >= capacity {
                state.readingPaused = true
                return (nil, false)
            }
            return (nil, true)
        }
        waiter?.continuation.resume(returning: element)
        return keepReading
    }

    /// Ends the sequence: waiting consumers get nil; messages already buffered can still be taken.
    func finish() {
        let waiters = state.withLock { state -> [Waiter] in
            state.finished = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.continuation.resume(returning: nil) }
    }

    public func makeAsyncIterator() -> Iterator { Iterator(inbox: self) }

    /// Iterates a ``BusInbox`` by taking its messages.
    public struct Iterator: AsyncIteratorProtocol {
        public typealias Failure = Never
        let inbox: BusInbox<Element>

        public mutating func next() async -> Element? { await inbox.next() }
    }
}
