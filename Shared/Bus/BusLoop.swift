import CZeroMQ

/// The poll loop of one node, run on the node's own thread; it owns every socket the node creates.
///
/// Each turn polls the wake-up pipe and every socket with input to read, carries out the queued operations,
/// then reads each readable socket a bounded batch at a time, so sends are never starved by a busy input.
/// Nothing here is touched by another thread: Swift callers reach it only through ``BusNodeCore``.
final class BusLoop {
    private final class Socket {
        let handle: UnsafeMutableRawPointer
        let kind: SocketSpec.Kind
        let delivery: Delivery
        let zapDomain: String?
        var paused = false

        init(handle: UnsafeMutableRawPointer, kind: SocketSpec.Kind, delivery: Delivery, zapDomain: String?) {
            self.handle = handle
            self.kind = kind
            self.delivery = delivery
            self.zapDomain = zapDomain
        }

        var readsInput: Bool {
            if case .none = delivery { return false }
            return !paused
        }
    }

    /// Messages read from one socket per turn.
    private static let batch = 128

    private let core: BusNodeCore
    private var sockets: [Int: Socket] = [:]
    private var zap: ZAPHandler?

    init(core: BusNodeCore) { self.core = core }

    /// Runs until shutdown is requested, then closes every socket, terminates the context and releases the
    /// waiters of ``BusNodeCore/waitUntilStopped()``.
    func run() {
        var items: [zmq_pollitem_t] = []
        var ids: [Int] = []
        while true {
            items.removeAll(keepingCapacity: true)
            ids.removeAll(keepingCapacity: true)
            items.append(
                zmq_pollitem_t(socket: nil, fd: core.wake.readDescriptor, events: Int16(ZMQ_POLLIN), revents: 0))
            // The ZAP handler may appear while operations run below; only one that was polled is read.
            let polledZAP = zap
            if let polledZAP {
                items.append(zmq_pollitem_t(socket: polledZAP.socket, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0))
            }
            let first = items.count
            for (id, socket) in sockets where socket.readsInput {
                items.append(zmq_pollitem_t(socket: socket.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0))
                ids.append(id)
            }
            do {
                try ZMQ.call(.poll) { zmq_poll(&items, Int32(items.count), -1) }
            } catch {
                // Only a broken context or socket set fails here; stopping closes what is left.
                break
            }
            if items[0].revents & Int16(ZMQ_POLLIN) != 0 { core.wake.drain() }
            let (operations, stopping) = core.takeOperations()
            for operation in operations { execute(operation) }
            if stopping { break }
            if let polledZAP, items[1].revents & Int16(ZMQ_POLLIN) != 0 { polledZAP.handleRequests() }
            for (offset, id) in ids.enumerated() where items[first + offset].revents & Int16(ZMQ_POLLIN) != 0 {
                read(id)
            }
        }
        finish()
    }

    private func finish() {
        for (_, socket) in sockets {
            ZMQ.close(socket.handle)
            socket.delivery.finish()
        }
        sockets.removeAll()
        zap?.close()
        zap = nil
        core.requestStop()
        for operation in core.takeOperations().operations { operation.reject() }
        // Returns once every socket of the context is closed (the proxy's included) and their linger is over.
        _ = try? ZMQ.call(.terminate) { zmq_ctx_term(core.context.pointer) }
        core.markStopped()
    }

    private func read(_ id: Int) {
        guard let socket = sockets[id] else { return }
        for _ in 0..<Self.batch {
            guard let message = try? ZMQ.receive(socket.handle) else { return }
            let keepReading: Bool
            switch socket.delivery {
            case .none: keepReading = true
            case .handler(let handle):
                handle(message.frames)
                keepReading = true
            case .events(let sink): keepReading = sink.deliver(message.frames)
            case .frames(let inbox): keepReading = inbox.deliver(message.frames)
            case .routed(let inbox):
                guard let peer = message.frames.first else { continue }
                let routed = RoutedMessage(
                    peer: peer, frames: Array(message.frames.dropFirst()), clientKey: message.userID)
                keepReading = inbox.deliver(routed)
            }
            if !keepReading {
                socket.paused = true
                return
            }
        }
    }

