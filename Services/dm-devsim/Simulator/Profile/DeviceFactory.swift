import SyncML

/// SplitMix64: a small seeded generator, so that a run with the same seed builds the same devices and makes the
/// same choices.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for one purpose of one device, independent of the order devices are made in.
    public static func forDevice(seed: UInt64, index: Int, purpose: UInt64) -> SeededRandom {
        var mixer = SeededRandom(seed: seed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03) ^ (purpose &* 0xABCD_EF01))
        return SeededRandom(seed: mixer.next())
    }
}

/// One line of the import file `dmctl devices import` reads (JSON lines).
public struct DeviceImportRecord: Sendable, Hashable, Codable {
    public var id: String
    public var msisdn: String
    public var clientAuth: ClientAuthType
    public var clientName: String
    public var clientSecret: String
    public var serverID: String
    public var serverAuth: ClientAuthType
    public var serverSecret: String
    /// The nonce (base64) of the device's first MD5/HMAC credential: four zero bytes, as provisioned.
    public var clientNonce: String = DeviceImportRecord.initialNonce
    /// The nonce (base64) the device checks the server's first credential and package #0 with.
    public var serverNonce: String = DeviceImportRecord.initialNonce

    /// Four zero bytes: the nonce a freshly provisioned account starts with on both sides.
    public static let initialNonce = "AAAAAA=="
}

/// Builds the devices of a run from a profile and a seed: deterministic IMEIs (`IMEI:` + 15 digits with the
/// Luhn check digit), MSISDNs, credentials, models, firmware versions, inventories and failures.
public struct DeviceFactory: Sendable {
    public var profile: SimulatorProfile
    public var serverURL: String
    public var seed: UInt64
    public var forceWBXML: Bool

    public init(profile: SimulatorProfile, serverURL: String, seed: UInt64? = nil, forceWBXML: Bool = false) {
        self.profile = profile
        self.serverURL = serverURL
        self.seed = seed ?? profile.seed ?? 1
        self.forceWBXML = forceWBXML
    }

    /// The `index`th device of the run (0-based).
    public func device(_ index: Int) -> SimulatedDevice {
        var random = SeededRandom.forDevice(seed: seed, index: index, purpose: 1)
        let models = profile.models ?? [SimulatorProfile.Model(manufacturer: "Acme Devices", model: "Vela X2", firmwareVersions: ["1.0.0"])]
        let model = Self.weighted(models, weight: { $0.weight ?? 1 }, random: &random)
        let firmware = (model.firmwareVersions ?? ["1.0.0"]).randomElement(using: &random) ?? "1.0.0"
        let identity = DeviceIdentity(
            deviceID: imei(index), msisdn: msisdn(index), manufacturer: model.manufacturer, model: model.model,
            language: model.language ?? "en-US", firmwareVersion: firmware,
            softwareVersion: model.softwareVersion ?? firmware, hardwareVersion: model.hardwareVersion ?? "A1",
            deviceType: model.deviceType ?? "phone")
        let record = importRecord(index)
        let account = AccountConfig(
            accountName: profile.accountName ?? "dms", serverID: record.serverID, serverURL: serverURL,
            clientAuth: record.clientAuth, clientName: record.clientName, clientSecret: record.clientSecret,
            serverAuth: record.serverAuth, serverSecret: record.serverSecret)
        var encodingRandom = SeededRandom.forDevice(seed: seed, index: index, purpose: 3)
        let wbxml = forceWBXML || Double.random(in: 0..<100, using: &encodingRandom) < (profile.wbxmlPercent ?? 0)
        return SimulatedDevice.provisioned(
            identity: identity, account: account, components: model.components ?? Self.defaultComponents,
            fumoInstance: model.fumoInstance ?? "x1", uiPolicy: profile.uiPolicy ?? UIPolicy(),
            failures: failures(index), encoding: wbxml ? .wbxml : .xml, maxMsgSize: profile.maxMsgSize ?? 16_384,
            maxObjSize: profile.maxObjSize ?? 1_048_576)
    }

