internal import Foundation
internal import Synchronization

/// Sends commands to one receiver without persisting them and waits for their results: for callers that
/// only want an answer (dmctl, `system.replay`). Resends with backoff until the result arrives or the
/// deadline passes; the receiver's inbox makes resends harmless.
public final class CommandRequester: Sendable, ReplaySource {
    private let channel: any CommandChannel
    private let source: String
    private let retry: RetryPolicy
    private let waiters = Mutex([String: CheckedContinuation<[UInt8], Never>]())

    /// - Parameters:
    ///   - channel: a DEALER connected to the receiver.
    ///   - source: this program's name, sent as the envelope's `source`.
    public init(channel: any CommandChannel, source: String, retry: RetryPolicy = RetryPolicy(initial: .milliseconds(200), maximum: .seconds(2))) {
        self.channel = channel
        self.source = source
        self.retry = retry
    }

    /// Reads replies until the channel ends or the task is cancelled. Run it alongside any request.
    public func run() async {
        for await reply in channel.replies {
            guard reply.count == 2, reply[0] == ReplyKind.result, let id = CommandID.decode(reply[1]) else { continue }
            let waiter = waiters.withLock { $0.removeValue(forKey: id) }
            waiter?.resume(returning: reply[1])
        }
    }

    /// Sends `name` with `data` (JSON text) and returns the result body, or throws ``RequestTimedOut``.
    public func request(name: String, data: String, timeout: Duration) async throws -> [UInt8] {
        let id = UUID().uuidString
        let envelope = commandEnvelope(id: id, name: name, source: source, data: data)
        let frames: Frames = [Array(name.utf8), Array(envelope.utf8)]
        return try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    self.waiters.withLock { $0[id] = continuation }
                }
            }
            group.addTask {
                var attempt = 0
                while !Task.isCancelled {
                    attempt += 1
                    try? await self.channel.send(frames)
                    try? await Task.sleep(for: self.retry.delay(afterAttempt: attempt))
                }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            var answer: [UInt8]?
            for try await value in group {
                answer = value
                break
            }
            group.cancelAll()
            // Release the waiter if the timer won, so the group can finish.
            let waiter = waiters.withLock { $0.removeValue(forKey: id) }
            waiter?.resume(returning: [])
            guard let answer, !answer.isEmpty else { throw RequestTimedOut(name: name, timeout: timeout) }
            return answer
        }
    }

    /// `system.replay` through this requester.
    public func replay(source publisher: String, from sequence: Int64, limit: Int) async throws -> ReplayPage {
        struct Result: Decodable {
            struct Body: Decodable {
                var lastSequence: Int64
            }
            var ok: Bool
            var data: Body?
        }
        let body = try await request(
            name: ReplayResponder.commandName, data: #"{"fromSequence":\#(sequence),"limit":\#(limit)}"#,
            timeout: .seconds(30))
        guard let result = try? JSONDecoder().decode(Result.self, from: Data(body)), result.ok, let data = result.data else {
            throw RequestTimedOut(name: ReplayResponder.commandName, timeout: .zero)
        }
        return ReplayPage(events: try ReplayEvents.split(body), lastSequence: data.lastSequence)
    }
}

/// A request that got no result in time.
public struct RequestTimedOut: Error, CustomStringConvertible {
    public var name: String
    public var timeout: Duration
    public init(name: String, timeout: Duration) {
        self.name = name
        self.timeout = timeout
    }
    public var description: String { "no result for \(name) within \(timeout)" }
}

/// Splits a replay result's `data.events` array back into the raw event payloads.
enum ReplayEvents {
    static func split(_ body: [UInt8]) throws -> [[UInt8]] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let data = object["data"] as? [String: Any], let events = data["events"] as? [Any]
        else { return [] }
        return try events.map { Array(try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys])) }
    }
}
