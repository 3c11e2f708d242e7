import SyncML
import ArgumentParser
import Foundation
import Notification

/// `dmctl notify pkg0 encode`: writes a binary package #0 with its digest.
struct NotifyPackageZeroEncode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Write a binary General Package #0.",
        discussion: """
            The digest is MD5(B64(MD5(server-id:password)):nonce:B64(MD5(trigger))) with the server credentials \
            the device holds (SRVCRED AAuthSecret and AAuthData). Without --nonce-b64 the nonce is the \
            resynchronisation nonce, four zero bytes (AAAAAA==), which devices fall back to when their stored \
            nonce fails. The version field is 11, as DM 1.2 requires.
            """)

    @Option(
        name: .customLong("server-id"), help: "The server identifier (DMAcc ServerID; keep it under 24 characters).")
    var serverID: String

    @Option(help: "The server password the device stores (SRVCRED AAuthSecret).")
    var password: String

    @Option(name: .customLong("nonce-b64"), help: "The server nonce in base64 (default AAAAAA==, four zero bytes).")
    var nonceBase64: String = NotifyText.defaultNonceBase64

    @Option(name: .customLong("session-id"), help: "The session ID, decimal or 0x-hex, 0 to 65535.")
    var sessionID: NotifySessionID

    @Option(name: .customLong("ui-mode"), help: "not-specified, background, informative or interactive.")
    var uiMode: NotifyUIMode = .notSpecified

    @Option(help: "Who caused the notification: client or server.")
    var initiator: NotifyInitiator = .server

    @Option(name: .customLong("vendor-hex"), help: "A vendor-specific body, in hex.")
    var vendorHex: String?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        guard serverID.utf8.count <= 255 else {
            throw ValidationError("--server-id is \(serverID.utf8.count) bytes; the limit is 255")
        }
        _ = try NotifyText.nonce(nonceBase64)
        if let vendorHex, Hex.decode(vendorHex) == nil {
            throw ValidationError("--vendor-hex is not hex")
        }
    }

    func run() throws {
        try failingOnInvalidInput {
            let package = PackageZero(
                uiMode: uiMode.mode, initiator: initiator.initiator, sessionID: sessionID.value, serverID: serverID,
                vendorSpecific: vendorHex.flatMap(Hex.decode) ?? [])
            let bytes = try package.encoded(password: password, nonce: try NotifyText.nonce(nonceBase64))
            if serverID.utf8.count >= 24 {
                FileHandle.standardError.write(
                    Data("dmctl: warning: some clients reject a server ID of 24 bytes or more\n".utf8))
            }
            try CommandIO.writeOutput(bytes, to: output)
        }
    }
}