    /// The import line of the `index`th device.
    public func importRecord(_ index: Int) -> DeviceImportRecord {
        var random = SeededRandom.forDevice(seed: seed, index: index, purpose: 2)
        let mix = profile.auth ?? ["md5": 100]
        let entries = mix.sorted { $0.key < $1.key }.compactMap { key, value in
            ClientAuthType(rawValue: key.lowercased()).map { ($0, value) }
        }
        let clientAuth = entries.isEmpty ? .md5 : Self.weighted(entries, weight: { max(0, $0.1) }, random: &random).0
        let secret = String(random.next(), radix: 36) + String(random.next() % 1_000_000, radix: 36)
        let serverSecret = profile.serverSecret ?? "srv-" + String(random.next(), radix: 36)
        return DeviceImportRecord(
            id: imei(index), msisdn: msisdn(index), clientAuth: clientAuth,
            clientName: "sim-\(seed)-\(index)", clientSecret: secret, serverID: profile.serverID ?? "dm-session",
            serverAuth: profile.serverAuth ?? .md5, serverSecret: serverSecret)
    }

    /// `IMEI:` + 8-digit TAC + 6-digit serial + Luhn check digit.
    public func imei(_ index: Int) -> String {
        let tac = profile.imeiPrefix ?? "35" + Self.pad(Int(seed % 1_000_000), width: 6)
        let body = String((tac + Self.pad(index % 1_000_000, width: 6)).prefix(14))
        return "IMEI:" + body + String(Self.luhn(body))
    }

    /// A simulated phone number.
    public func msisdn(_ index: Int) -> String {
        (profile.msisdnPrefix ?? "1555") + Self.pad(index + Int(seed % 1000) * 10_000, width: 7)
    }

    static func pad(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? String(text.suffix(width)) : String(repeating: "0", count: width - text.count) + text
    }

    /// The failures of the `index`th device, drawn from the profile's rates.
    public func failures(_ index: Int) -> DeviceFailures {
        guard let rates = profile.failures else { return .none }
        var random = SeededRandom.forDevice(seed: seed, index: index, purpose: 4)
        func hit(_ percent: Double?) -> Bool { Double.random(in: 0..<100, using: &random) < (percent ?? 0) }
        var failures = DeviceFailures()
        if hit(rates.dropConnection) { failures.dropConnection = rates.dropProbability ?? 0.2 }
        failures.badCredentials = hit(rates.badCredentials)
        if hit(rates.slow) { failures.slowMilliseconds = rates.slowMilliseconds ?? 2000 }
        if hit(rates.downloadInterrupted) { failures.downloadInterruptAt = rates.downloadInterruptAt ?? 65_536 }
        failures.corruptPackage = hit(rates.corruptPackage)
        if hit(rates.installFailure) { failures.installFailureCode = rates.installFailureCode ?? 410 }
        failures.batteryLow = hit(rates.batteryLow)
        failures.userRejects = hit(rates.userRejects)
        if hit(rates.offline) { failures.offlineSeconds = rates.offlineSeconds ?? 120 }
        return failures
    }

    static let defaultComponents = [
        Component(id: "browser", name: "Browser", version: "3.2.1"),
        Component(id: "maps", name: "Maps", version: "7.0.4"),
        Component(id: "mail", name: "Mail", version: "5.1.0", active: false),
    ]

    static func luhn(_ digits: String) -> Int {
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            var value = character.wholeNumberValue ?? 0
            if offset % 2 == 0 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return (10 - sum % 10) % 10
    }

    static func weighted<T>(_ items: [T], weight: (T) -> Double, random: inout SeededRandom) -> T {
        let total = items.reduce(0) { $0 + weight($1) }
        guard total > 0 else { return items[0] }
        var pick = Double.random(in: 0..<total, using: &random)
        for item in items {
            pick -= weight(item)
            if pick < 0 { return item }
        }
        return items[items.count - 1]
    }

    static func weighted<T>(_ items: [T], weight: (T) -> Int, random: inout SeededRandom) -> T {
        weighted(items, weight: { Double(weight($0)) }, random: &random)
    }
}
