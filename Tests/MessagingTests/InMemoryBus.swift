import Messaging
import Synchronization

/// An in-memory stand-in for the ZeroMQ sockets (the real ones are tested in BusTests): a DEALER/ROUTER pair
/// joined by streams, with a switch to drop traffic, and an event sink that records what was published.
final class RecordingSink: EventSink {
    private let published = Mutex([(type: String, payload: [UInt8])]())
    func publish(type: String, payload: [UInt8]) async throws {
        published.withLock { $0.append((type, payload)) }
    }
    var events: [(type: String, payload: [UInt8])] { published.withLock { $0 } }
}

/// A DEALER/ROUTER pair. `dropRequests`/`dropReplies` lose the next N messages in that direction, as a
/// killed receiver or a broken connection would.
final class InMemoryCommandLink: Sendable {
    let channel: Channel
    let endpoint: Endpoint

    init() {
        let (requests, requestInput) = AsyncStream.makeStream(of: RoutedRequest.self)
        let (replies, replyInput) = AsyncStream.makeStream(of: Frames.self)
        channel = Channel(requestInput: requestInput, replies: replies)
        endpoint = Endpoint(requests: requests, replyInput: replyInput)
    }

    func dropRequests(_ count: Int) { channel.dropNext(count) }
    func dropReplies(_ count: Int) { endpoint.dropNext(count) }
    func close() {
        channel.finish()
        endpoint.finish()
    }

    final class Channel: CommandChannel {
        private let requestInput: AsyncStream<RoutedRequest>.Continuation
        private let replyStream: AsyncStream<Frames>
        var replies: any AsyncSequence<Frames, Never> { replyStream }
        private let toDrop = Mutex(0)
        init(requestInput: AsyncStream<RoutedRequest>.Continuation, replies: AsyncStream<Frames>) {
            self.requestInput = requestInput
            self.replyStream = replies
        }
        func dropNext(_ count: Int) { toDrop.withLock { $0 += count } }
        func finish() { requestInput.finish() }
        func send(_ frames: Frames) async throws {
            let drop = toDrop.withLock { count -> Bool in
                guard count > 0 else { return false }
                count -= 1
                return true
            }
            if !drop { requestInput.yield(RoutedRequest(peer: [1], frames: frames)) }
        }
    }

    final class Endpoint: CommandEndpoint {
        private let requestStream: AsyncStream<RoutedRequest>
        var requests: any AsyncSequence<RoutedRequest, Never> { requestStream }
        private let replyInput: AsyncStream<Frames>.Continuation
        private let toDrop = Mutex(0)
        init(requests: AsyncStream<RoutedRequest>, replyInput: AsyncStream<Frames>.Continuation) {
            self.requestStream = requests
            self.replyInput = replyInput
        }
        func dropNext(_ count: Int) { toDrop.withLock { $0 += count } }
        func finish() { replyInput.finish() }
        func reply(to peer: [UInt8], _ frames: Frames) async throws {
            let drop = toDrop.withLock { count -> Bool in
                guard count > 0 else { return false }
                count -= 1
                return true
            }
            if !drop { replyInput.yield(frames) }
        }
    }
}
