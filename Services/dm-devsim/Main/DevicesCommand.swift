import ArgumentParser
import DeviceSimulator
import Foundation

/// `dm-devsim devices`: writes the import file of a run without starting it (same seed, same devices).
struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "Write the device list (`dmctl devices import` JSON lines) of a run.")

    @OptionGroup var options: DeviceOptions

    @Option(help: "The file to write (standard output when absent).")
    var importTo: String?

    func run() async throws {
        let factory = DeviceFactory(
            profile: try options.loadProfile(), serverURL: options.server, seed: options.seed,
            forceWBXML: options.wbxml)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var text = ""
        for index in 0..<options.devices {
            text += String(decoding: try encoder.encode(factory.importRecord(index)), as: UTF8.self) + "\n"
        }
        if let importTo {
            try text.write(toFile: importTo, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
    }
}
