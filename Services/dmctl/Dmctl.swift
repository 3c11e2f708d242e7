import ArgumentParser

/// `dmctl`: the operator and developer command line of the OMA DM stack.
///
/// Offline tools work on files and standard input with no running service: SyncML XML/WBXML conversion and
/// inspection, credentials, package #0 and WAP Push, download descriptors.
///
/// Exit codes: 0 success, 1 invalid input (a one-line reason on standard error), 2 usage error.
@main
struct Dmctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dmctl",
        abstract: "Operate and develop with the OMA DM stack.",
        subcommands: DmctlCommands.all)
}
