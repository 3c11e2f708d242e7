/// `session.command.enqueue`: puts a management command in a device's queue. The device gets it in its next
/// session, highest ``priority`` first (customer care 20, high 10, normal 0, low -10), then in order of arrival.
/// The outcome is published as `dm.session.command.completed` with the same ``commandID``.
public struct SessionCommandEnqueue: BusCommand {
    public typealias Result = SessionCommandEnqueued
    /// `session.command.enqueue`.
    public static var commandName: String { "session.command.enqueue" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// An enabler's Exec with a correlator, at normal priority.
    public static var sample: SessionCommandEnqueue {
        SessionCommandEnqueue(
            deviceID: "IMEI:493005100592800", command: .sample, priority: 0,
            commandID: "0c6b2f4e-8a1d-4f3b-9e2a-7d5c4b3a2f10")
    }
    /// The device.
    public var deviceID: String
    /// The command.
    public var command: SessionCommandSpec
    /// Higher first; 0 when absent.
    public var priority: Int?
    /// The id the caller wants for the command (so a retried enqueue is recognised); a new UUID when absent.
    public var commandID: String?
    /// Creates the command.
    public init(deviceID: String, command: SessionCommandSpec, priority: Int? = nil, commandID: String? = nil) {
        self.deviceID = deviceID
        self.command = command
        self.priority = priority
        self.commandID = commandID
    }
}

/// The result of `session.command.enqueue`.
public struct SessionCommandEnqueued: BusMessage {
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// The sample's command, queued.
    public static var sample: SessionCommandEnqueued {
        SessionCommandEnqueued(commandID: "0c6b2f4e-8a1d-4f3b-9e2a-7d5c4b3a2f10", deviceID: "IMEI:493005100592800")
    }
    /// The command's id, as `dm.session.command.completed` will carry it.
    public var commandID: String
    /// The device.
    public var deviceID: String
    /// Creates the result.
    public init(commandID: String, deviceID: String) {
        self.commandID = commandID
        self.deviceID = deviceID
    }
}

/// `session.wakeup`: asks dm-session to wake a device: it builds package #0 with the device's server credentials
/// and nonce and sends it to dm-notify (`notify.package0.deliver`).
public struct SessionWakeup: BusCommand {
    public typealias Result = SessionWakeupRequested
    /// `session.wakeup`.
    public static var commandName: String { "session.wakeup" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// Wake a phone in the background.
    public static var sample: SessionWakeup { SessionWakeup(deviceID: "IMEI:493005100592800", uiMode: "background") }
    /// The device.
    public var deviceID: String
    /// Package #0's UI mode: `not-specified` (default), `background`, `informative`, `user-interaction`.
    public var uiMode: String?
    /// Creates the command.
    public init(deviceID: String, uiMode: String? = nil) {
        self.deviceID = deviceID
        self.uiMode = uiMode
    }
}

/// The result of `session.wakeup`: the notification is on its way to dm-notify.
public struct SessionWakeupRequested: BusMessage {
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A wake-up with session id 0x1234.
    public static var sample: SessionWakeupRequested {
        SessionWakeupRequested(
            deviceID: "IMEI:493005100592800", notificationID: "3d9f1c2b-6e4a-4b8d-a1f0-5c7e9d2b4a68", sessionID: "1234")
    }
    /// The device.
    public var deviceID: String
    /// The id of the `notify.package0.deliver` command sent to dm-notify.
    public var notificationID: String
    /// The SessionID package #0 carries (upper-case hex), which the device will use.
    public var sessionID: String
    /// Creates the result.
    public init(deviceID: String, notificationID: String, sessionID: String) {
        self.deviceID = deviceID
        self.notificationID = notificationID
        self.sessionID = sessionID
    }
}

/// `notify.package0.deliver`: dm-session asks dm-notify to deliver a package #0 to a device (WAP Push over SMS to
/// the MSISDN, or the other notification address).
public struct NotifyPackage0Deliver: BusCommand {
    public typealias Result = NotifyPackage0Accepted
    /// `notify.package0.deliver`.
    public static var commandName: String { "notify.package0.deliver" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A 42-byte package #0 for a phone.
    public static var sample: NotifyPackage0Deliver {
        NotifyPackage0Deliver(
            deviceID: "IMEI:493005100592800", msisdn: "+4915112345678", notificationAddress: "http://10.0.0.7:9089/push",
            serverID: "com.example.dm", sessionID: "1234",
            package0: "pTxbaTKsOBnqJEp0fDP5ewC4AAAAEjQOY29tLmV4YW1wbGUuZG0=")
    }
    /// The device.
    public var deviceID: String
    /// The phone number, for SMS.
    public var msisdn: String?
    /// Another notification address (HTTP push URL).
    public var notificationAddress: String?
    /// The server id in package #0.
    public var serverID: String
    /// The session id in package #0 (upper-case hex).
    public var sessionID: String
    /// The package #0 bytes, base64.
    public var package0: String
    /// Creates the command.
    public init(
        deviceID: String, msisdn: String?, notificationAddress: String?, serverID: String, sessionID: String,
        package0: String
    ) {
        self.deviceID = deviceID
        self.msisdn = msisdn
        self.notificationAddress = notificationAddress
        self.serverID = serverID
        self.sessionID = sessionID
        self.package0 = package0
    }
}

/// The result of `notify.package0.deliver`: dm-notify has taken the notification.
public struct NotifyPackage0Accepted: BusMessage {
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// Accepted.
    public static var sample: NotifyPackage0Accepted { NotifyPackage0Accepted(deliveryID: "b1e2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d") }
    /// dm-notify's id for the delivery.
    public var deliveryID: String
    /// Creates the result.
    public init(deliveryID: String) { self.deliveryID = deliveryID }
}
