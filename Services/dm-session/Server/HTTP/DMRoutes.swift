import HTTPTypes
public import Hummingbird
import NIOCore

extension DMServer {
    /// The router of the DM port: POST on every configured path, and on `<path>/<token>` for the RespURI.
    /// - Parameter scheme: `http` or `https`, for RespURI when no public URL is configured.
    public func makeRouter(scheme: String = "http") -> Router<BasicRequestContext> {
        let router = Router()
        for path in configuration.paths {
            router.post(RouterPath(path)) { request, context in
                try await self.respond(to: request, context: context, path: path, token: nil, scheme: scheme)
            }
            router.post(RouterPath(path + "/:token")) { request, context in
                try await self.respond(
                    to: request, context: context, path: path, token: context.parameters.get("token"), scheme: scheme)
            }
        }
        return router
    }

    /// The `x-syncml-hmac` header name.
    static let hmacField = HTTPField.Name("x-syncml-hmac")!

    func respond(
        to request: Request, context: BasicRequestContext, path: String, token: String?, scheme: String
    ) async throws -> Response {
        let limit = configuration.limits.maxMessageSize
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return Self.response(.error(413, "message too large"))
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return Self.response(.error(413, "message too large"))
        } catch {
            // The body stopped short (the device dropped the connection): nothing to answer but the fact.
            return Self.response(.error(400, "incomplete message body"))
        }
        let host = request.head.authority ?? "\(configuration.host):\(configuration.port)"
        let answer = await handle(
            body: Array(buffer.readableBytesView), contentType: request.headers[.contentType],
            hmacHeader: request.headers[Self.hmacField], path: path, token: token, baseURL: "\(scheme)://\(host)")
        return Self.response(answer)
    }

    static func response(_ answer: Answer) -> Response {
        var headers: HTTPFields = [.contentType: answer.contentType, .cacheControl: "private, no-store"]
        if let hmac = answer.hmacHeader { headers[hmacField] = hmac }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
