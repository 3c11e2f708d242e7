public import SyncML

/// Why a session starts: the Alert code of package 1 and the SessionID to use.
public enum SessionTrigger: Sendable, Hashable {
    /// Alert 1201 with a SessionID the device picks.
    case clientInitiated
    /// Alert 1200 after a Package #0, with the notification's session ID (uppercase hex).
    case serverInitiated(sessionID: String)
}

/// A message the device sends: where, its bytes and headers.
public struct OutgoingMessage: Sendable {
    /// The URL to POST to (the server URL, or the last RespURI).
    public var url: String
    public var message: SyncMLMessage
    public var body: [UInt8]
    public var contentType: String
    /// The `x-syncml-hmac` header value when the device authenticates with HMAC.
    public var hmacHeader: String?
}

/// A server response: the HTTP body and the `x-syncml-hmac` header, if any.
public struct IncomingMessage: Sendable {
    public var body: [UInt8]
    public var hmacHeader: String?

    public init(body: [UInt8], hmacHeader: String? = nil) {
        self.body = body
        self.hmacHeader = hmacHeader
    }
}

/// How a session ended.
public enum SessionOutcome: Sendable, Hashable {
    /// The server closed the session (a package of only Statuses and Final).
    case completed
    /// The server aborted with Alert 1223.
    case abortedByServer
    /// The server refused the device's credentials after the retries allowed.
    case authenticationFailed
    /// The server's credentials were wrong (the device answered 401).
    case serverRejected
    /// The server's message could not be decoded or broke the protocol.
    case protocolError(String)
    /// HTTP failed: connection refused or dropped, a non-200 status, a timeout.
    case transportError(String)

    /// A short name for error counts (`completed`, `auth`, `server-auth`, `protocol`, `transport`, `aborted`).
    public var kind: String {
        switch self {
        case .completed: "completed"
        case .abortedByServer: "aborted"
        case .authenticationFailed: "auth"
        case .serverRejected: "server-auth"
        case .protocolError: "protocol"
        case .transportError: "transport"
        }
    }

    public var isSuccess: Bool { self == .completed }
}

/// What the session wants next.
public enum SessionStep: Sendable {
    case send(OutgoingMessage)
    case finished(SessionOutcome)
}

/// When the device insists on the server's credentials.
public enum ServerAuthPolicy: String, Sendable, Hashable, Codable {
    /// Check the server's Cred when it sends one (401 for a wrong one); accept a server without Cred.
    case ifPresent
    /// Challenge a server that sends no Cred (407 with a Chal) and refuse wrong ones (401).
    case required
}
