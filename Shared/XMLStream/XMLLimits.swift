/// Explicit bounds on what an XML (or WBXML) document may cost to decode.
///
/// Every decoder in the stack takes one of these; operators tune them through service configuration.
/// The defaults are generous for OMA DM traffic (a device's MaxMsgSize is rarely above 64 KB, a Large Object
/// chunk rarely above 1 MB) and still stop hostile input early.
public struct XMLLimits: Sendable, Hashable {
    /// Largest document accepted, in bytes.
    public var maxBytes: Int
    /// Deepest element nesting accepted (the root element is depth 1).
    public var maxDepth: Int
    /// Most elements accepted in one document.
    public var maxElements: Int

    /// - Parameters:
    ///   - maxBytes: largest document in bytes (default 4 MiB).
    ///   - maxDepth: deepest nesting (default 32; a DM message with nested Atomic/Sequence needs about 10).
    ///   - maxElements: most elements (default 200,000).
    public init(maxBytes: Int = 4 << 20, maxDepth: Int = 32, maxElements: Int = 200_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }

    /// The defaults: 4 MiB, depth 32, 200,000 elements.
    public static let `default` = XMLLimits()
}
