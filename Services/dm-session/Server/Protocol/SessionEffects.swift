public import Contracts
public import SyncML

/// A command waiting in a device's queue, as the session engine receives it.
public struct QueuedCommand: Sendable, Equatable {
    /// The command's id.
    public var id: String
    /// What to send.
    public var spec: SessionCommandSpec

    /// Creates a queued command.
    public init(id: String, spec: SessionCommandSpec) {
        self.id = id
        self.spec = spec
    }
}

/// How a session ended.
public enum SessionOutcome: String, Sendable, Hashable, Codable {
    /// The server's last package had only statuses.
    case completed
    /// The device sent Alert 1223.
    case aborted
    /// Too many failed authentications (or an unknown device).
    case authenticationFailed = "authentication-failed"
    /// Idle longer than the idle timeout.
    case timedOut = "timed-out"
    /// Longer than the maximum session duration.
    case durationExceeded = "duration-exceeded"
    /// The device started another session.
    case replaced
}

/// A command's final outcome in a session.
public struct CommandCompletion: Sendable, Equatable {
    /// The queued command.
    public var commandID: String
    /// Its kind.
    public var kind: SessionCommandSpec.Kind
    /// The status (of the container for Atomic and Sequence).
    public var status: Int
    /// Results items (Get) or the answer items of a user-interaction alert.
    public var results: [SessionValueItem]
    /// Statuses of inner commands.
    public var statuses: [SessionItemStatus]
    /// Exec's correlator.
    public var correlator: String?
}

/// A change to the last-known tree.
public struct TreeWrite: Sendable, Hashable {
    /// The node.
    public var uri: String
    /// The new value, nil when deleted.
    public var value: String?
    /// Its format.
    public var format: String?
    /// Its type.
    public var type: String?
    /// True for a Delete: the node and its subtree are gone.
    public var deleted: Bool

    /// Creates a write.
    public init(uri: String, value: String?, format: String?, type: String?, deleted: Bool = false) {
        self.uri = uri
        self.value = value
        self.format = format
        self.type = type
        self.deleted = deleted
    }
}

/// One authentication verdict to report.
public struct AuthenticationReport: Sendable, Hashable {
    /// True for a success.
    public var succeeded: Bool
    /// The scheme the account requires.
    public var scheme: String
    /// The failure reason.
    public var reason: String?
    /// Failures so far.
    public var failures: Int
    /// True when the failure ended the session.
    public var sessionEnded: Bool
}

/// What one message changed, for the store to persist in one transaction (with the events that describe it).
public struct SessionEffects: Sendable {
    /// True on the session's first message.
    public var sessionStarted = false
    /// Set when the session ended with this message.
    public var sessionEnded: SessionOutcome?
    /// A new nonce the device must use next (persist it on the device).
    public var newClientNonce: String?
    /// A new nonce the device gave dm-session.
    public var newServerNonce: String?
    /// Commands taken from the queue into this session.
    public var pickedCommands: [String] = []
    /// Commands that got their final status.
    public var completions: [CommandCompletion] = []
    /// Commands to put back in the queue (session over before their status arrived).
    public var requeued: [String] = []
    /// Last-known tree changes.
    public var treeWrites: [TreeWrite] = []
    /// Alerts the device sent, to publish.
    public var alerts: [AlertReceived] = []
    /// Authentication verdicts, to publish.
    public var authentications: [AuthenticationReport] = []
    /// What the device's answers taught about its support of Atomic and Sequence (a change to persist).
    public var containerSupport: [SessionCommandSpec.Kind: Bool] = [:]

    /// Creates empty effects.
    public init() {}

    /// True when nothing needs persisting.
    public var isEmpty: Bool {
        !sessionStarted && sessionEnded == nil && newClientNonce == nil && newServerNonce == nil
            && pickedCommands.isEmpty && completions.isEmpty && requeued.isEmpty && treeWrites.isEmpty
            && alerts.isEmpty && authentications.isEmpty && containerSupport.isEmpty
    }
}

/// The answer to one message: the exact bytes and the HMAC header to send with them.
public struct OutboundMessage: Sendable, Hashable {
    /// The HTTP body.
    public var body: [UInt8]
    /// The `x-syncml-hmac` header value when the server authenticates with HMAC.
    public var hmacHeader: String?
    /// The message as sent (for logs and tests).
    public var message: SyncMLMessage
}
