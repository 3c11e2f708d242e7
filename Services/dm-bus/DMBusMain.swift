import ServiceKit

/// The entry point of dm-bus, the region's event hub (see ``BusService`` and ``BusServiceConfiguration``):
/// the proxy, plus the service kit's admin server (`/healthz`, `/readyz`, `/metrics` on 9087).
@main
enum DMBusMain {
    static func main() async {
        await ServiceMain.run(service: "bus") { reader, telemetry in
            let settings = try ServiceConfiguration(service: "bus", reader: reader)
            let configuration = try BusServiceConfiguration(reader: reader)
            var host = ServiceHost(configuration: settings, telemetry: telemetry, store: nil)
            let ready = ReadinessFlag(notReady: "the proxy is not bound yet")
            host.readiness.register("proxy", ready)
            host.addService(
                BusService(
                    configuration: configuration, logger: host.logger, ready: ready,
                    metrics: BusMetrics(registry: telemetry.registry)))
            return host.makeApplication(router: host.makeAdminRouter())
        }
    }
}
