/// The bounds a DM session runs within: sizes both ways, command counts, time, authentication attempts.
///
/// Every value is configurable (see ``DMSessionConfiguration``); the defaults suit phones on a mobile network.
public struct SessionLimits: Sendable, Hashable {
    /// The largest message dm-session accepts, in bytes (HTTP 413 above it); also the `MaxMsgSize` it announces.
    public var maxMessageSize: Int
    /// The largest object dm-session accepts (reassembled Large Objects included); its `MaxObjSize`.
    public var maxObjectSize: Int
    /// The most commands dm-session puts in one message (nested ones count).
    public var maxCommandsPerMessage: Int
    /// The most commands accepted in one message from a device, Statuses and Results included (HTTP 413 above).
    public var maxIncomingCommands: Int
    /// The `MaxMsgSize` assumed for a device that announces none.
    public var defaultClientMaxMessageSize: Int
    /// A session with no message for this long is ended (`timed-out`).
    public var idleTimeout: Duration
    /// A session older than this is aborted at its next message (`duration-exceeded`) or by the sweeper.
    public var maxSessionDuration: Duration
    /// After this many failed authentications in one session it ends (`authentication-failed`).
    public var maxAuthFailures: Int

    /// Creates limits.
    /// - Parameters:
    ///   - maxMessageSize: default 1 MiB.
    ///   - maxObjectSize: default 16 MiB.
    ///   - maxCommandsPerMessage: default 500.
    ///   - maxIncomingCommands: default 5000.
    ///   - defaultClientMaxMessageSize: default 16 KiB.
    ///   - idleTimeout: default 120 s.
    ///   - maxSessionDuration: default 30 min.
    ///   - maxAuthFailures: default 3.
    public init(
        maxMessageSize: Int = 1 << 20, maxObjectSize: Int = 16 << 20, maxCommandsPerMessage: Int = 500,
        maxIncomingCommands: Int = 5000,
        defaultClientMaxMessageSize: Int = 16 << 10, idleTimeout: Duration = .seconds(120),
        maxSessionDuration: Duration = .seconds(1800), maxAuthFailures: Int = 3
    ) {
        self.maxMessageSize = maxMessageSize
        self.maxObjectSize = maxObjectSize
        self.maxCommandsPerMessage = maxCommandsPerMessage
        self.maxIncomingCommands = maxIncomingCommands
        self.defaultClientMaxMessageSize = defaultClientMaxMessageSize
        self.idleTimeout = idleTimeout
        self.maxSessionDuration = maxSessionDuration
        self.maxAuthFailures = maxAuthFailures
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
