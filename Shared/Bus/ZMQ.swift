import CZeroMQ
import Foundation

/// Every libzmq call of the module goes through here: `call` retries `EINTR`, maps `EAGAIN`, `EHOSTUNREACH`,
/// `ETERM` and endpoint failures to a ``BusError`` kind, and attaches `zmq_strerror`'s text and the caller's
/// source location. The helpers below are thin typed fronts over it. None of them is thread-safe with respect
/// to a socket: the caller is the socket's one owning thread.
enum ZMQ {
    /// What a C call was doing, for the error mapping and the message.
    enum Operation: String {
        case context = "zmq_ctx_new"
        case terminate = "zmq_ctx_term"
        case socket = "zmq_socket"
        case bind = "zmq_bind"
        case connect = "zmq_connect"
        case setOption = "zmq_setsockopt"
        case getOption = "zmq_getsockopt"
        case send = "zmq_send"
        case receive = "zmq_msg_recv"
        case poll = "zmq_poll"
        case proxy = "zmq_proxy_steerable"
        case curve = "zmq_curve"
    }

    /// The text libzmq gives for `errorNumber`.
    static func errorText(_ errorNumber: Int32) -> String {
        guard let text = zmq_strerror(errorNumber) else { return "error \(errorNumber)" }
        return String(cString: text)
    }

    /// Runs `body` (a C call returning a negative value on failure and setting zmq's errno) until it does not
    /// fail with `EINTR`, and turns any other failure into a ``BusError``.
    @discardableResult
    static func call(
        _ operation: Operation, _ detail: String = "", file: String = #fileID, line: Int = #line,
        _ body: () -> Int32
    ) throws(BusError) -> Int32 {
        while true {
            let result = body()
            if result >= 0 { return result }
            let number = zmq_errno()
            if number == EINTR { continue }
            throw error(operation, detail, errorNumber: number, file: file, line: line)
        }
    }

    /// Maps a failed call's errno to the error kind callers match on.
    static func error(_ operation: Operation, _ detail: String, errorNumber number: Int32, file: String, line: Int)
        -> BusError
    {
        let subject = detail.isEmpty ? operation.rawValue : "\(operation.rawValue) \(detail)"
        let message = "\(subject): \(errorText(number))"
        switch number {
        case EAGAIN: return .wouldBlock(message: message, errorNumber: number, file: file, line: line)
        case EHOSTUNREACH: return .unknownPeer(message: message, errorNumber: number, file: file, line: line)
        case ETERM, ENOTSOCK: return .closed(message: message, errorNumber: number, file: file, line: line)
        default:
            if operation == .bind || operation == .connect {
                return .invalidEndpoint(message: message, errorNumber: number, file: file, line: line)
            }
            return .zmq(message: message, errorNumber: number, file: file, line: line)
        }
    }

    /// Creates a socket of `type` in `context`.
    static func socket(_ context: UnsafeMutableRawPointer, type: Int32, file: String = #fileID, line: Int = #line)
        throws(BusError) -> UnsafeMutableRawPointer
    {
        while true {
            if let socket = zmq_socket(context, type) { return socket }
            let number = zmq_errno()
            if number == EINTR { continue }
            throw error(.socket, "type \(type)", errorNumber: number, file: file, line: line)
        }
    }

    /// Sets an integer option.
    static func setOption(_ socket: UnsafeMutableRawPointer, _ option: Int32, _ value: Int32) throws(BusError) {
        var value = value
        try call(.setOption, "\(option)") {
            zmq_setsockopt(socket, option, &value, MemoryLayout<Int32>.size)
        }
    }

    /// Sets a binary option (keys, routing ids, subscriptions, ZAP domain).
    static func setOption(_ socket: UnsafeMutableRawPointer, _ option: Int32, bytes: [UInt8]) throws(BusError) {
        try call(.setOption, "\(option)") {
            bytes.withUnsafeBytes { zmq_setsockopt(socket, option, $0.baseAddress, $0.count) }
        }
    }

    /// The endpoint the socket last bound or connected, with a wildcard port resolved (`ZMQ_LAST_ENDPOINT`).
    static func lastEndpoint(_ socket: UnsafeMutableRawPointer) throws(BusError) -> String {
        var buffer = [CChar](repeating: 0, count: 1024)
        var size = buffer.count
        try call(.getOption, "ZMQ_LAST_ENDPOINT") {
            buffer.withUnsafeMutableBytes { zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, $0.baseAddress, &size) }
        }
        let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Binds the socket to `endpoint`.
    static func bind(_ socket: UnsafeMutableRawPointer, _ endpoint: String) throws(BusError) {
        try call(.bind, endpoint) { zmq_bind(socket, endpoint) }
    }

    /// Connects the socket to `endpoint`.
    static func connect(_ socket: UnsafeMutableRawPointer, _ endpoint: String) throws(BusError) {
        try call(.connect, endpoint) { zmq_connect(socket, endpoint) }
    }

    /// Sends a multi-part message without blocking. libzmq queues the parts of one message atomically: the
    /// high-water mark counts whole messages, so only the first part can fail with `EAGAIN`.
    static func send(_ socket: UnsafeMutableRawPointer, frames: [[UInt8]]) throws(BusError) {
        guard !frames.isEmpty else { throw BusError.invalidMessage(message: "a message has at least one frame") }
        for (index, frame) in frames.enumerated() {
            let flags = ZMQ_DONTWAIT | (index < frames.count - 1 ? ZMQ_SNDMORE : 0)
            try call(.send) {
                frame.withUnsafeBytes { zmq_send(socket, $0.baseAddress, $0.count, flags) }
            }
        }
    }

    /// One received multi-part message, and the ZAP user id of the connection it came from (the client's
    /// Z85 public key on a CurveZMQ server socket), if any.
    struct Received {
        var frames: [[UInt8]]
        var userID: String?
    }

    /// Receives one whole message without blocking; nil when none is waiting.
    static func receive(_ socket: UnsafeMutableRawPointer) throws(BusError) -> Received? {
        var received = Received(frames: [], userID: nil)
        while true {
            var message = zmq_msg_t()
            zmq_msg_init(&message)
            defer { zmq_msg_close(&message) }
            let size: Int32
            do {
                size = try call(.receive) { zmq_msg_recv(&message, socket, ZMQ_DONTWAIT) }
            } catch let error where error == .wouldBlock && received.frames.isEmpty {
                return nil
            }
            var frame = [UInt8](repeating: 0, count: Int(size))
            if size > 0, let data = zmq_msg_data(&message) {
                frame.withUnsafeMutableBytes {
                    $0.copyMemory(from: UnsafeRawBufferPointer(start: data, count: Int(size)))
                }
            }
            // A ROUTER makes up the routing id frame itself; the metadata comes with the peer's own frames.
            if received.userID == nil, let userID = zmq_msg_gets(&message, "User-Id") {
                let text = String(cString: userID)
                received.userID = text.isEmpty ? nil : text
            }
            received.frames.append(frame)
            if zmq_msg_more(&message) == 0 { return received }
        }
    }

    /// Closes the socket; pending outgoing messages follow its `ZMQ_LINGER`.
    static func close(_ socket: UnsafeMutableRawPointer) {
        _ = zmq_close(socket)
    }
}
