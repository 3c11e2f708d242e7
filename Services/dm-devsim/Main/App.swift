import ArgumentParser

/// dm-devsim: simulated OMA DM 1.2 devices, SMSC role and load generator.
@main
struct DevSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dm-devsim",
        abstract: "Simulated OMA DM 1.2 devices: an end-to-end test partner, a demo and a load generator.",
        subcommands: [RunCommand.self, LoadCommand.self, DevicesCommand.self, HelloServerCommand.self])
}
