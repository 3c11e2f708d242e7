/// A PAP status: the `code` and `desc` attributes of `response-result`, `badmessage-response` and
/// `resultnotification-message`.
///
/// Codes are grouped by their first digit: 1xxx success, 2xxx client error, 3xxx server error, 4xxx service
/// failure, 5xxx mobile device aborted.
public struct PAPResult: Sendable, Hashable {
    /// The status code (1001 is "accepted for processing").
    public var code: Int
    /// The human-readable `desc`, when given.
    public var description: String?

    /// Creates a result.
    public init(code: Int, description: String? = nil) {
        self.code = code
        self.description = description
    }

    /// 1000: the request succeeded.
    public static let ok = 1000
    /// 1001: the request was accepted for processing.
    public static let acceptedForProcessing = 1001
    /// 2007: the push ID was not unique.
    public static let duplicatePushID = 2007

    /// True for codes 1000-1999.
    public var isSuccess: Bool { (1000..<2000).contains(code) }

    /// The class of the code.
    public var category: Category {
        switch code {
        case 1000..<2000: .success
        case 2000..<3000: .clientError
        case 3000..<4000: .serverError
        case 4000..<5000: .serviceFailure
        case 5000..<6000: .mobileClientAborted
        default: .unknown
        }
    }

    /// The classes of PAP status codes.
    public enum Category: String, Sendable, Hashable {
        /// 1xxx: the request succeeded or was accepted.
        case success
        /// 2xxx: the request was wrong (bad syntax, address error, duplicate push ID...).
        case clientError
        /// 3xxx: the PPG failed (internal error, not implemented, required bearer not available...).
        case serverError
        /// 4xxx: the service failed; the initiator may try again.
        case serviceFailure
        /// 5xxx: the device aborted the push.
        case mobileClientAborted
        /// Any other code.
        case unknown
    }
}
