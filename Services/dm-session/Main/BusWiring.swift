import DMSessionServer
import Logging
import ServiceKit

/// dm-session on the bus through the service kit's attachment: events from the store's outbox to dm-bus, the
/// session commands (and `system.ping`/`system.replay`) on its ROUTER, wake-ups to dm-notify through the
/// command outbox. The attachment wakes its relay and sender on every commit by itself.
enum BusWiring {
    static func attach(
        store: SessionStore, settings: ServiceConfiguration, handler: SessionCommandHandler
    ) async throws -> SessionBusAttachment {
        var logger = Logger(label: "dm-session")
        logger[metadataKey: "dm.instance"] = .string(settings.instanceID)
        let bus = ServiceBus(
            identity: ServiceIdentity(service: settings.service, instanceID: settings.instanceID),
            configuration: settings.bus, writer: store.writer, handlers: handler.commandHandlers, sendsTo: ["notify"], logger: logger)
        precondition(bus.source == store.eventSource, "the outbox and the replay must name the same source")
        return SessionBusAttachment(services: [bus])
    }
}
