import ArgumentParser
import DeviceSimulator
import Logging

/// `dm-devsim run`: keeps N devices alive, answering notifications (SMPP on 2775, HTTP push on 9089).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Keep N devices alive, answering notifications; admin REST on the HTTP port.")

    @OptionGroup var options: DeviceOptions

    @Option(help: "Write the device list for `dmctl devices import` (JSON lines) to this file.")
    var importTo: String?

    @Option(help: "The simulator's SQLite state file.")
    var state: String = ".data/devsim/devsim.sqlite"

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "HTTP push and admin REST port.")
    var httpPort: Int = 9089

    @Option(help: "SMPP (SMSC role) port.")
    var smppPort: Int = 2775

    @Option(help: "Sessions running at once across all devices.")
    var maxSessions: Int = 64

    @Flag(help: "Every device runs one client-initiated session at start.")
    var registerAtStart = false

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: "dm-devsim")
        let simulator = try await SimulatorHost.start(
            SimulatorConfiguration(
                serverURL: options.server, devices: options.devices, profile: try options.loadProfile(),
                seed: options.seed, wbxml: options.wbxml, statePath: state, host: host, httpPort: httpPort,
                smppPort: smppPort, insecure: options.insecure,
                serverAuthPolicy: options.requireServerAuth ? .required : .ifPresent, maxConcurrentSessions: maxSessions),
            logger: logger)
        if let importTo {
            try await simulator.writeImportFile(to: importTo)
            logger.info("import file written", metadata: ["dm.path": "\(importTo)"])
        }
        if registerAtStart {
            let fleet = simulator.fleet
            let ids = await fleet.deviceIDs
            Task.detached {
                await withTaskGroup(of: Void.self) { group in
                    for id in ids { group.addTask { await fleet.runSession(id) } }
                }
            }
        }
        do {
            try await simulator.serve()
        } catch {
            try? await simulator.shutdown()
            throw error
        }
        try await simulator.shutdown()
    }
}
