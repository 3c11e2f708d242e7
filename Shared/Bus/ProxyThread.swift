import CZeroMQ
import Foundation

/// The thread that runs `zmq_proxy_steerable` for a ``BusProxy``. It creates, owns and closes the proxy's
/// three sockets (XSUB, XPUB and the proxy's end of the control PAIR); nothing else touches them.
enum ProxyThread {
    /// What the thread needs; all of it `Sendable`.
    struct Setup: Sendable {
        var context: ZMQContext
        var configuration: BusProxyConfiguration
        var frontendDomain: String?
        var backendDomain: String?
        var controlEndpoint: String
    }

    /// The endpoints both sides bound.
    struct Bound: Sendable {
        var frontend: String
        var backend: String
    }

    /// Starts the thread; `started` learns the bound endpoints or why the sockets could not be set up, and
    /// `finished` is called last on the thread, once its sockets are closed (after a failed setup too).
    static func start(
        _ setup: Setup, started: CheckedContinuation<Bound, any Error>, finished: @escaping @Sendable () -> Void
    ) {
        let thread = Thread { run(setup, started: started, finished: finished) }
        thread.name = "bus-proxy"
        thread.start()
    }

    private static func run(
        _ setup: Setup, started: CheckedContinuation<Bound, any Error>, finished: @Sendable () -> Void
    ) {
        defer { finished() }
        var sockets: [UnsafeMutableRawPointer] = []
        defer { for socket in sockets { ZMQ.close(socket) } }
        func make(_ type: Int32) throws(BusError) -> UnsafeMutableRawPointer {
            let socket = try ZMQ.socket(setup.context.pointer, type: type)
            sockets.append(socket)
            return socket
        }
        let configuration = setup.configuration
        let frontend: UnsafeMutableRawPointer
        let backend: UnsafeMutableRawPointer
        let control: UnsafeMutableRawPointer
        do {
            var options = configuration.options
            options.immediate = false
            frontend = try make(ZMQ_XSUB)
            try ZMQ.configure(frontend, with: options)
            if let security = configuration.frontendSecurity, let domain = setup.frontendDomain {
                try ZMQ.configureServer(frontend, security: security, zapDomain: domain)
            }
            try ZMQ.bind(frontend, configuration.frontend)
            backend = try make(ZMQ_XPUB)
            try ZMQ.configure(backend, with: options)
            if let security = configuration.backendSecurity, let domain = setup.backendDomain {
                try ZMQ.configureServer(backend, security: security, zapDomain: domain)
            }
            try ZMQ.bind(backend, configuration.backend)
            control = try make(ZMQ_PAIR)
            try ZMQ.setOption(control, ZMQ_LINGER, 0)
            try ZMQ.bind(control, setup.controlEndpoint)
            started.resume(
                returning: Bound(frontend: try ZMQ.lastEndpoint(frontend), backend: try ZMQ.lastEndpoint(backend)))
        } catch {
            started.resume(throwing: error)
            return
        }
        // Returns after TERMINATE, or fails with ETERM when the node's context is terminated. A signal (EINTR)
        // restarts it; libzmq's counters then start again from zero.
        _ = try? ZMQ.call(.proxy) { zmq_proxy_steerable(frontend, backend, nil, control) }
    }
}
