import ArgumentParser
import Bus
import Contracts
import Foundation
import Messaging

/// `dmctl bus ping SERVICE`: sends `system.ping` to a service's command endpoint and prints the result.
struct BusPingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Send system.ping to a service and print its answer (name, version, uptime).")

    /// The default command endpoints (DESIGN.md's ports), by service name.
    static let defaultEndpoints: [String: String] = [
        "dm-session": "tcp://127.0.0.1:5560", "dm-notify": "tcp://127.0.0.1:5561",
        "dm-download": "tcp://127.0.0.1:5562", "dm-fumo": "tcp://127.0.0.1:5563", "dm-scomo": "tcp://127.0.0.1:5564",
        "dm-lawmo": "tcp://127.0.0.1:5565", "dm-diagmon": "tcp://127.0.0.1:5566",
        "dm-scheduler": "tcp://127.0.0.1:5567",
    ]

    @Argument(help: "The service (dm-session, dm-notify, ...), or a command endpoint such as tcp://host:port.")
    var service: String

    @Option(help: "Seconds to wait for the answer.")
    var timeout = 5.0

    @Flag(help: "Print the whole result JSON.")
    var json = false

    func validate() throws {
        if !service.contains("://"), BusPingCommand.defaultEndpoints[service] == nil {
            throw ValidationError(
                "unknown service \(service); use one of \(BusPingCommand.defaultEndpoints.keys.sorted().joined(separator: ", ")) or an endpoint")
        }
    }

    func run() async throws {
        let endpoint = service.contains("://") ? service : BusPingCommand.defaultEndpoints[service] ?? service
        let node = try BusNode(name: "dmctl-ping")
        let dealer = try await node.dealer(connectingTo: endpoint)
        let requester = CommandRequester(channel: dealer, source: "dmctl")
        let reply: Result<[UInt8], any Error> = await withTaskGroup(of: Result<[UInt8], any Error>?.self) { group in
            group.addTask {
                await requester.run()
                return nil
            }
            group.addTask {
                do {
                    return .success(try await requester.request(name: SystemPing.commandName, data: "{}", timeout: .seconds(timeout)))
                } catch {
                    return .failure(error)
                }
            }
            var answer: Result<[UInt8], any Error> = .failure(RequestTimedOut(name: SystemPing.commandName, timeout: .seconds(timeout)))
            for await value in group {
                if let value {
                    answer = value
                    break
                }
            }
            group.cancelAll()
            return answer
        }
        await node.shutdown()
        try failingOnInvalidInput {
            let body = try reply.get()
            let result = try ContractsJSON.decode(CommandResult<SystemPingResult>.self, from: Data(body))
            let ping = try result.get()
            if json {
                try CommandIO.writeLine(String(decoding: body, as: UTF8.self))
            } else {
                try CommandIO.writeLine(
                    "\(ping.service) \(ping.version) instance \(ping.instance) up \(String(format: "%.1f", ping.uptimeSeconds)) s")
            }
        }
    }
}
