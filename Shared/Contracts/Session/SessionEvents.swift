/// `dm.session.session.started`: a device opened a DM session (its package 1 authenticated or not yet).
public struct SessionStarted: BusEvent {
    /// `dm.session.session.started`.
    public static var eventType: String { "dm.session.session.started" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A client-initiated session in WBXML.
    public static var sample: SessionStarted {
        SessionStarted(
            sessionID: "7c1e5a9b-2d4f-4e8a-b6c3-1f0e9d8c7b6a", deviceID: "IMEI:493005100592800", syncMLSessionID: "3A",
            alertCode: 1201, encoding: "wbxml")
    }
    /// dm-session's id of the session (not the RespURI token).
    public var sessionID: String
    /// The device.
    public var deviceID: String
    /// The SyncHdr SessionID the device chose or took from package #0.
    public var syncMLSessionID: String
    /// Package 1's alert: 1200 server-initiated, 1201 client-initiated (absent when the device sent neither).
    public var alertCode: Int?
    /// `xml` or `wbxml`.
    public var encoding: String
    /// The wake-up (package #0) this session answers, when its SessionID matches one sent to the device.
    public var notificationID: String?
    /// Creates the event.
    public init(
        sessionID: String, deviceID: String, syncMLSessionID: String, alertCode: Int?, encoding: String,
        notificationID: String? = nil
    ) {
        self.sessionID = sessionID
        self.deviceID = deviceID
        self.syncMLSessionID = syncMLSessionID
        self.alertCode = alertCode
        self.encoding = encoding
        self.notificationID = notificationID
    }
}

/// `dm.session.session.ended`: a session is over, with how it ended.
///
/// Outcomes: `completed` (the server's last package had only statuses), `aborted` (the device sent 1223),
/// `authentication-failed` (too many failed credentials), `timed-out` (idle longer than the idle timeout),
/// `duration-exceeded` (longer than the maximum duration), `replaced` (the device started another session).
public struct SessionEnded: BusEvent {
    /// `dm.session.session.ended`.
    public static var eventType: String { "dm.session.session.ended" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A completed session of three messages.
    public static var sample: SessionEnded {
        SessionEnded(
            sessionID: "7c1e5a9b-2d4f-4e8a-b6c3-1f0e9d8c7b6a", deviceID: "IMEI:493005100592800", outcome: "completed",
            messagesReceived: 3, commandsCompleted: 2, durationSeconds: 1.25)
    }
    /// dm-session's id of the session.
    public var sessionID: String
    /// The device.
    public var deviceID: String
    /// How it ended (see the type's description).
    public var outcome: String
    /// Messages received from the device.
    public var messagesReceived: Int
    /// Commands that got their final status in the session.
    public var commandsCompleted: Int
    /// From the first message to the end.
    public var durationSeconds: Double
    /// Creates the event.
    public init(
        sessionID: String, deviceID: String, outcome: String, messagesReceived: Int, commandsCompleted: Int,
        durationSeconds: Double
    ) {
        self.sessionID = sessionID
        self.deviceID = deviceID
        self.outcome = outcome
        self.messagesReceived = messagesReceived
        self.commandsCompleted = commandsCompleted
        self.durationSeconds = durationSeconds
    }
}

/// `dm.session.device.authenticated`: a device's credentials were accepted in a session.
public struct DeviceAuthenticated: BusEvent {
    /// `dm.session.device.authenticated`.
    public static var eventType: String { "dm.session.device.authenticated" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// MD5 digest accepted.
    public static var sample: DeviceAuthenticated {
        DeviceAuthenticated(deviceID: "IMEI:493005100592800", sessionID: "7c1e5a9b-2d4f-4e8a-b6c3-1f0e9d8c7b6a", scheme: "md5")
    }
    /// The device.
    public var deviceID: String
    /// dm-session's id of the session.
    public var sessionID: String
    /// `basic`, `md5` or `hmac`.
    public var scheme: String
    /// Creates the event.
    public init(deviceID: String, sessionID: String, scheme: String) {
        self.deviceID = deviceID
        self.sessionID = sessionID
        self.scheme = scheme
    }
}

/// `dm.session.device.authentication-failed`: a message came without valid credentials.
///
/// Reasons: `missing-credentials` (answered 407), `invalid-credentials`, `wrong-scheme` (401),
/// `unknown-device` (no such device: the session ends at once).
public struct DeviceAuthenticationFailed: BusEvent {
    /// `dm.session.device.authentication-failed`.
    public static var eventType: String { "dm.session.device.authentication-failed" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// The third wrong digest, which ends the session.
    public static var sample: DeviceAuthenticationFailed {
        DeviceAuthenticationFailed(
            deviceID: "IMEI:493005100592800", sessionID: "7c1e5a9b-2d4f-4e8a-b6c3-1f0e9d8c7b6a", scheme: "md5",
            reason: "invalid-credentials", failures: 3, sessionEnded: true)
    }
    /// The device id the message claimed.
    public var deviceID: String
    /// dm-session's id of the session.
    public var sessionID: String
    /// The scheme the device's account requires.
    public var scheme: String
    /// Why (see the type's description).
    public var reason: String
    /// Failures so far in this session.
    public var failures: Int
    /// True when this failure ended the session.
    public var sessionEnded: Bool
    /// Creates the event.
    public init(deviceID: String, sessionID: String, scheme: String, reason: String, failures: Int, sessionEnded: Bool) {
        self.deviceID = deviceID
        self.sessionID = sessionID
        self.scheme = scheme
        self.reason = reason
        self.failures = failures
        self.sessionEnded = sessionEnded
    }
}

/// `dm.session.command.completed`: a queued command got its final status from the device (or failed before it
/// could be sent: a status dm-session chose, such as 413 for an object larger than the device accepts).
public struct CommandCompleted: BusEvent {
    /// `dm.session.command.completed`.
    public static var eventType: String { "dm.session.command.completed" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A Get answered with the software version.
    public static var sample: CommandCompleted {
        CommandCompleted(
            deviceID: "IMEI:493005100592800", commandID: "0c6b2f4e-8a1d-4f3b-9e2a-7d5c4b3a2f10",
            sessionID: "7c1e5a9b-2d4f-4e8a-b6c3-1f0e9d8c7b6a", kind: "get", status: 200,
            results: [SessionValueItem(uri: "./DevDetail/SwV", format: "chr", type: "text/plain", data: "2.1.0")],
            statuses: [SessionItemStatus(command: "Get", index: 0, status: 200, items: [SessionValueItem(data: "1")])],
            correlator: "op-17")
    }
    /// The device.
    public var deviceID: String
    /// The command's id from `session.command.enqueue`.
    public var commandID: String
    /// dm-session's id of the session.
    public var sessionID: String
    /// The command kind (`get`, `replace`, ..., `atomic`, `sequence`, `alert`).
    public var kind: String
    /// The SyncML status of the command (of the Atomic or Sequence itself for those).
    public var status: Int
    /// The Results items (Get), or the answer items of a user-interaction alert.
    public var results: [SessionValueItem]
    /// The statuses of the commands inside an Atomic or Sequence.
    public var statuses: [SessionItemStatus]?
    /// Exec's correlator.
    public var correlator: String?
    /// Creates the event.
    public init(
        deviceID: String, commandID: String, sessionID: String, kind: String, status: Int, results: [SessionValueItem],
        statuses: [SessionItemStatus]?, correlator: String?
    ) {
        self.deviceID = deviceID
        self.commandID = commandID
        self.sessionID = sessionID
        self.kind = kind
        self.status = status
        self.results = results
        self.statuses = statuses
        self.correlator = correlator
    }
}

/// `dm.session.alert.received`: a device sent an alert other than the session's own 1200/1201/1222/1223: a
/// Generic Alert 1226 (an operation's outcome, echoing Exec's correlator), a client event 1224, or another code.
public struct AlertReceived: BusEvent {
    /// `dm.session.alert.received`.
    public static var eventType: String { "dm.session.alert.received" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A FUMO update's successful outcome.
    public static var sample: AlertReceived {
        AlertReceived(
            deviceID: "IMEI:493005100592800", sessionID: "7c1e5a9b-2d4f-4e8a-b6c3-1f0e9d8c7b6a", code: 1226,
            correlator: "op-17",
            items: [
                AlertItem(
                    source: "./FUMO/fw1", target: "./FUMO/fw1/Update", type: "org.openmobilealliance.dm.firmwareupdate.update",
                    format: "int", mark: "critical", data: "200")
            ])
    }
    /// The device.
    public var deviceID: String
    /// dm-session's id of the session.
    public var sessionID: String
    /// The alert code (`Alert/Data`).
    public var code: Int
    /// The alert's Correlator.
    public var correlator: String?
    /// The items, in order.
    public var items: [AlertItem]
    /// Creates the event.
    public init(deviceID: String, sessionID: String, code: Int, correlator: String?, items: [AlertItem]) {
        self.deviceID = deviceID
        self.sessionID = sessionID
        self.code = code
        self.correlator = correlator
        self.items = items
    }
}

/// One item of an alert: its Source and Target, Meta Type, Format and Mark, and Data.
public struct AlertItem: Codable, Sendable, Equatable {
    /// `Source/LocURI`: the management object the alert is about.
    public var source: String?
    /// `Target/LocURI`.
    public var target: String?
    /// `Meta/Type`: the alert type (`org.openmobilealliance.dm.firmwareupdate.update`).
    public var type: String?
    /// `Meta/Format`.
    public var format: String?
    /// `Meta/Mark`: severity.
    public var mark: String?
    /// `Data`.
    public var data: String?
    /// Creates an item.
    public init(
        source: String? = nil, target: String? = nil, type: String? = nil, format: String? = nil, mark: String? = nil,
        data: String? = nil
    ) {
        self.source = source
        self.target = target
        self.type = type
        self.format = format
        self.mark = mark
        self.data = data
    }
}

/// `dm.session.tree.value-changed`: the last-known value of a device's node changed: reported in DevInfo or
/// Results, or set by a Replace or Add the device accepted, or removed by a Delete.
public struct TreeValueChanged: BusEvent {
    /// `dm.session.tree.value-changed`.
    public static var eventType: String { "dm.session.tree.value-changed" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A new software version.
    public static var sample: TreeValueChanged {
        TreeValueChanged(
            deviceID: "IMEI:493005100592800", sessionID: "7c1e5a9b-2d4f-4e8a-b6c3-1f0e9d8c7b6a", uri: "./DevDetail/SwV",
            value: "2.1.0", format: "chr", type: "text/plain", deleted: false)
    }
    /// The device.
    public var deviceID: String
    /// dm-session's id of the session.
    public var sessionID: String
    /// The node.
    public var uri: String
    /// The new value (absent when deleted).
    public var value: String?
    /// Its format.
    public var format: String?
    /// Its type.
    public var type: String?
    /// True when the node (and its subtree) was deleted.
    public var deleted: Bool
    /// Creates the event.
    public init(
        deviceID: String, sessionID: String, uri: String, value: String?, format: String?, type: String?, deleted: Bool
    ) {
        self.deviceID = deviceID
        self.sessionID = sessionID
        self.uri = uri
        self.value = value
        self.format = format
        self.type = type
        self.deleted = deleted
    }
}
