import Synchronization

/// The bus hub: libzmq's own `zmq_proxy_steerable` between an XSUB side (publishers connect) and an XPUB side
/// (subscribers connect), on a thread of its own, steered through a control socket.
///
/// The proxy has its own ``BusNode``, whose thread owns the control socket's other end and the ZAP handler
/// that checks CurveZMQ clients on either side.
///
/// ```swift
/// let proxy = try await BusProxy.start(BusProxyConfiguration())
/// let counts = try await proxy.statistics()
/// await proxy.stop()
/// ```
public final class BusProxy: Sendable {
    private let node: BusNode
    private let control: SocketReference
    private let replies: ReplyQueue
    private let exited: Latch
    private let stopping = Atomic<Bool>(false)
    /// The XSUB endpoint bound, with a wildcard port resolved.
    public let frontendEndpoint: String
    /// The XPUB endpoint bound, with a wildcard port resolved.
    public let backendEndpoint: String

    private init(
        node: BusNode, control: SocketReference, replies: ReplyQueue, exited: Latch, bound: ProxyThread.Bound
    ) {
        self.node = node
        self.control = control
        self.replies = replies
        self.exited = exited
        self.frontendEndpoint = bound.frontend
        self.backendEndpoint = bound.backend
    }

    /// Binds both sides and starts proxying.
    /// - Throws: ``BusError/invalidEndpoint`` when a side cannot be bound (address in use, malformed),
    ///   ``BusError/unsupported`` for CurveZMQ without libzmq support.
    public static func start(_ configuration: BusProxyConfiguration) async throws -> BusProxy {
        let node = try BusNode(name: "proxy")
        do {
            return try await start(configuration, on: node)
        } catch {
            await node.shutdown()
            throw error
        }
    }

    private static func start(_ configuration: BusProxyConfiguration, on node: BusNode) async throws -> BusProxy {
        var setup = ProxyThread.Setup(
            context: node.core.context, configuration: configuration, controlEndpoint: "inproc://bus-proxy-control")
        if let security = configuration.frontendSecurity {
            setup.frontendDomain = try await node.core.perform { .registerZAPDomain(security: security, reply: $0) }
        }
        if let security = configuration.backendSecurity {
            setup.backendDomain = try await node.core.perform { .registerZAPDomain(security: security, reply: $0) }
        }
        let exited = Latch()
        let replies = ReplyQueue()
        let bound = try await withCheckedThrowingContinuation { continuation in
            ProxyThread.start(setup, started: continuation) {
                replies.failAll(BusError.closed(message: "the proxy has stopped"))
                exited.open()
            }
        }
        let id = node.core.makeSocketID()
        let spec = SocketSpec(
            kind: .pair, endpoint: .connect(setup.controlEndpoint), options: BusSocketOptions(),
            delivery: .handler { frames in replies.deliver(frames) })
        do {
            _ = try await node.open(id, spec)
        } catch {
            await node.shutdown()
            await exited.wait()
            throw error
        }
        return BusProxy(
            node: node, control: SocketReference(node: node, id: id), replies: replies, exited: exited, bound: bound)
    }

    /// The proxy's message counts so far.
    /// - Throws: ``BusError/closed`` once the proxy is stopping.
    public func statistics() async throws -> BusProxyStatistics {
        guard !stopping.load(ordering: .acquiring) else {
            throw BusError.closed(message: "the proxy has stopped")
        }
        return try await withCheckedThrowingContinuation { continuation in
            guard replies.enqueue(continuation) else { return }
            control.send([Array("STATISTICS".utf8)]) { [replies] result in
                if case .failure(let error) = result { replies.failAll(error) }
            }
        }
    }

    /// Suspends proxying; messages wait in libzmq's queues (up to the high-water marks) until ``resume()``.
    public func pause() async throws { try await command("PAUSE") }

    /// Resumes proxying after ``pause()``.
    public func resume() async throws { try await command("RESUME") }

    private func command(_ word: String) async throws {
        guard !stopping.load(ordering: .acquiring) else {
            throw BusError.closed(message: "the proxy has stopped")
        }
        try await control.send([Array(word.utf8)])
    }

    /// The CurveZMQ handshakes the proxy's ZAP handler has decided so far.
    public var authenticationCounts: BusAuthenticationCounts { node.authenticationCounts }

    /// Whether the proxy thread has finished.
    public var hasStopped: Bool { exited.isOpen }

    /// Terminates the proxy (TERMINATE on the control socket), waits for its thread, then shuts the proxy's
    /// node down. If the command cannot be sent, terminating the context ends the proxy instead. Idempotent.
    public func stop() async {
        if !stopping.exchange(true, ordering: .acquiringAndReleasing) {
            do {
                try await control.send([Array("TERMINATE".utf8)])
                await exited.wait()
            } catch {
                // The node is already going down; terminating its context ends the proxy (ETERM).
            }
            replies.failAll(BusError.closed(message: "the proxy has stopped"))
        }
        await node.shutdown()
        await exited.wait()
    }
}

/// Callers waiting for `STATISTICS` replies, answered in order.
private final class ReplyQueue: Sendable {
    private let state = Mutex<(closed: Bool, waiters: [CheckedContinuation<BusProxyStatistics, any Error>])>(
        (false, []))

    /// Adds a waiter; false (and the waiter failed) once the queue is closed.
    func enqueue(_ waiter: CheckedContinuation<BusProxyStatistics, any Error>) -> Bool {
        let accepted = state.withLock { state in
            guard !state.closed else { return false }
            state.waiters.append(waiter)
            return true
        }
        if !accepted { waiter.resume(throwing: BusError.closed(message: "the proxy has stopped")) }
        return accepted
    }

    /// A reply from the proxy, for the oldest waiter.
    func deliver(_ frames: [[UInt8]]) {
        let waiter = state.withLock { $0.waiters.isEmpty ? nil : $0.waiters.removeFirst() }
        guard let waiter else { return }
        if let statistics = BusProxyStatistics(frames: frames) {
            waiter.resume(returning: statistics)
        } else {
            waiter.resume(throwing: BusError.zmq(message: "unexpected proxy statistics reply"))
        }
    }

    /// Fails every waiter; with ``BusError/closed`` the queue also takes no more.
    func failAll(_ error: any Error) {
        let waiters = state.withLock { state in
            if let error = error as? BusError, error == .closed { state.closed = true }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }
}
