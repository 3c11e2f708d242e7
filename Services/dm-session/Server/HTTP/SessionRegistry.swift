import Foundation
import Synchronization

/// A lock held across awaits by one task at a time, in arrival order: it serialises the messages of one session
/// (a retransmission arriving while the original is being handled waits, then gets the same answer).
final class AsyncLock: Sendable {
    private let state = Mutex<(locked: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func lock() async {
        // Uncontended (nearly always: one device sends one message at a time): no suspension.
        let free = state.withLock { state -> Bool in
            guard !state.locked else { return false }
            state.locked = true
            return true
        }
        if free { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { state -> Bool in
                if !state.locked {
                    state.locked = true
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if acquired { continuation.resume() }
        }
    }

    func unlock() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiters.isEmpty else {
                state.locked = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }

    func withLock<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
        await lock()
        defer { unlock() }
        return try await body()
    }
}

/// A session in memory: its protocol state, guarded by its own lock while a message is handled.
final class LiveSession: Sendable {
    let token: String
    let deviceID: String
    let syncMLSessionID: String
    let lock = AsyncLock()
    private let storage: Mutex<DMSession>
    /// The device's queue as read with its account when the session opened, for the first message (one read
    /// transaction instead of two); taken by that message.
    let openingQueue: Mutex<[QueuedCommand]?>

    init(_ session: DMSession, openingQueue: [QueuedCommand]? = nil) {
        self.openingQueue = Mutex(openingQueue)
        token = session.token
        deviceID = session.deviceID
        syncMLSessionID = session.syncMLSessionID
        storage = Mutex(session)
    }

    /// The state (read it, or change it, only while holding ``lock``).
    var state: DMSession {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

/// Every session in memory, by RespURI token and by device (one session per device at a time).
final class SessionRegistry: Sendable {
    private struct Maps {
        var byToken: [String: LiveSession] = [:]
        var byDevice: [String: LiveSession] = [:]
    }

    private let maps = Mutex(Maps())

    func session(token: String) -> LiveSession? {
        maps.withLock { $0.byToken[token] }
    }

    func session(deviceID: String) -> LiveSession? {
        maps.withLock { $0.byDevice[deviceID] }
    }

    /// Adds a session; returns the device's previous session, which it replaces.
    func insert(_ live: LiveSession) -> LiveSession? {
        maps.withLock { maps in
            let previous = maps.byDevice[live.deviceID]
            maps.byToken[live.token] = live
            maps.byDevice[live.deviceID] = live
            return previous
        }
    }

    func remove(_ live: LiveSession) {
        maps.withLock { maps in
            maps.byToken[live.token] = nil
            if maps.byDevice[live.deviceID] === live { maps.byDevice[live.deviceID] = nil }
        }
    }

    var all: [LiveSession] {
        maps.withLock { Array($0.byToken.values) }
    }

    var count: Int {
        maps.withLock { $0.byToken.count }
    }
}
