/// A SyncML response status code (RepPro 1.2 §10) with its meaning.
///
/// Codes not in the catalogue are still representable; ``meaning`` then says which class they belong to.
public struct StatusCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// The code's meaning from the catalogue, or its class for an unknown code.
    public var meaning: String {
        if let known = StatusCode.meanings[rawValue] { return known }
        switch rawValue {
        case 100..<200: return "Informational"
        case 200..<300: return "Successful"
        case 300..<400: return "Redirection"
        case 400..<500: return "Originator exception"
        case 500..<600: return "Recipient exception"
        default: return "Unknown status"
        }
    }

    /// True for 2xx codes.
    public var isSuccess: Bool { (200..<300).contains(rawValue) }
    /// True for codes the catalogue knows.
    public var isKnown: Bool { StatusCode.meanings[rawValue] != nil }
    public var description: String { "\(rawValue) \(meaning)" }

    public static let inProgress = StatusCode(101)
    public static let ok = StatusCode(200)
    public static let itemAdded = StatusCode(201)
    public static let acceptedForProcessing = StatusCode(202)
    public static let authenticationAccepted = StatusCode(212)
    public static let chunkedItemAccepted = StatusCode(213)
    public static let operationCancelled = StatusCode(214)
    public static let notExecuted = StatusCode(215)
    public static let atomicRollBackOK = StatusCode(216)
    public static let notModified = StatusCode(304)
    public static let badRequest = StatusCode(400)
    public static let invalidCredentials = StatusCode(401)
    public static let forbidden = StatusCode(403)
    public static let notFound = StatusCode(404)
    public static let commandNotAllowed = StatusCode(405)
    public static let optionalFeatureNotSupported = StatusCode(406)
    public static let missingCredentials = StatusCode(407)
    public static let requestTimeout = StatusCode(408)
    public static let incompleteCommand = StatusCode(412)
    public static let requestEntityTooLarge = StatusCode(413)
    public static let uriTooLong = StatusCode(414)
    public static let unsupportedMediaType = StatusCode(415)
    public static let requestedSizeTooBig = StatusCode(416)
    public static let retryLater = StatusCode(417)
    public static let alreadyExists = StatusCode(418)
    public static let deviceFull = StatusCode(420)
    public static let sizeMismatch = StatusCode(424)
    public static let permissionDenied = StatusCode(425)
    public static let commandFailed = StatusCode(500)
    public static let commandNotImplemented = StatusCode(501)
    public static let serviceUnavailable = StatusCode(503)
    public static let dtdVersionNotSupported = StatusCode(505)
    public static let processingError = StatusCode(506)
    public static let atomicFailed = StatusCode(507)
    public static let dataStoreFailure = StatusCode(510)
    public static let serverFailure = StatusCode(511)
    public static let protocolVersionNotSupported = StatusCode(513)
    public static let operationCancelledByRecipient = StatusCode(514)
    public static let atomicRollBackFailed = StatusCode(516)
    public static let atomicResponseTooLarge = StatusCode(517)

    /// Every code of SyncML RepPro 1.2 §10 with its meaning.
    public static let meanings: [Int: String] = [
        101: "In progress", 200: "OK", 201: "Item added", 202: "Accepted for processing",
        203: "Non-authoritative response", 204: "No content", 205: "Reset content", 206: "Partial content",
        207: "Conflict resolved with merge", 208: "Conflict resolved with client's command winning",
        209: "Conflict resolved with duplicate", 210: "Delete without archive", 211: "Item not deleted",
        212: "Authentication accepted", 213: "Chunked item accepted and buffered", 214: "Operation cancelled",
        215: "Not executed", 216: "Atomic roll back OK", 300: "Multiple choices", 301: "Moved permanently",
        302: "Found", 303: "See other", 304: "Not modified", 305: "Use proxy", 400: "Bad request",
        401: "Invalid credentials", 402: "Payment needed", 403: "Forbidden", 404: "Not found",
        405: "Command not allowed", 406: "Optional feature not supported", 407: "Missing credentials",
        408: "Request timeout", 409: "Conflict", 410: "Gone", 411: "Size required", 412: "Incomplete command",
        413: "Request entity too large", 414: "URI too long", 415: "Unsupported media type or format",
        416: "Requested size too big", 417: "Retry later", 418: "Already exists",
        419: "Conflict resolved with server data", 420: "Device full", 421: "Unknown search grammar",
        422: "Bad CGI script", 423: "Soft-delete conflict", 424: "Size mismatch", 425: "Permission denied",
        426: "Partial item not accepted", 427: "Item not empty", 428: "Move failed", 500: "Command failed",
        501: "Command not implemented", 502: "Bad gateway", 503: "Service unavailable", 504: "Gateway timeout",
        505: "DTD version not supported", 506: "Processing error", 507: "Atomic failed", 508: "Refresh required",
        509: "Reserved", 510: "Data store failure", 511: "Server failure", 512: "Synchronization failed",
        513: "Protocol version not supported", 514: "Operation cancelled", 516: "Atomic roll back failed",
        517: "Atomic response too large to fit",
    ]
}
