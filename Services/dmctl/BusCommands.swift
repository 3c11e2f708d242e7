import ArgumentParser
import Bus

/// `dmctl bus`: tools for the ZeroMQ bus.
struct BusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bus",
        abstract: "Tools for the ZeroMQ bus.",
        subcommands: [BusKeygenCommand.self, BusTailCommand.self, BusPingCommand.self])
}

/// `dmctl bus keygen`: prints a new CurveZMQ key pair for a bus endpoint or client, in Z85.
struct BusKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Print a new CurveZMQ key pair (Z85).",
        discussion: """
            Prints two lines, `public: KEY` and `secret: KEY`, each key 40 characters of Z85. Give the public key \
            to the peers (a server lists its clients' public keys; a client is configured with its server's); keep \
            the secret key in the service's configuration. With --json, prints {"public": ..., "secret": ...}.
            """)

    @Flag(help: "Print the key pair as JSON.")
    var json = false

    /// The JSON form of a key pair.
    struct KeyPairJSON: Encodable {
        var `public`: String
        var secret: String
    }

    func run() throws {
        try failingOnInvalidInput {
            let pair = try CurveKeyPair.generate()
            if json {
                try CommandIO.writeLine(try CommandIO.json(KeyPairJSON(public: pair.publicKey, secret: pair.secretKey)))
            } else {
                try CommandIO.writeLine("public: \(pair.publicKey)\nsecret: \(pair.secretKey)")
            }
        }
    }
}
