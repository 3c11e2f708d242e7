import CZeroMQ
import Synchronization

/// The node's ZeroMQ Authentication Protocol handler (ZeroMQ RFC 27): a REP socket on
/// `inproc://zeromq.zap.01` in the node's context, owned by the node's thread.
///
/// Each CurveZMQ server socket of the context gets its own ZAP domain; a handshake is accepted when its
/// mechanism is CURVE and the client's public key is listed for that domain, refused (status 400) otherwise.
/// Accepted connections carry the client's Z85 public key as their user id.
final class ZAPHandler {
    static let endpoint = "inproc://zeromq.zap.01"

    let socket: UnsafeMutableRawPointer
    private var domains: [String: Set<[UInt8]>] = [:]
    private var nextDomain = 0
    private let core: BusNodeCore

    init(context: ZMQContext, core: BusNodeCore) throws(BusError) {
        let socket = try ZMQ.socket(context.pointer, type: ZMQ_REP)
        do {
            try ZMQ.setOption(socket, ZMQ_LINGER, 0)
            try ZMQ.bind(socket, Self.endpoint)
        } catch {
            ZMQ.close(socket)
            throw error
        }
        self.socket = socket
        self.core = core
    }

    /// A new domain whose clients are `security`'s allowed keys.
    func register(_ security: CurveServerSecurity) -> String {
        nextDomain += 1
        let domain = "dm-bus-\(nextDomain)"
        domains[domain] = security.allowedKeyBytes
        return domain
    }

    /// Forgets a domain (its socket has closed).
    func unregister(_ domain: String) {
        domains[domain] = nil
    }

    /// Answers every waiting request.
    func handleRequests() {
        while let request = try? ZMQ.receive(socket) {
            let reply = answer(request.frames)
            // A REP socket must answer before it can receive again; on inproc the send cannot block.
            try? ZMQ.send(socket, frames: reply)
        }
    }

    private func answer(_ frames: [[UInt8]]) -> [[UInt8]] {
        let version = Array("1.0".utf8)
        let requestID = frames.count > 1 ? frames[1] : []
        func reply(_ status: String, _ text: String, user: String = "") -> [[UInt8]] {
            [version, requestID, Array(status.utf8), Array(text.utf8), Array(user.utf8), []]
        }
        guard frames.count >= 7, frames[0] == version else {
            core.zapRefused.add(1, ordering: .relaxed)
            return reply("500", "malformed ZAP request")
        }
        let domain = String(decoding: frames[2], as: UTF8.self)
        let mechanism = String(decoding: frames[5], as: UTF8.self)
        let key = frames[6]
        guard mechanism == "CURVE", let allowed = domains[domain], allowed.contains(key),
            let user = Z85.encodeKey(key)
        else {
            core.zapRefused.add(1, ordering: .relaxed)
            return reply("400", "client key not allowed")
        }
        core.zapAccepted.add(1, ordering: .relaxed)
        return reply("200", "OK", user: user)
    }

    func close() { ZMQ.close(socket) }
}
