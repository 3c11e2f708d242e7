import Bus
import DMSessionServer
import Messaging
import ServiceKit
import ServiceLifecycle

/// dm-session on the bus, wired by hand the way `Tests/BusTestPeer` does it: one node; a publisher to dm-bus
/// behind the event relay; the command ROUTER behind a receiver (which also answers `system.ping` and
/// `system.replay`); a sender with a DEALER to dm-notify. Kept in this one file so that ServiceKit's standard bus
/// attachment can replace it.
enum BusWiring {
    static func attach(
        store: SessionStore, settings: ServiceConfiguration, handler: SessionCommandHandler
    ) async throws -> SessionBusAttachment {
        let bus = settings.bus
        let node = try BusNode(name: "dm-session")
        let publisher = try await node.publisher(connectingTo: bus.publishEndpoint)
        let relay = EventRelay(writer: store.writer, sink: publisher)
        var services: [any Service] = [TaskService { try await relay.run() }]
        if let endpoint = bus.commandEndpoint {
            let router = try await node.router(bindingTo: endpoint)
            let receiver = CommandReceiver(writer: store.writer, endpoint: router) { command, db in
                let outcome = try handler.handle(command, in: db)
                return outcome
            }
            services.append(TaskService { try await receiver.run() })
        }
        var channels: [String: any CommandChannel] = [:]
        if let notify = bus.commandEndpoint(of: "notify") {
            channels["notify"] = try await node.dealer(connectingTo: notify)
        }
        let sender = CommandSender(writer: store.writer, channels: channels)
        services.append(TaskService { try await sender.run() })
        return SessionBusAttachment(
            didCommit: {
                relay.wake()
                sender.wake()
            },
            services: services)
    }
}
