/// A long-running service of the stack with its default ports (DESIGN.md, "Ports").
///
/// The service kit uses this table for defaults only; every port is configurable.
///
/// ```swift
/// StackService.named("fumo")?.adminPort       // 9083
/// StackService.named("fumo")?.commandPort     // 5563
/// StackService.commandReceivers.map(\.name)   // ["session", "notify", ..., "scheduler"]
/// ```
public struct StackService: Sendable, Hashable {
    /// The name without the `dm-` prefix, for example `"session"`.
    public let name: String

    /// The default port of the admin HTTP server (`/healthz`, `/readyz`, `/metrics`, admin routes).
    public let adminPort: Int

    /// The default port of the service's command ROUTER, or `nil` for a service that receives no commands.
    public let commandPort: Int?

    /// Creates a table entry.
    ///
    /// - Parameters:
    ///   - name: The name without the `dm-` prefix.
    ///   - adminPort: The default admin HTTP port.
    ///   - commandPort: The default command ROUTER port, if the service receives commands.
    public init(name: String, adminPort: Int, commandPort: Int?) {
        self.name = name
        self.adminPort = adminPort
        self.commandPort = commandPort
    }

    /// The event hub. Its admin port is not in DESIGN.md's table; 9087 is the free slot after the workers.
    public static let bus = StackService(name: "bus", adminPort: 9087, commandPort: nil)
    /// The DM session front end.
    public static let session = StackService(name: "session", adminPort: 9080, commandPort: 5560)
    /// The notification gateway.
    public static let notify = StackService(name: "notify", adminPort: 9081, commandPort: 5561)
    /// The download server.
    public static let download = StackService(name: "download", adminPort: 9082, commandPort: 5562)
    /// The FUMO enabler worker.
    public static let fumo = StackService(name: "fumo", adminPort: 9083, commandPort: 5563)
    /// The SCOMO enabler worker.
    public static let scomo = StackService(name: "scomo", adminPort: 9084, commandPort: 5564)
    /// The LAWMO enabler worker.
    public static let lawmo = StackService(name: "lawmo", adminPort: 9085, commandPort: 5565)
    /// The DIAGMON enabler worker.
    public static let diagmon = StackService(name: "diagmon", adminPort: 9086, commandPort: 5566)
    /// The scheduler; its admin routes share the operator REST API's port.
    public static let scheduler = StackService(name: "scheduler", adminPort: 8090, commandPort: 5567)
    /// The device simulator.
    public static let devsim = StackService(name: "devsim", adminPort: 9089, commandPort: nil)

    /// Every long-running service of the stack.
    public static let all: [StackService] = [
        .bus, .session, .notify, .download, .fumo, .scomo, .lawmo, .diagmon, .scheduler, .devsim,
    ]

    /// The services with a command ROUTER, in port order.
    public static var commandReceivers: [StackService] { all.filter { $0.commandPort != nil } }

    /// Looks a service up by name.
    ///
    /// - Parameter name: The name without the `dm-` prefix.
    /// - Returns: The entry, or `nil` for a name the stack does not define.
    public static func named(_ name: String) -> StackService? {
        all.first { $0.name == name }
    }
}
