import DMSessionServer
import ServiceKit

/// dm-session: the DM session server (see `Services/dm-session/Server`).
@main
struct App {
    static func main() async {
        await ServiceMain.run(service: "session") { @Sendable reader, telemetry in
            try await SessionApplication.build(reader: reader, telemetry: telemetry, attachBus: BusWiring.attach)
        }
    }
}
