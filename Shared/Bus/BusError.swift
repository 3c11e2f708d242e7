/// An error from the bus: a failed libzmq call, a send that would block, an unknown peer, a bad key.
///
/// Match an error by its kind with `==` against the static members; the zmq `errno`, the library's text, the
/// failed operation and the source location are context for logs and do not take part in the comparison.
///
/// ```swift
/// do {
///     try await router.send(to: peer, frames: reply)
/// } catch let error as BusError where error == .unknownPeer {
///     // the dealer has gone away; the command will be asked for again
/// }
/// ```
public struct BusError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case wouldBlock
        case unknownPeer
        case invalidEndpoint
        case invalidKey
        case invalidMessage
        case unsupported
        case closed
        case systemCall
        case zmq
    }

    private let code: Code
    /// The `errno` value libzmq (or the C library) reported, when a C call failed.
    public let errorNumber: Int32?
    /// What went wrong, with `zmq_strerror`'s text when a C call failed.
    public let message: String
    /// The source file that raised the error.
    public let file: String
    /// The source line that raised the error.
    public let line: Int

    private init(_ code: Code, errorNumber: Int32?, message: String, file: String, line: Int) {
        self.code = code
        self.errorNumber = errorNumber
        self.message = message
        self.file = file
        self.line = line
    }

    public static func == (lhs: BusError, rhs: BusError) -> Bool { lhs.code == rhs.code }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public var description: String {
        let number = errorNumber.map { " (errno \($0))" } ?? ""
        return "BusError.\(code): \(message)\(number) at \(file):\(line)"
    }

    /// A send that would block: no peer is connected yet, or the socket's high-water mark is reached.
    /// Nothing was queued; send again later.
    public static var wouldBlock: BusError { .wouldBlock(message: "") }
    /// A ROUTER send to a routing id that is not connected (`ZMQ_ROUTER_MANDATORY`).
    public static var unknownPeer: BusError { .unknownPeer(message: "") }
    /// An endpoint that cannot be bound or connected: malformed, unsupported transport, address in use.
    public static var invalidEndpoint: BusError { .invalidEndpoint(message: "") }
    /// A CurveZMQ key that is not 40 characters of Z85, or a public key that does not belong to its secret key.
    public static var invalidKey: BusError { .invalidKey(message: "") }
    /// A message that cannot be sent: one without frames.
    public static var invalidMessage: BusError { .invalidMessage(message: "") }
    /// A capability this libzmq lacks, such as CurveZMQ.
    public static var unsupported: BusError { .unsupported(message: "") }
    /// The socket was closed, or its node (or proxy) has shut down.
    public static var closed: BusError { .closed(message: "") }
    /// A C library call outside libzmq failed (for instance creating the wake-up pipe).
    public static var systemCall: BusError { .systemCall(message: "") }
    /// Any other libzmq failure; ``errorNumber`` says which.
    public static var zmq: BusError { .zmq(message: "") }

    static func wouldBlock(message: String, errorNumber: Int32? = nil, file: String = #fileID, line: Int = #line)
        -> BusError
    { BusError(.wouldBlock, errorNumber: errorNumber, message: message, file: file, line: line) }

    static func unknownPeer(message: String, errorNumber: Int32? = nil, file: String = #fileID, line: Int = #line)
        -> BusError
    { BusError(.unknownPeer, errorNumber: errorNumber, message: message, file: file, line: line) }

    static func invalidEndpoint(
        message: String, errorNumber: Int32? = nil, file: String = #fileID, line: Int = #line
    ) -> BusError { BusError(.invalidEndpoint, errorNumber: errorNumber, message: message, file: file, line: line) }

    static func invalidKey(message: String, file: String = #fileID, line: Int = #line) -> BusError {
        BusError(.invalidKey, errorNumber: nil, message: message, file: file, line: line)
    }

    static func invalidMessage(message: String, file: String = #fileID, line: Int = #line) -> BusError {
        BusError(.invalidMessage, errorNumber: nil, message: message, file: file, line: line)
    }

    static func unsupported(message: String, file: String = #fileID, line: Int = #line) -> BusError {
        BusError(.unsupported, errorNumber: nil, message: message, file: file, line: line)
    }

    static func closed(message: String, errorNumber: Int32? = nil, file: String = #fileID, line: Int = #line)
        -> BusError
    { BusError(.closed, errorNumber: errorNumber, message: message, file: file, line: line) }

    static func systemCall(message: String, errorNumber: Int32? = nil, file: String = #fileID, line: Int = #line)
        -> BusError
    { BusError(.systemCall, errorNumber: errorNumber, message: message, file: file, line: line) }

    static func zmq(message: String, errorNumber: Int32? = nil, file: String = #fileID, line: Int = #line)
        -> BusError
    { BusError(.zmq, errorNumber: errorNumber, message: message, file: file, line: line) }
}
