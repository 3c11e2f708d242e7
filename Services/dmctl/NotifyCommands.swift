import ArgumentParser

/// `dmctl notify`: offline tools for the DM notification, General Package #0, and its WAP Push carriage
/// (WSP over SMS user data, or a PAP submission to a push proxy gateway).
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Build and inspect DM notifications (package #0, WAP Push SMS, PAP).",
        subcommands: [NotifyPackageZeroCommand.self, NotifySMSCommand.self])
}

/// `dmctl notify pkg0`: encode and decode General Package #0.
struct NotifyPackageZeroCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pkg0",
        abstract: "Encode or decode an OMA DM General Package #0 (application/vnd.syncml.notification).",
        subcommands: [NotifyPackageZeroEncode.self, NotifyPackageZeroDecode.self])
}
