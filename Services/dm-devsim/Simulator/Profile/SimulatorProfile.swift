import Foundation
import Yams

/// What a run of simulated devices looks like: models, firmware versions, component inventories, how they
/// authenticate and talk, how their users answer, and failure rates. Read from YAML or JSON (JSON is YAML).
///
/// ```yaml
/// seed: 42
/// serverID: dms.example.net
/// models:
///   - { manufacturer: Acme Devices, model: Vela X2, weight: 3, firmwareVersions: [4.2.0, 4.2.1] }
/// auth: { md5: 80, basic: 10, hmac: 10 }
/// failures: { dropConnection: 2, slow: 5, slowMilliseconds: 1500, installFailure: 3, installFailureCode: 410 }
/// ```
public struct SimulatorProfile: Sendable, Hashable, Codable {
    public struct Model: Sendable, Hashable, Codable {
        public var manufacturer: String
        public var model: String
        public var weight: Int?
        public var firmwareVersions: [String]?
        public var softwareVersion: String?
        public var hardwareVersion: String?
        public var deviceType: String?
        public var language: String?
        public var components: [Component]?
        /// The FUMO instance's name (`./FwUpdate/<name>`); `x1` by default.
        public var fumoInstance: String?

        public init(manufacturer: String, model: String, firmwareVersions: [String]? = nil) {
            self.manufacturer = manufacturer
            self.model = model
            self.firmwareVersions = firmwareVersions
        }
    }

    /// Failure rates in percent of devices (0-100), and the values the failures use.
    public struct FailureRates: Sendable, Hashable, Codable {
        /// Percent of devices whose connections drop; each such device drops `dropProbability` of its messages.
        public var dropConnection: Double?
        public var dropProbability: Double?
        public var badCredentials: Double?
        public var slow: Double?
        public var slowMilliseconds: Int?
        public var downloadInterrupted: Double?
        public var downloadInterruptAt: Int?
        public var corruptPackage: Double?
        public var installFailure: Double?
        public var installFailureCode: Int?
        public var batteryLow: Double?
        public var userRejects: Double?
        public var offline: Double?
        public var offlineSeconds: Int?

        public init() {}
    }

    public var seed: UInt64?
    public var serverID: String?
    public var serverSecret: String?
    public var accountName: String?
    public var models: [Model]?
    /// Client auth mix in percent (`md5`, `basic`, `hmac`); md5 only by default.
    public var auth: [String: Double]?
    /// Server auth type the devices expect (`md5` by default).
    public var serverAuth: ClientAuthType?
    /// Percent of devices that speak WBXML (the rest XML); `--wbxml` makes it 100.
    public var wbxmlPercent: Double?
    public var maxMsgSize: Int?
    public var maxObjSize: Int?
    public var uiPolicy: UIPolicy?
    public var failures: FailureRates?
    /// The first digits of every IMEI (TAC), 8 digits.
    public var imeiPrefix: String?
    /// The first digits of every MSISDN.
    public var msisdnPrefix: String?

    public init() {}

    /// Reads a profile from YAML or JSON text.
    public static func parse(_ text: String) throws -> SimulatorProfile {
        try YAMLDecoder().decode(SimulatorProfile.self, from: text)
    }

    /// Reads a profile file.
    public static func load(path: String) throws -> SimulatorProfile {
        try parse(String(contentsOfFile: path, encoding: .utf8))
    }
}
