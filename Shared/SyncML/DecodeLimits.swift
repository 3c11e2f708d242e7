/// Explicit, configurable bounds on decoding one SyncML message, XML or WBXML.
public struct DecodeLimits: Sendable, Hashable {
    /// Largest message accepted, in bytes.
    public var maxMessageBytes: Int
    /// Deepest element nesting (the root is depth 1).
    public var maxDepth: Int
    /// Most elements in one message.
    public var maxElements: Int
    /// Most Items in one message, over all commands.
    public var maxItems: Int
    /// Most commands in one message, counting those nested in Atomic and Sequence.
    public var maxCommands: Int

    /// - Parameters:
    ///   - maxMessageBytes: default 4 MiB (a Large Object chunk of 1 MiB and its envelope fit).
    ///   - maxDepth: default 32.
    ///   - maxElements: default 200,000.
    ///   - maxItems: default 20,000.
    ///   - maxCommands: default 10,000.
    public init(
        maxMessageBytes: Int = 4 << 20, maxDepth: Int = 32, maxElements: Int = 200_000, maxItems: Int = 20_000,
        maxCommands: Int = 10_000
    ) {
        self.maxMessageBytes = maxMessageBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.maxItems = maxItems
        self.maxCommands = maxCommands
    }

    public static let `default` = DecodeLimits()
}
