import Synchronization

/// A one-way gate: tasks wait until it opens; once open it stays open.
final class Latch: Sendable {
    private let state = Mutex<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Opens the gate and releases every waiter.
    func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Whether the gate is open.
    var isOpen: Bool { state.withLock { $0.isOpen } }

    /// Waits until the gate opens.
    func wait() async {
        await withCheckedContinuation { continuation in
            let open = state.withLock { state in
                if state.isOpen { return true }
                state.waiters.append(continuation)
                return false
            }
            if open { continuation.resume() }
        }
    }
}
