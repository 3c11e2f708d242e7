import ArgumentParser
import Foundation

/// `dmctl`: the operator and developer command line of the OMA DM stack.
///
/// Offline tools work on files and standard input with no running service: SyncML XML/WBXML conversion and
/// inspection, credentials, package #0 and WAP Push, download descriptors.
///
/// Exit codes: 0 success, 1 invalid input (a one-line reason on standard error), 2 usage error.
struct Dmctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dmctl",
        abstract: "Operate and develop with the OMA DM stack.",
        subcommands: DmctlCommands.all)
}

/// The entry point: parses, runs, and maps ArgumentParser's usage failure (64) to exit code 2.
@main
enum DmctlMain {
    static func main() async {
        do {
            var command = try Dmctl.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = Dmctl.exitCode(for: error)
            let message = Dmctl.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
