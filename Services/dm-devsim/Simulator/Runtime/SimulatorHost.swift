public import AsyncHTTPClient
import Foundation
import Hummingbird
public import Logging
import NIOCore

/// How `dm-devsim run` is set up.
public struct SimulatorConfiguration: Sendable {
    public var serverURL: String
    public var devices: Int
    public var profile: SimulatorProfile
    public var seed: UInt64?
    public var wbxml: Bool
    /// The SQLite file of the simulator's state; nil keeps it in memory.
    public var statePath: String?
    public var host: String
    public var httpPort: Int
    public var smppPort: Int
    public var insecure: Bool
    public var serverAuthPolicy: ServerAuthPolicy
    public var maxConcurrentSessions: Int

    public init(
        serverURL: String, devices: Int, profile: SimulatorProfile = SimulatorProfile(), seed: UInt64? = nil,
        wbxml: Bool = false, statePath: String? = nil, host: String = "127.0.0.1", httpPort: Int = 9089,
        smppPort: Int = 2775, insecure: Bool = false, serverAuthPolicy: ServerAuthPolicy = .ifPresent,
        maxConcurrentSessions: Int = 64
    ) {
        self.serverURL = serverURL
        self.devices = devices
        self.profile = profile
        self.seed = seed
        self.wbxml = wbxml
        self.statePath = statePath
        self.host = host
        self.httpPort = httpPort
        self.smppPort = smppPort
        self.insecure = insecure
        self.serverAuthPolicy = serverAuthPolicy
        self.maxConcurrentSessions = maxConcurrentSessions
    }
}

/// A running simulator: the fleet, its HTTP client, its state, and the servers (`serve()`): HTTP push and admin
/// REST on 9089, the SMSC role on 2775.
public struct SimulatorHost: Sendable {
    public let fleet: DeviceFleet
    public let client: HTTPClient
    public let configuration: SimulatorConfiguration
    public let logger: Logger
    let store: SQLiteDeviceStore

    /// Builds (or restores from the state file) the devices and the fleet.
    public static func start(_ configuration: SimulatorConfiguration, logger: Logger) async throws -> SimulatorHost {
        if let path = configuration.statePath {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        let store = try SQLiteDeviceStore(path: configuration.statePath)
        var devices = try await store.loadAll()
        let factory = DeviceFactory(
            profile: configuration.profile, serverURL: configuration.serverURL, seed: configuration.seed,
            forceWBXML: configuration.wbxml)
        if devices.count < configuration.devices {
            let known = Set(devices.map(\.deviceID))
            let fresh = (0..<configuration.devices).map(factory.device).filter { !known.contains($0.deviceID) }
            try await store.saveAll(fresh)
            devices += fresh
        }
        logger.info("devices ready", metadata: ["dm.devices": "\(devices.count)"])
        let client = HTTPTransport.makeClient(
            concurrency: configuration.maxConcurrentSessions, insecure: configuration.insecure)
        let transport = HTTPTransport(client: client)
        let fleet = DeviceFleet(
            devices: devices, driver: SessionDriver(transport: transport, serverAuthPolicy: configuration.serverAuthPolicy),
            runner: EnablerRunner(fetcher: transport), store: store, seed: factory.seed,
            maxConcurrentSessions: configuration.maxConcurrentSessions, logger: logger)
        return SimulatorHost(fleet: fleet, client: client, configuration: configuration, logger: logger, store: store)
    }

    /// The import lines (`dmctl devices import`) of every device, from the credentials in their trees.
    public func importRecords() async -> [DeviceImportRecord] {
        var records: [DeviceImportRecord] = []
        for id in await fleet.deviceIDs {
            guard let device = await fleet.device(id), let account = DMAccountView(tree: device.tree) else { continue }
            records.append(
                DeviceImportRecord(
                    id: device.deviceID, msisdn: device.identity.msisdn, clientAuth: account.clientAuth,
                    clientName: account.clientName, clientSecret: account.clientSecret, serverID: account.serverID,
                    serverAuth: account.serverAuth, serverSecret: account.serverSecret))
        }
        return records
    }

    /// Writes the import file: JSON lines, one device each, with the fields `dmctl devices import` reads.
    public func writeImportFile(to path: String) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var text = ""
        for record in await importRecords() {
            text += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Serves HTTP push + admin REST and the SMSC until SIGINT/SIGTERM, then saves every device.
    public func serve() async throws {
        let fleet = self.fleet
        let router = SMSRouter()
        let smpp = SMPPServer(host: configuration.host, port: configuration.smppPort, logger: logger) { msisdn, userData in
            await router.deliver(msisdn: msisdn, userData: userData, fleet: fleet)
        }
        let smppChannel = try await smpp.bind()
        logger.info(
            "listening",
            metadata: [
                "dm.http": "\(configuration.host):\(configuration.httpPort)", "dm.smpp": "\(configuration.host):\(configuration.smppPort)",
            ])
        let app = Application(
            router: AdminRoutes.router(fleet: fleet),
            configuration: .init(address: .hostname(configuration.host, port: configuration.httpPort), serverName: "dm-devsim"),
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await smpp.serve(smppChannel) }
            group.addTask { try await app.runService() }
            _ = try await group.next()
            group.cancelAll()
        }
        try await fleet.saveAll()
    }

    /// Closes the HTTP client.
    public func shutdown() async throws {
        try await client.shutdown()
    }
}

/// Routes SMS to the fleet: reassembles concatenated WAP Push and hands the Package #0 to the addressed device.
public actor SMSRouter {
    private var intake = SMSIntake()

    public init() {}

    /// Returns true when the number belongs to a simulated device.
    public func deliver(msisdn: String, userData: [UInt8], fleet: DeviceFleet) async -> Bool {
        let number = msisdn.hasPrefix("+") ? String(msisdn.dropFirst()) : msisdn
        guard await fleet.deviceID(msisdn: number) != nil else { return false }
        switch intake.receive(userData: userData, to: number) {
        case .incomplete:
            return true
        case .packageZero(let bytes):
            _ = await fleet.notify(number, packageZero: bytes)
            return true
        case .ignored:
            return true
        }
    }
}
