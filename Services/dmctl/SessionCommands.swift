import ArgumentParser
import Contracts
import Foundation

/// `dmctl session`: the command queue, results and wake-ups of dm-session.
struct SessionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Queue commands for a device, read their results, wake it up.",
        subcommands: [SessionEnqueue.self, SessionResults.self, SessionWakeupCommand.self])
}

/// The commands `dmctl session enqueue` can queue.
enum EnqueueKind: String, ExpressibleByArgument, CaseIterable {
    case get, replace, add, delete, exec
}

/// `dmctl session enqueue --device ID get|replace|add|delete|exec URI`.
struct SessionEnqueue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue", abstract: "Queue a Get, Replace, Add, Delete or Exec for a device; prints its id.")

    @OptionGroup var admin: AdminOptions
    @Option(help: "The device id.") var device: String
    @Argument(help: "get, replace, add, delete or exec.") var kind: EnqueueKind
    @Argument(help: "The node URI, e.g. ./DevDetail/SwV.") var uri: String
    @Option(help: "The value (Replace, Add; optional data for Exec).") var value: String?
    @Option(help: "Meta Format: chr, int, b64, bool, node, ...") var format: String?
    @Option(help: "Meta Type, a MIME type.") var type: String?
    @Option(help: "Exec's correlator.") var correlator: String?
    @Option(help: "Priority: higher first (customer care 20, high 10, normal 0, low -10).") var priority: Int = 0

    func validate() throws {
        if (kind == .replace || kind == .add) && value == nil && format != "node" {
            throw ValidationError("\(kind.rawValue) needs --value")
        }
        if correlator != nil && kind != .exec { throw ValidationError("--correlator is for exec") }
    }

    func run() async throws {
        try await failingOnInvalidInputAsync {
            struct Body: Encodable {
                var command: SessionCommandSpec
                var priority: Int
            }
            let spec = SessionCommandSpec(
                kind: SessionCommandSpec.Kind(rawValue: kind.rawValue)!,
                items: [SessionCommandItem(target: uri, data: value, format: format, type: type)], correlator: correlator)
            let data = try await AdminHTTP.call(
                "POST", admin.baseURL, "/devices/\(AdminHTTP.segment(device))/commands",
                body: try ContractsJSON.encode(Body(command: spec, priority: priority)))
            try CommandIO.writeLine(try ContractsJSON.decode(SessionCommandEnqueued.self, from: data).commandID)
        }
    }
}

/// A command as the admin API shows it (the fields dmctl prints).
struct CommandListing: Decodable {
    struct Spec: Decodable {
        var kind: String
        var items: [SessionCommandItem]
    }
    var commandID: String
    var state: String
    var command: Spec
    var status: Int?
    var results: [SessionValueItem]?
}

/// `dmctl session results --device ID`.
struct SessionResults: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results", abstract: "Show a device's commands with their status and results, newest first.")
    @OptionGroup var admin: AdminOptions
    @Option(help: "The device id.") var device: String
    @Option(help: "Only commands in this state: queued, sent, completed.") var state: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await failingOnInvalidInputAsync {
            let query = state.map { "?state=\(AdminHTTP.query($0))" } ?? ""
            let data = try await AdminHTTP.call("GET", admin.baseURL, "/devices/\(AdminHTTP.segment(device))/commands\(query)")
            if json { return try AdminHTTP.printJSON(data) }
            for command in try JSONDecoder().decode([CommandListing].self, from: data) {
                let target = command.command.items.first?.target ?? "-"
                try CommandIO.writeLine(
                    "\(command.commandID)\t\(command.command.kind) \(target)\t\(command.state)\t\(command.status.map(String.init) ?? "-")")
                for result in command.results ?? [] {
                    try CommandIO.writeLine("    \(result.uri ?? "-") = \(result.data ?? "")")
                }
            }
        }
    }
}

/// `dmctl session wakeup --device ID`.
struct SessionWakeupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wakeup", abstract: "Send the device a package #0 (through dm-notify) so it opens a session.")
    @OptionGroup var admin: AdminOptions
    @Option(help: "The device id.") var device: String
    @Option(help: "UI mode: not-specified, background, informative, user-interaction.") var uiMode: String?

    func run() async throws {
        try await failingOnInvalidInputAsync {
            struct Body: Encodable { var uiMode: String? }
            let data = try await AdminHTTP.call(
                "POST", admin.baseURL, "/devices/\(AdminHTTP.segment(device))/wakeup",
                body: try JSONEncoder().encode(Body(uiMode: uiMode)))
            let requested = try ContractsJSON.decode(SessionWakeupRequested.self, from: data)
            try CommandIO.writeLine("package #0 for \(requested.deviceID), session \(requested.sessionID), notification \(requested.notificationID)")
        }
    }
}

/// `dmctl tree show --device ID [URI]`.
struct TreeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree", abstract: "The last-known management tree of a device.", subcommands: [TreeShow.self])
}

/// `dmctl tree show`.
struct TreeShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show every value a device reported under a node, with when it was seen.")
    @OptionGroup var admin: AdminOptions
    @Option(help: "The device id.") var device: String
    @Argument(help: "The node (default: the whole tree).") var uri: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        try await failingOnInvalidInputAsync {
            let query = uri.map { "?uri=\(AdminHTTP.query($0))" } ?? ""
            let data = try await AdminHTTP.call("GET", admin.baseURL, "/devices/\(AdminHTTP.segment(device))/tree\(query)")
            if json { return try AdminHTTP.printJSON(data) }
            struct Node: Decodable { var uri: String; var value: String?; var format: String?; var updatedAt: String }
            for node in try JSONDecoder().decode([Node].self, from: data) {
                try CommandIO.writeLine("\(node.uri) = \(node.value ?? "")\t(\(node.format ?? "chr"), \(node.updatedAt))")
            }
        }
    }
}
