/// A request from Swift code to a node's thread, carried out in order on that thread. Each carries the
/// continuation of the task that waits for it.
enum BusOperation: Sendable {
    /// Create, configure and bind or connect a socket; the result is its `ZMQ_LAST_ENDPOINT`.
    case open(id: Int, spec: SocketSpec, reply: CheckedContinuation<String, any Error>)
    /// Send multi-part messages, in order, each without blocking; `reply` is called on the node's thread with the
    /// outcome (the first failure; every message is tried).
    case send(id: Int, messages: [[[UInt8]]], reply: @Sendable (Result<Void, any Error>) -> Void)
    /// Set a binary socket option (subscribe, unsubscribe).
    case setOption(id: Int, option: Int32, value: [UInt8], reply: CheckedContinuation<Void, any Error>)
    /// Close a socket; nil when nobody waits (a handle that went away).
    case close(id: Int, reply: CheckedContinuation<Void, Never>?)
    /// A socket's consumer has taken enough messages: poll it for input again.
    case resumeReading(id: Int)
    /// Make the ZAP handler accept `security`'s clients under a new domain, for sockets the node's thread
    /// does not own (the proxy's); the result is the domain.
    case registerZAPDomain(security: CurveServerSecurity, reply: CheckedContinuation<String, any Error>)

    /// Completes the operation with ``BusError/closed`` without carrying it out.
    func reject() {
        switch self {
        case .open(_, _, let reply): reply.resume(throwing: BusError.closed(message: "the bus node has shut down"))
        case .send(_, _, let reply): reply(.failure(BusError.closed(message: "the bus node has shut down")))
        case .setOption(_, _, _, let reply):
            reply.resume(throwing: BusError.closed(message: "the bus node has shut down"))
        case .close(_, let reply): reply?.resume()
        case .resumeReading: break
        case .registerZAPDomain(_, let reply):
            reply.resume(throwing: BusError.closed(message: "the bus node has shut down"))
        }
    }
}
