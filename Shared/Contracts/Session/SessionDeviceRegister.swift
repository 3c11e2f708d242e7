/// `session.device.register`: creates a device in dm-session, or replaces its account when it exists: the
/// notification address and the DM account (server id, client and server credentials, nonces).
///
/// Secrets are stored as needed: the client secret only as `B64(MD5(name:secret))` (enough to check basic, MD5
/// and HMAC credentials), the server secret as given (dm-session must compute its own credentials and package #0).
public struct SessionDeviceRegister: BusCommand {
    public typealias Result = SessionDeviceRegistered
    /// `session.device.register`.
    public static var commandName: String { "session.device.register" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A phone with MD5 digest both ways.
    public static var sample: SessionDeviceRegister {
        SessionDeviceRegister(
            deviceID: "IMEI:493005100592800", msisdn: "+4915112345678", notificationAddress: "http://10.0.0.7:9089/push",
            serverID: "com.example.dm", clientAuth: "md5", clientName: "device-user", clientSecret: "device-secret",
            serverAuth: "md5", serverName: "com.example.dm", serverSecret: "server-secret",
            clientNonce: "MTIzNDU2Nzg5MDEyMzQ1Njc4", serverNonce: "ODc2NTQzMjEwOTg3NjU0MzIx")
    }

    /// The device id as the device sends it in `Source/LocURI` (`./DevInfo/DevId`, e.g. `IMEI:...`).
    public var deviceID: String
    /// The phone number package #0 goes to by SMS.
    public var msisdn: String?
    /// Another notification address (an HTTP push URL, for IP-reachable devices).
    public var notificationAddress: String?
    /// The DM account's ServerID (`./DMAcc/x/ServerID`); also the identity of package #0.
    public var serverID: String
    /// How the device authenticates: `basic`, `md5` or `hmac`.
    public var clientAuth: String
    /// The device's user name (CLCRED AAuthName).
    public var clientName: String
    /// The device's secret (CLCRED AAuthSecret).
    public var clientSecret: String
    /// How the server authenticates to the device: `basic`, `md5` or `hmac`.
    public var serverAuth: String
    /// The server's user name (SRVCRED AAuthName); the server id when absent.
    public var serverName: String?
    /// The server's secret (SRVCRED AAuthSecret).
    public var serverSecret: String
    /// The nonce (base64) the device will use for its first MD5/HMAC credential (CLCRED AAuthData).
    public var clientNonce: String?
    /// The nonce (base64) the device expects for the server's first credential and package #0 (SRVCRED AAuthData).
    public var serverNonce: String?

    /// Creates a registration.
    public init(
        deviceID: String, msisdn: String? = nil, notificationAddress: String? = nil, serverID: String,
        clientAuth: String, clientName: String, clientSecret: String, serverAuth: String, serverName: String? = nil,
        serverSecret: String, clientNonce: String? = nil, serverNonce: String? = nil
    ) {
        self.deviceID = deviceID
        self.msisdn = msisdn
        self.notificationAddress = notificationAddress
        self.serverID = serverID
        self.clientAuth = clientAuth
        self.clientName = clientName
        self.clientSecret = clientSecret
        self.serverAuth = serverAuth
        self.serverName = serverName
        self.serverSecret = serverSecret
        self.clientNonce = clientNonce
        self.serverNonce = serverNonce
    }
}

/// The result of `session.device.register`.
public struct SessionDeviceRegistered: BusMessage {
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A new device.
    public static var sample: SessionDeviceRegistered { SessionDeviceRegistered(deviceID: "IMEI:493005100592800", created: true) }
    /// The device.
    public var deviceID: String
    /// True when the device was new, false when its account was replaced.
    public var created: Bool
    /// Creates the result.
    public init(deviceID: String, created: Bool) {
        self.deviceID = deviceID
        self.created = created
    }
}

/// `session.device.delete`: removes a device, its queue, results and last-known tree.
public struct SessionDeviceDelete: BusCommand {
    public typealias Result = SessionDeviceDeleted
    /// `session.device.delete`.
    public static var commandName: String { "session.device.delete" }
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// Delete one phone.
    public static var sample: SessionDeviceDelete { SessionDeviceDelete(deviceID: "IMEI:493005100592800") }
    /// The device.
    public var deviceID: String
    /// Creates the command.
    public init(deviceID: String) { self.deviceID = deviceID }
}

/// The result of `session.device.delete`.
public struct SessionDeviceDeleted: BusMessage {
    /// 1.
    public static var schemaVersion: Int { 1 }
    /// A device that existed.
    public static var sample: SessionDeviceDeleted { SessionDeviceDeleted(deviceID: "IMEI:493005100592800", deleted: true) }
    /// The device.
    public var deviceID: String
    /// False when there was no such device.
    public var deleted: Bool
    /// Creates the result.
    public init(deviceID: String, deleted: Bool) {
        self.deviceID = deviceID
        self.deleted = deleted
    }
}
