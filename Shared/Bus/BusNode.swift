import CZeroMQ
import Foundation
import Synchronization

/// One ZeroMQ context and the one thread that owns all of its sockets.
///
/// A node runs a `zmq_poll` loop on a dedicated OS thread; every socket it creates lives and dies on that
/// thread, so no zmq call ever blocks Swift's cooperative pool and no socket is touched by two threads. Swift
/// code holds `Sendable` handles (``EventPublisher``, ``EventSubscriber``, ``CommandRouter``,
/// ``CommandDealer``) whose async methods queue an operation, wake the loop through a pipe in its poll set, and
/// resume when the loop has carried it out. Received messages arrive in each handle's ``BusInbox``.
///
/// A service usually has one node. Call ``shutdown()`` on graceful shutdown; dropping the last reference to the
/// node (every handle keeps one) shuts it down too, without waiting.
///
/// ```swift
/// let node = try BusNode(name: "dm-fumo")
/// let publisher = try await node.publisher(connectingTo: "tcp://127.0.0.1:5550")
/// try await publisher.publish(type: "dm.fumo.operation.succeeded", payload: json)
/// await node.shutdown()
/// ```
public final class BusNode: Sendable {
    let core: BusNodeCore
    /// The node's name, also its thread's name (`bus-<name>`).
    public let name: String

    /// Creates the context and starts the node's thread.
    /// - Parameter name: a name for the thread, for debuggers and process listings.
    /// - Throws: ``BusError`` when libzmq cannot create a context or the wake-up pipe cannot be made.
    public init(name: String = "node") throws {
        guard let pointer = zmq_ctx_new() else {
            let number = zmq_errno()
            throw BusError.zmq(message: "zmq_ctx_new: \(ZMQ.errorText(number))", errorNumber: number)
        }
        // Every socket sets its own linger; this only guards against one that does not.
        _ = zmq_ctx_set(pointer, ZMQ_BLOCKY, 0)
        let wake: WakePipe
        do {
            wake = try WakePipe()
        } catch {
            _ = zmq_ctx_term(pointer)
            throw error
        }
        let core = BusNodeCore(context: ZMQContext(pointer: pointer), wake: wake)
        self.core = core
        self.name = name
        let thread = Thread { BusLoop(core: core).run() }
        thread.name = "bus-\(name)"
        thread.start()
    }

    deinit { core.requestStop() }

    /// Closes every socket (each after its ``BusSocketOptions/linger``), terminates the context and waits for
    /// the node's thread to finish. Every inbox then ends, and every later operation fails with
    /// ``BusError/closed``. Safe to call more than once and from several tasks; it returns within the longest
    /// linger of the node's sockets, whether or not their peers are still there.
    public func shutdown() async {
        core.requestStop()
        await core.waitUntilStopped()
    }

    /// Whether ``shutdown()`` has been called (or the node's thread has stopped).
    public var isShutDown: Bool { core.isStopping }

    /// The CurveZMQ handshakes the node's ZAP handler has decided so far.
    public var authenticationCounts: BusAuthenticationCounts {
        BusAuthenticationCounts(
            accepted: core.zapAccepted.load(ordering: .relaxed), refused: core.zapRefused.load(ordering: .relaxed))
    }

    /// Creates a socket on the node's thread.
    func open(_ id: Int, _ spec: SocketSpec) async throws -> String {
        try await core.perform { .open(id: id, spec: spec, reply: $0) }
    }

    /// An inbox whose reader (socket `id`) is resumed through the node's queue.
    func makeInbox<Element: Sendable>(for id: Int, capacity: Int) -> BusInbox<Element> {
        BusInbox(capacity: capacity) { [core] in _ = core.submit(.resumeReading(id: id)) }
    }
}
