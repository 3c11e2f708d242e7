import ArgumentParser

/// `dmctl dd`: offline tools for OMA Download descriptors (DL 1.0 `application/vnd.oma.dd+xml` and DL 2.0
/// `application/vnd.oma.dd2+xml`).
struct DDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dd",
        abstract: "Validate and create OMA Download descriptors (DL 1.0 and DL 2.0).",
        subcommands: [DDValidateCommand.self, DDCreateCommand.self])
}
