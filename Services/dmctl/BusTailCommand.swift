import ArgumentParser
import Bus
import Foundation

/// `dmctl bus tail`: prints events from dm-bus's XPUB side as they pass, one JSON object per line.
struct BusTailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tail",
        abstract: "Print events from the bus as they pass (one CloudEvents JSON per line).")

    @Option(name: .customLong("type"), help: "Event type prefix to subscribe to (all events when omitted).")
    var typePrefix = "dm."

    @Option(help: "dm-bus's XPUB endpoint.")
    var endpoint = "tcp://127.0.0.1:5551"

    @Option(help: "Stop after this many events (0: run until interrupted).")
    var count = 0

    @Option(help: "Give up after this many seconds without an event (0: wait forever); exit 1 if none came.")
    var timeout = 0.0

    func run() async throws {
        let node = try BusNode(name: "dmctl-tail")
        let subscriber = try await node.subscriber(connectingTo: endpoint, prefixes: [typePrefix])
        var seen = 0
        let outcome: Int32 = await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                var printed = 0
                for await event in subscriber.events {
                    FileHandle.standardOutput.write(Data(event.payload + [0x0A]))
                    printed += 1
                    if count > 0, printed >= count { return 0 }
                }
                return 0
            }
            if timeout > 0 {
                group.addTask {
                    try? await Task.sleep(for: .seconds(timeout))
                    return nil
                }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? 1
        }
        seen = Int(outcome)
        await node.shutdown()
        if seen != 0 {
            FileHandle.standardError.write(Data("dmctl: no events within \(timeout) s\n".utf8))
            throw ExitCode(1)
        }
    }
}
