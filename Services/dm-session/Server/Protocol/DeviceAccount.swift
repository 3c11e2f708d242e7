public import Contracts
public import SyncML

/// What dm-session knows of one device: where to notify it and its DM account, both directions of credentials
/// with their current nonces.
///
/// Nonces are base64 as they travel in `NextNonce`. ``clientNonce`` is the nonce dm-session last gave the device
/// (the device's next MD5 or HMAC credential must use it); ``serverNonce`` is the nonce the device last gave
/// dm-session (for the server's credential and package #0).
public struct DeviceAccount: Sendable, Hashable {
    /// The device id (`./DevInfo/DevId`), as the device sends it in `Source/LocURI`.
    public var deviceID: String
    /// The phone number for SMS notifications.
    public var msisdn: String?
    /// Another notification address.
    public var notificationAddress: String?
    /// The DM account's ServerID.
    public var serverID: String
    /// How the device authenticates.
    public var clientAuth: AuthScheme
    /// The device's user name.
    public var clientName: String
    /// `B64(MD5(clientName:clientSecret))`: checks basic, MD5 and HMAC credentials without the secret.
    public var clientDigest: String
    /// The nonce the device must use next (base64).
    public var clientNonce: String
    /// How dm-session authenticates to the device.
    public var serverAuth: AuthScheme
    /// dm-session's user name towards the device.
    public var serverName: String
    /// dm-session's secret towards the device.
    public var serverSecret: String
    /// The nonce the device gave dm-session (base64).
    public var serverNonce: String
    /// Whether the device executes Atomic: nil until it has answered one (or registration said), false after a
    /// 406 (optional feature not supported). Atomic commands for a device that does not support it are not sent.
    public var supportsAtomic: Bool?
    /// The same for Sequence.
    public var supportsSequence: Bool?

    /// Creates an account.
    public init(
        deviceID: String, msisdn: String? = nil, notificationAddress: String? = nil, serverID: String,
        clientAuth: AuthScheme, clientName: String, clientDigest: String, clientNonce: String, serverAuth: AuthScheme,
        serverName: String, serverSecret: String, serverNonce: String, supportsAtomic: Bool? = nil,
        supportsSequence: Bool? = nil
    ) {
        self.deviceID = deviceID
        self.msisdn = msisdn
        self.notificationAddress = notificationAddress
        self.serverID = serverID
        self.clientAuth = clientAuth
        self.clientName = clientName
        self.clientDigest = clientDigest
        self.clientNonce = clientNonce
        self.serverAuth = serverAuth
        self.serverName = serverName
        self.serverSecret = serverSecret
        self.serverNonce = serverNonce
        self.supportsAtomic = supportsAtomic
        self.supportsSequence = supportsSequence
    }

    /// Whether the device is known not to support a container kind (Atomic or Sequence) used by `spec` at any
    /// depth; returns that kind.
    public func unsupportedContainer(in spec: SessionCommandSpec) -> SessionCommandSpec.Kind? {
        switch spec.kind {
        case .atomic where supportsAtomic == false: return .atomic
        case .sequence where supportsSequence == false: return .sequence
        case .atomic, .sequence:
            for child in spec.commands ?? [] {
                if let kind = unsupportedContainer(in: child) { return kind }
            }
            return nil
        default: return nil
        }
    }

    /// The account with a secret given in clear, as registration provides it.
    public init(
        deviceID: String, msisdn: String? = nil, notificationAddress: String? = nil, serverID: String,
        clientAuth: AuthScheme, clientName: String, clientSecret: String, clientNonce: String = "",
        serverAuth: AuthScheme, serverName: String? = nil, serverSecret: String, serverNonce: String = ""
    ) {
        self.init(
            deviceID: deviceID, msisdn: msisdn, notificationAddress: notificationAddress, serverID: serverID,
            clientAuth: clientAuth, clientName: clientName,
            clientDigest: SyncMLAuth.userPasswordDigest(user: clientName, password: clientSecret),
            clientNonce: clientNonce, serverAuth: serverAuth, serverName: serverName ?? serverID,
            serverSecret: serverSecret, serverNonce: serverNonce)
    }
}
