import ArgumentParser
import SyncML

/// `dmctl syncml`: offline tools for SyncML DM messages and credentials.
struct SyncMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syncml",
        abstract: "Convert and inspect SyncML DM messages; compute credentials.",
        subcommands: [Convert.self, Inspect.self, Cred.self, HMAC.self])

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a SyncML DM message between XML and WBXML (the input format is detected).")

        @Option(help: "Output encoding: xml or wbxml.") var to: EncodingOption
        @Option(help: "WBXML public id form: numeric or string-table.") var publicID: PublicIDOption = .numeric
        @Argument(help: "Input file (standard input when omitted or -).") var file: String?
        @Option(name: .shortAndLong, help: "Output file (standard output when omitted).") var output: String?

        func run() throws {
            try failingOnInvalidInput {
                let message = try SyncMLMessage(bytes: try CommandIO.readInput(file))
                let bytes = to == .xml ? message.preparedForXML().xml() : message.wbxml(publicID: publicID.form)
                try CommandIO.writeOutput(bytes, to: output)
            }
        }
    }

    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise a SyncML DM message: header, then each command with its items.")

        @Flag(help: "Print JSON for machines.") var json = false
        @Argument(help: "Input file (standard input when omitted or -).") var file: String?

        func run() throws {
            try failingOnInvalidInput {
                let bytes = try CommandIO.readInput(file)
                let message = try SyncMLMessage(bytes: bytes)
                let summary = MessageSummary(message, encoding: SyncMLEncoding(sniffing: bytes) ?? .xml, size: bytes.count)
                try CommandIO.writeLine(json ? try CommandIO.json(summary) : summary.text)
            }
        }
    }

    struct Cred: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the Cred Data for a user and password.")

        @Option(help: "basic or md5.") var type: CredType
        @Option(help: "User name.") var user: String
        @Option(help: "Password.") var password: String
        @Option(name: .customLong("nonce-b64"), help: "The NextNonce (base64) the server sent; md5 only.")
        var nonceB64: String?

        func validate() throws {
            if type == .basic, nonceB64 != nil { throw ValidationError("--nonce-b64 applies to md5 only") }
        }

        func run() throws {
            try failingOnInvalidInput {
                switch type {
                case .basic:
                    try CommandIO.writeLine(SyncMLAuth.basicCredential(user: user, password: password))
                case .md5:
                    let nonce = try decodeNonce(nonceB64 ?? "")
                    try CommandIO.writeLine(SyncMLAuth.md5Credential(user: user, password: password, nonce: nonce))
                }
            }
        }
    }

    struct HMAC: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the x-syncml-hmac header value for a message body.")

        @Option(help: "User name.") var user: String
        @Option(help: "Password.") var password: String
        @Option(name: .customLong("nonce-b64"), help: "The NextNonce (base64) the peer sent.") var nonceB64: String
        @Argument(help: "The exact message body (standard input when omitted or -).") var file: String?

        func run() throws {
            try failingOnInvalidInput {
                let body = try CommandIO.readInput(file)
                let nonce = try decodeNonce(nonceB64)
                let mac = SyncMLAuth.hmac(user: user, password: password, nonce: nonce, body: body)
                try CommandIO.writeLine(HMACHeader(username: user, mac: mac).value)
            }
        }
    }

    enum CredType: String, ExpressibleByArgument, CaseIterable { case basic, md5 }

    enum PublicIDOption: String, ExpressibleByArgument, CaseIterable {
        case numeric
        case stringTable = "string-table"
        var form: WBXMLPublicIDForm { self == .numeric ? .numeric : .stringTable }
    }
}

enum EncodingOption: String, ExpressibleByArgument, CaseIterable { case xml, wbxml }

private func decodeNonce(_ base64: String) throws -> [UInt8] {
    guard let nonce = Base64.decode(base64) else { throw InvalidInput("--nonce-b64 is not base64: \(base64)") }
    return nonce
}
