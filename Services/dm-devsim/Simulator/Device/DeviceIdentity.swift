/// Who a simulated device is: the values of DevInfo and DevDetail and its phone number.
public struct DeviceIdentity: Sendable, Hashable, Codable {
    /// `./DevInfo/DevId`, e.g. `IMEI:356938035643809`; also the SyncHdr Source.
    public var deviceID: String
    /// The simulated MSISDN that WAP Push SMS are addressed to.
    public var msisdn: String
    public var manufacturer: String
    public var model: String
    public var dmVersion: String
    public var language: String
    public var firmwareVersion: String
    public var softwareVersion: String
    public var hardwareVersion: String
    public var oem: String
    public var deviceType: String

    public init(
        deviceID: String, msisdn: String, manufacturer: String = "Acme Devices", model: String = "Vela X2",
        dmVersion: String = "1.2", language: String = "en-US", firmwareVersion: String = "1.0.0",
        softwareVersion: String = "1.0", hardwareVersion: String = "A1", oem: String? = nil,
        deviceType: String = "phone"
    ) {
        self.deviceID = deviceID
        self.msisdn = msisdn
        self.manufacturer = manufacturer
        self.model = model
        self.dmVersion = dmVersion
        self.language = language
        self.firmwareVersion = firmwareVersion
        self.softwareVersion = softwareVersion
        self.hardwareVersion = hardwareVersion
        self.oem = oem ?? manufacturer
        self.deviceType = deviceType
    }
}

/// The DM server account a device is provisioned with (written into `./DMAcc/<name>`).
public struct AccountConfig: Sendable, Hashable, Codable {
    /// The account node's name (`./DMAcc/<accountName>`).
    public var accountName: String
    /// `ServerID`: the server's identity in ACLs, Package #0 and the server credentials.
    public var serverID: String
    /// `AppAddr/1/Addr`: the URL the device posts package 1 to.
    public var serverURL: String
    /// How the device authenticates to the server (CLCRED AAuthType).
    public var clientAuth: ClientAuthType
    public var clientName: String
    public var clientSecret: String
    /// CLCRED AAuthData: the nonce the server handed the device last (raw bytes).
    public var clientNonce: [UInt8]
    /// How the server authenticates to the device (SRVCRED AAuthType).
    public var serverAuth: ClientAuthType
    public var serverSecret: String
    /// SRVCRED AAuthData: the nonce the device handed the server last; also keys Package #0.
    public var serverNonce: [UInt8]

    public init(
        accountName: String = "dms", serverID: String, serverURL: String, clientAuth: ClientAuthType = .md5,
        clientName: String, clientSecret: String, clientNonce: [UInt8] = [0, 0, 0, 0],
        serverAuth: ClientAuthType = .md5, serverSecret: String, serverNonce: [UInt8] = [0, 0, 0, 0]
    ) {
        self.accountName = accountName
        self.serverID = serverID
        self.serverURL = serverURL
        self.clientAuth = clientAuth
        self.clientName = clientName
        self.clientSecret = clientSecret
        self.clientNonce = clientNonce
        self.serverAuth = serverAuth
        self.serverSecret = serverSecret
        self.serverNonce = serverNonce
    }
}

/// The authentication schemes of DM 1.2 as the import file and profiles name them.
public enum ClientAuthType: String, Sendable, Hashable, Codable, CaseIterable {
    case basic
    case md5
    case hmac

    /// The DMAcc `AAuthType` value.
    public var aAuthType: String {
        switch self {
        case .basic: "BASIC"
        case .md5: "DIGEST"
        case .hmac: "HMAC"
        }
    }

    /// The SyncML `Meta/Type` of a Cred or Chal.
    public var metaType: String {
        switch self {
        case .basic: "syncml:auth-basic"
        case .md5: "syncml:auth-md5"
        case .hmac: "syncml:auth-MAC"
        }
    }

    public init?(aAuthType: String) {
        guard let match = Self.allCases.first(where: { $0.aAuthType.lowercased() == aAuthType.lowercased() }) else {
            return nil
        }
        self = match
    }

    public init?(metaType: String) {
        let wanted = metaType.trimmingCharacters(in: " \t\r\n").lowercased()
        guard let match = Self.allCases.first(where: { $0.metaType.lowercased() == wanted }) else { return nil }
        self = match
    }
}

/// A software component in the SCOMO inventory.
public struct Component: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var version: String
    public var active: Bool

    public init(id: String, name: String, version: String, active: Bool = true) {
        self.id = id
        self.name = name
        self.version = version
        self.active = active
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let drop: (Character) -> Bool = { set.contains($0) }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
