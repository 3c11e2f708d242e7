import Bus
import Foundation
import Testing

/// A bounded wait ran out: what the test waited for did not happen.
struct TimedOut: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// How long a test waits for something that should happen; never a statement about speed.
let patience: Duration = .seconds(10)

/// The result of `operation`, or ``TimedOut`` when it has not finished within `limit` (it is then cancelled).
func within<T: Sendable>(
    _ what: String, limit: Duration = patience, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TimedOut(what: what) }
        return value
    }
}

/// Asks `attempt` again (every 20 ms) until it returns a value, up to `limit`.
@discardableResult
func eventually<T: Sendable>(
    _ what: String, limit: Duration = patience, _ attempt: @escaping @Sendable () async throws -> T?
) async throws -> T {
    try await within(what, limit: limit) {
        while true {
            if let value = try await attempt() { return value }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// The next event that is not a probe of `probeType`.
func nextEvent(_ subscriber: EventSubscriber, skipping probeType: String) async throws -> EventFrames {
    try await within("an event") {
        while let event = await subscriber.events.next() {
            if event.type != probeType { return event }
        }
        throw TimedOut(what: "an event (the subscriber ended)")
    }
}

/// Publishes `probeType` events until `subscriber` receives one: the subscription has then reached the
/// publisher, and everything the publisher sends from now on can arrive. Later probes may still be queued;
/// read past them with ``nextEvent(_:skipping:)``.
func awaitSubscription(_ subscriber: EventSubscriber, from publisher: EventPublisher, probeType: String)
    async throws
{
    try await within("the subscription to reach the publisher") {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                // A failing publish shows up as the bounded wait running out.
                while !Task.isCancelled {
                    try? await publisher.publish(type: probeType, payload: [])
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
            while let event = await subscriber.events.next(), event.type != probeType {}
            group.cancelAll()
        }
    }
}

/// Sends once the dealer has a connection (a send before that fails with `wouldBlock`).
func sendWhenConnected(_ dealer: CommandDealer, _ frames: [[UInt8]]) async throws {
    try await eventually("the dealer to connect") { () async throws -> Bool? in
        do {
            try await dealer.send(frames: frames)
            return true
        } catch let error as BusError where error == .wouldBlock {
            return nil
        }
    }
}

/// A loopback TCP port that refuses connections for as long as this value lives: a socket bound to it that
/// never listens, so no other test can take the port meanwhile.
final class RefusingPort: Sendable {
    private let descriptor: Int32
    /// `tcp://127.0.0.1:<port>`.
    let endpoint: String

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TimedOut(what: "a TCP socket (socket() failed)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(descriptor, address, length) == 0 && getsockname(descriptor, address, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            throw TimedOut(what: "a free loopback port (bind() failed)")
        }
        self.descriptor = descriptor
        endpoint = "tcp://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
    }

    deinit { close(descriptor) }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}
