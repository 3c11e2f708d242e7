import ServiceLifecycle

/// Runs a service once a ``StartupGate`` opens; a graceful shutdown while it waits ends it without running it.
struct GatedService: Service, CustomStringConvertible {
    let gate: StartupGate
    let base: any Service

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await gate.wait() }
        } catch is CancellationError where Task.isShuttingDownGracefully {
            return
        }
        try await base.run()
    }

    var description: String { String(describing: base) }
}
