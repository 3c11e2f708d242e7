/// A PAP `badmessage-response`: the PPG could not make sense of the request.
public struct PAPBadMessageResponse: Sendable, Hashable {
    /// The code (2000 bad request, 3002 version not supported...) and description.
    public var result: PAPResult
    /// `bad-message-fragment`: the part of the request the PPG could not parse, when given.
    public var badMessageFragment: String?

    /// Creates a bad-message response.
    public init(result: PAPResult, badMessageFragment: String? = nil) {
        self.result = result
        self.badMessageFragment = badMessageFragment
    }
}
