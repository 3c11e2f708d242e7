/// A response to a package or descriptor GET.
public struct FetchResponse: Sendable {
    public var status: Int
    public var contentType: String?
    public var body: [UInt8]
    /// False when the body stopped early (a dropped connection, real or injected).
    public var complete: Bool
    /// The size of the whole object as the server announced it: the `Content-Length` of a 200, the total of a
    /// 206's `Content-Range`; nil when the server did not say.
    public var length: Int64?

    public init(status: Int, contentType: String? = nil, body: [UInt8], complete: Bool = true, length: Int64? = nil) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.complete = complete
        self.length = length
    }
}

/// Fetches descriptors and packages from a download server and posts install-notify reports: HTTP in
/// production (``HTTPPackageFetcher``), a closure in tests.
public protocol PackageFetcher: Sendable {
    /// GETs `url`, from byte `offset` on (`Range: bytes=<offset>-`) when offset > 0.
    /// - Parameter stopAfter: failure injection: read at most this many bytes, then drop the connection.
    func get(url: String, offset: Int, stopAfter: Int?) async throws -> FetchResponse
    /// POSTs an install-notify report (`900 Success`); returns the HTTP status.
    func postInstallNotify(url: String, body: String) async throws -> Int
}
