import Foundation

/// The entry point of dm-bus, the region's event hub (see ``BusService`` and ``BusServiceConfiguration``).
@main
enum DMBusMain {
    static func main() async {
        let configuration: BusServiceConfiguration
        do {
            configuration = try BusServiceConfiguration(environment: ProcessInfo.processInfo.environment)
        } catch {
            BusService.log("\(error)")
            exit(1)
        }
        exit(await BusService(configuration: configuration).run())
    }
}
