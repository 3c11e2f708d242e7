import Synchronization

/// A subscriber's inbox and its count of messages that were not two-frame events and so were dropped.
final class EventSink: Sendable {
    let inbox: BusInbox<EventFrames>
    let discarded = Atomic<Int>(0)

    init(inbox: BusInbox<EventFrames>) { self.inbox = inbox }

    /// Delivers a received message; false when the reader should pause.
    func deliver(_ frames: [[UInt8]]) -> Bool {
        guard frames.count == 2 else {
            discarded.add(1, ordering: .relaxed)
            return true
        }
        return inbox.deliver(EventFrames(type: String(decoding: frames[0], as: UTF8.self), payload: frames[1]))
    }
}
