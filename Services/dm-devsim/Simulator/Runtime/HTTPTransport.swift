public import AsyncHTTPClient
public import NIOCore
import NIOSSL
import NIOHTTP1

/// DM over HTTP(S) with AsyncHTTPClient: one shared client (and connection pool) for every simulated device.
public struct HTTPTransport: DMTransport, PackageFetcher {
    public let client: HTTPClient
    /// Time allowed for one exchange.
    public var timeout: TimeAmount
    public var userAgent: String

    public init(client: HTTPClient, timeout: TimeAmount = .seconds(30), userAgent: String = "dm-devsim/1.0 (OMA DM 1.2)") {
        self.client = client
        self.timeout = timeout
        self.userAgent = userAgent
    }

    /// A client with a pool sized for `concurrency` connections per host; `insecure` skips certificate checks
    /// (self-signed test servers).
    public static func makeClient(concurrency: Int, insecure: Bool = false) -> HTTPClient {
        var configuration =
            insecure ? HTTPClient.Configuration(certificateVerification: .none) : HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, concurrency))
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(60))
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Closes the client's connections.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func post(url: String, body: [UInt8], contentType: String, hmacHeader: String?, dropAfter: Int?) async throws
        -> TransportResponse
    {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        request.headers.add(name: "Accept", value: contentType)
        request.headers.add(name: "Accept-Charset", value: "utf-8")
        request.headers.add(name: "Cache-Control", value: "private")
        request.headers.add(name: "User-Agent", value: userAgent)
        if let hmacHeader { request.headers.add(name: "x-syncml-hmac", value: hmacHeader) }
        if let dropAfter {
            // Send part of the body under the full Content-Length, then fail the stream: the connection closes
            // mid-message.
            let part = ByteBuffer(bytes: body.prefix(dropAfter))
            let stream = AsyncThrowingStream<ByteBuffer, any Error> { continuation in
                continuation.yield(part)
                continuation.finish(throwing: InjectedDrop())
            }
            request.body = .stream(stream, length: .known(Int64(body.count)))
        } else {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return TransportResponse(
            status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
            hmacHeader: response.headers.first(name: "x-syncml-hmac"), body: Array(buffer.readableBytesView))
    }

    public func get(url: String, offset: Int, stopAfter: Int?) async throws -> FetchResponse {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: "application/vnd.oma.dd+xml, application/vnd.oma.dd2+xml, */*")
        if offset > 0 { request.headers.add(name: "Range", value: "bytes=\(offset)-") }
        let response = try await client.execute(request, timeout: timeout)
        var bytes: [UInt8] = []
        var complete = true
        do {
            for try await chunk in response.body {
                bytes += chunk.readableBytesView
                if let stopAfter, bytes.count >= stopAfter {
                    bytes = Array(bytes.prefix(stopAfter))
                    complete = false
                    break
                }
            }
        } catch {
            complete = false
        }
        return FetchResponse(
            status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"), body: bytes,
            complete: complete, length: Self.announcedLength(status: Int(response.status.code), headers: response.headers))
    }

    /// The whole object's size: a 206's `Content-Range: bytes a-b/total`, or a 200's `Content-Length`.
    static func announcedLength(status: Int, headers: HTTPHeaders) -> Int64? {
        if status == 206 {
            guard let range = headers.first(name: "Content-Range"), let slash = range.lastIndex(of: "/") else { return nil }
            return Int64(String(range[range.index(after: slash)...].filter { !$0.isWhitespace }))
        }
        return status == 200 ? headers.first(name: "Content-Length").flatMap { Int64($0) } : nil
    }

    public func postInstallNotify(url: String, body: String) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "User-Agent", value: userAgent)
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: timeout)
        _ = try? await response.body.collect(upTo: 1 << 16)
        return Int(response.status.code)
    }
}
