import ArgumentParser
import Download

/// `dmctl dd validate [FILE]`: parses a descriptor strictly, telling DL 1.0 from DL 2.0, and prints a summary.
/// An invalid descriptor exits with 1 and the reason, including the install-notify status a device would report.
struct DDValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a download descriptor and print a summary.",
        discussion: """
            Reads FILE (or standard input), detects DL 1.0 or DL 2.0 from the root element's namespace, and checks \
            it as a device would: mandatory elements, positive sizes, absolute URLs (relative ones resolve against \
            --base-url), the descriptor version. Exit code 1 with the reason when the descriptor is invalid.
            """)

    @Argument(help: "The descriptor file; standard input when omitted or '-'.")
    var file: String?

    @Option(name: .customLong("base-url"), help: "The URL the descriptor is served from, to resolve relative URLs.")
    var baseURL: String?

    @Flag(help: "Print the parsed descriptor as JSON instead of a summary.")
    var json = false

    func run() throws {
        try failingOnInvalidInput {
            let bytes = try CommandIO.readInput(file)
            let document: DownloadDescriptorDocument
            do {
                document = try DownloadDescriptorDocument.parse(bytes, baseURL: baseURL)
            } catch let error as DescriptorError {
                throw InvalidInput(
                    "invalid download descriptor: \(error) (a device reports install-notify \(error.installNotifyStatus))"
                )
            }
            if json {
                try CommandIO.writeLine(try CommandIO.json(DDSummary.JSONForm(document)))
            } else {
                try CommandIO.writeLine(DDSummary.lines(for: document).joined(separator: "\n"))
            }
        }
    }
}
