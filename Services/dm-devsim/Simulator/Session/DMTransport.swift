/// An HTTP response to a DM POST.
public struct TransportResponse: Sendable {
    public var status: Int
    public var contentType: String?
    /// The `x-syncml-hmac` header, when the server sent one.
    public var hmacHeader: String?
    public var body: [UInt8]

    public init(status: Int, contentType: String? = nil, hmacHeader: String? = nil, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.hmacHeader = hmacHeader
        self.body = body
    }
}

/// Carries a device's DM messages to a server: HTTP(S) in production (``HTTPTransport``), an in-process handler
/// in tests.
public protocol DMTransport: Sendable {
    /// POSTs one DM message.
    /// - Parameters:
    ///   - url: the server URL or RespURI.
    ///   - body: the encoded message.
    ///   - contentType: `application/vnd.syncml.dm+xml` or `+wbxml`.
    ///   - hmacHeader: the `x-syncml-hmac` value, if any.
    ///   - dropAfter: failure injection: send only this many bytes of the body, then close the connection.
    func post(url: String, body: [UInt8], contentType: String, hmacHeader: String?, dropAfter: Int?) async throws
        -> TransportResponse
}

/// A transport failure the simulator raised itself (the injected mid-message drop).
public struct InjectedDrop: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "connection dropped mid-message (injected)" }
}
