import ArgumentParser
import Contracts
import Foundation

/// `dmctl contracts`: the bus contract as the code defines it (``ContractsCatalog``), for integrators and for
/// checking `docs/asyncapi.yaml`.
struct ContractsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contracts",
        abstract: "List the bus messages and print a sample of each as it goes on the wire.",
        subcommands: [ContractsSamplesCommand.self, ContractsListCommand.self])
}

/// `dmctl contracts samples`: one JSON line per catalog entry,
/// `{"name": ..., "kind": ..., "schemaVersion": ..., "frame": ..., "message": <the envelope as on the wire>}`.
struct ContractsSamplesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Print every message's sample as JSON Lines.",
        discussion: """
            Each line is {"name", "kind", "schemaVersion", "frame", "message"}: the message's name in \
            docs/asyncapi.yaml, event/command/result, its schema version, the first ZeroMQ frame it travels under, \
            and the second frame, the full JSON envelope (CloudEvent, command envelope, or result) byte for byte.
            """)

    @Option(name: .customLong("name"), help: "Print only the message with this name.")
    var name: String?

    func run() throws {
        try failingOnInvalidInput {
            let entries = try ContractsCatalogSelection.entries(named: name)
            var lines: [String] = []
            for entry in entries {
                lines.append(try ContractsSamplesCommand.line(for: entry))
            }
            try CommandIO.writeLine(lines.joined(separator: "\n"))
        }
    }

    /// The JSON line of one entry; `message` holds the wire bytes unchanged.
    static func line(for entry: ContractsCatalogEntry) throws -> String {
        let message = String(decoding: try entry.sampleJSON(), as: UTF8.self)
        return "{\"name\":\(try quoted(entry.name)),\"kind\":\(try quoted(entry.kind.rawValue)),"
            + "\"schemaVersion\":\(entry.schemaVersion),\"frame\":\(try quoted(entry.frame)),\"message\":\(message)}"
    }

    private static func quoted(_ text: String) throws -> String {
        String(decoding: try ContractsJSON.encode(text), as: UTF8.self)
    }
}

/// `dmctl contracts list`: the name of every message, one a line.
struct ContractsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print the name of every bus message.",
        discussion: "With --long, each line also has the kind, the schema version and the Swift envelope type.")

    @Flag(help: "Also print kind, schema version and Swift type, tab-separated.")
    var long = false

    func run() throws {
        try failingOnInvalidInput {
            let lines = ContractsCatalog.entries.map { entry in
                long
                    ? [entry.name, entry.kind.rawValue, "v\(entry.schemaVersion)", entry.swiftType]
                        .joined(separator: "\t")
                    : entry.name
            }
            try CommandIO.writeLine(lines.joined(separator: "\n"))
        }
    }
}

/// Picks catalog entries for a command.
enum ContractsCatalogSelection {
    /// Every entry, or the one named `name`.
    static func entries(named name: String?) throws -> [ContractsCatalogEntry] {
        guard let name else { return ContractsCatalog.entries }
        guard let entry = ContractsCatalog.entry(named: name) else {
            throw InvalidInput("no bus message named \(name) (see dmctl contracts list)")
        }
        return [entry]
    }
}
