import SyncML
import ArgumentParser
import Notification

/// `dmctl notify pkg0 decode`: prints every field of a package #0 as JSON, and checks the digest when given
/// the server password.
struct NotifyPackageZeroDecode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Print a General Package #0 as JSON; check its digest with --password.",
        discussion: """
            With --password the digest is checked against the decoded --nonce-b64 (default AAAAAA==, four zero \
            bytes) and `digestValid` is printed; when it does not match, the other nonce forms deployed clients \
            use are tried and the one that matches is shown as `digestNonceForm`, and the exit code is 1.
            """)

    @Argument(help: "The package #0 file (standard input when omitted or -).")
    var file: String?

    @Option(help: "The server password, to check the digest.")
    var password: String?

    @Option(name: .customLong("nonce-b64"), help: "The server nonce in base64 (default AAAAAA==).")
    var nonceBase64: String?

    func validate() throws {
        if let nonceBase64 {
            guard password != nil else { throw ValidationError("--nonce-b64 needs --password") }
            _ = try NotifyText.nonce(nonceBase64)
        }
    }

    /// The JSON printed.
    struct Report: Encodable {
        var length: Int
        var digest: String
        var version: UInt16
        var versionAccepted: Bool
        var uiMode: String
        var initiator: String
        var futureUse: UInt32
        var sessionID: UInt16
        var sessionIDHex: String
        var serverID: String
        var vendorSpecific: String
        var digestValid: Bool?
        var digestNonceForm: String?
    }

    func run() throws {
        try failingOnInvalidInput {
            let bytes = try CommandIO.readInput(file)
            let package = try PackageZero.decode(bytes, acceptedVersions: nil)
            var report = Report(
                length: bytes.count, digest: Hex.encode(package.digest), version: package.version,
                versionAccepted: package.isVersionAccepted, uiMode: package.uiMode.name,
                initiator: package.initiator.name, futureUse: package.futureUse, sessionID: package.sessionID,
                sessionIDHex: package.sessionIDHex, serverID: package.serverID,
                vendorSpecific: Hex.encode(package.vendorSpecific))
            var failure: InvalidInput?
            if let password {
                let nonceText = nonceBase64 ?? NotifyText.defaultNonceBase64
                let valid = package.verifyDigest(password: password, nonce: try NotifyText.nonce(nonceText))
                report.digestValid = valid
                if valid {
                    report.digestNonceForm = PackageZero.NonceForm.decoded.rawValue
                } else {
                    let form = package.matchingNonceForm(password: password, nonceBase64: nonceText)
                    report.digestNonceForm = form?.rawValue
                    failure = InvalidInput(
                        "the digest does not match the password and nonce"
                            + (form.map { " (it matches the \($0.rawValue) nonce form)" } ?? ""))
                }
            }
            try CommandIO.writeLine(try CommandIO.json(report))
            if let failure { throw failure }
        }
    }
}
