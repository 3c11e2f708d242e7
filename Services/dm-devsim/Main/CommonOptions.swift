import ArgumentParser
import DeviceSimulator
import Foundation

/// Options shared by `run`, `load` and `devices`.
struct DeviceOptions: ParsableArguments {
    @Option(help: "The DM server URL devices post package 1 to (e.g. http://127.0.0.1:8080/dm).")
    var server: String

    @Option(help: "How many devices.")
    var devices: Int = 1

    @Option(help: "A profile (YAML or JSON): models, firmware versions, inventories, auth mix, failure rates.")
    var profile: String?

    @Option(help: "The seed of the run: device ids, credentials and injected failures follow from it.")
    var seed: UInt64?

    @Flag(help: "Every device speaks WBXML.")
    var wbxml = false

    @Flag(help: "Accept any TLS certificate (self-signed test servers).")
    var insecure = false

    @Flag(help: "Challenge a server that sends no credentials (407) instead of accepting it.")
    var requireServerAuth = false

    func loadProfile() throws -> SimulatorProfile {
        guard let profile else { return SimulatorProfile() }
        return try SimulatorProfile.load(path: profile)
    }

    func validate() throws {
        guard devices > 0 else { throw ValidationError("--devices must be at least 1") }
        guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
            throw ValidationError("--server must be an http:// or https:// URL")
        }
    }
}