    private func execute(_ operation: BusOperation) {
        switch operation {
        case .open(let id, let spec, let reply):
            do {
                reply.resume(returning: try open(id, spec))
            } catch {
                reply.resume(throwing: error)
            }
        case .send(let id, let messages, let reply):
            guard let socket = sockets[id] else {
                reply(.failure(BusError.closed(message: "the socket is closed")))
                return
            }
            var failure: BusError?
            for frames in messages {
                do {
                    try ZMQ.send(socket.handle, frames: frames)
                } catch {
                    if failure == nil { failure = error }
                }
            }
            reply(failure.map { .failure($0) } ?? .success(()))
        case .setOption(let id, let option, let value, let reply):
            guard let socket = sockets[id] else {
                reply.resume(throwing: BusError.closed(message: "the socket is closed"))
                return
            }
            do {
                try ZMQ.setOption(socket.handle, option, bytes: value)
                reply.resume()
            } catch {
                reply.resume(throwing: error)
            }
        case .close(let id, let reply):
            if let socket = sockets.removeValue(forKey: id) {
                ZMQ.close(socket.handle)
                socket.delivery.finish()
                if let domain = socket.zapDomain { zap?.unregister(domain) }
            }
            reply?.resume()
        case .resumeReading(let id):
            sockets[id]?.paused = false
        case .registerZAPDomain(let security, let reply):
            do {
                reply.resume(returning: try zapHandler().register(security))
            } catch {
                reply.resume(throwing: error)
            }
        }
    }

    private func zapHandler() throws(BusError) -> ZAPHandler {
        if let zap { return zap }
        let handler = try ZAPHandler(context: core.context, core: core)
        zap = handler
        return handler
    }

    private func open(_ id: Int, _ spec: SocketSpec) throws(BusError) -> String {
        let handle = try ZMQ.socket(core.context.pointer, type: spec.kind.zmqType)
        var domain: String?
        do {
            try ZMQ.configure(handle, with: spec.options)
            switch spec.security {
            case .none: break
            case .server(let security):
                let registered = try zapHandler().register(security)
                domain = registered
                try ZMQ.configureServer(handle, security: security, zapDomain: registered)
            case .client(let security):
                try ZMQ.configureClient(handle, security: security)
            }
            switch spec.kind {
            case .router:
                try ZMQ.setOption(handle, ZMQ_ROUTER_MANDATORY, 1)
                try ZMQ.setOption(handle, ZMQ_ROUTER_HANDOVER, 1)
            case .dealer:
                if let routingID = spec.routingID { try ZMQ.setOption(handle, ZMQ_ROUTING_ID, bytes: routingID) }
            case .subscriber:
                for prefix in spec.subscriptions { try ZMQ.setOption(handle, ZMQ_SUBSCRIBE, bytes: prefix) }
            case .publisher, .pair:
                break
            }
            switch spec.endpoint {
            case .bind(let endpoint): try ZMQ.bind(handle, endpoint)
            case .connect(let endpoint): try ZMQ.connect(handle, endpoint)
            }
            let endpoint = try ZMQ.lastEndpoint(handle)
            sockets[id] = Socket(handle: handle, kind: spec.kind, delivery: spec.delivery, zapDomain: domain)
            return endpoint
        } catch {
            ZMQ.close(handle)
            if let domain { zap?.unregister(domain) }
            throw error
        }
    }
}

extension SocketSpec.Kind {
    var zmqType: Int32 {
        switch self {
        case .publisher: ZMQ_PUB
        case .subscriber: ZMQ_SUB
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .pair: ZMQ_PAIR
        }
    }
}
