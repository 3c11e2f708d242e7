internal import Synchronization

/// Messages that arrived and wait for the next batch: appended by a reading task, taken in batches by the
/// handling task, which sleeps while the buffer is empty.
final class BatchBuffer<Element: Sendable>: Sendable {
    private struct State {
        var items: [Element] = []
        var finished = false
        var waiter: CheckedContinuation<Void, Never>?
    }
    private let state = Mutex(State())

    func append(_ element: Element) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.items.append(element)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Up to `limit` elements, waiting for at least one; nil when finished and empty (or cancelled).
    func take(upTo limit: Int) async -> [Element]? {
        while true {
            let batch = state.withLock { state -> [Element]? in
                guard !state.items.isEmpty else { return nil }
                let count = min(limit, state.items.count)
                let batch = Array(state.items.prefix(count))
                state.items.removeFirst(count)
                return batch
            }
            if let batch { return batch }
            if state.withLock({ $0.finished }) || Task.isCancelled { return nil }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let resumeNow = state.withLock { state -> Bool in
                        if !state.items.isEmpty || state.finished { return true }
                        state.waiter = continuation
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            } onCancel: {
                finish()
            }
        }
    }
}
