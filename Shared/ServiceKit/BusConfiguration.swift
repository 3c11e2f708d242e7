/// Where a service finds the bus (docs/bus.md, "Endpoints"): dm-bus's two sides, its own command endpoint and
/// the command endpoints of the others.
public struct BusConfiguration: Sendable, Hashable {
    /// dm-bus's XSUB side, where publishers connect (dm-bus binds it).
    public var publishEndpoint: String

    /// dm-bus's XPUB side, where subscribers connect (dm-bus binds it).
    public var subscribeEndpoint: String

    /// The endpoint this service's command ROUTER binds, or `nil` for a service that receives no commands.
    public var commandEndpoint: String?

    /// Every service's command endpoint by service name (`session`, `notify`, ...), where DEALERs connect.
    public var commandEndpoints: [String: String]

    /// The CurveZMQ keys, or `nil` for plain TCP (loopback and trusted networks only).
    public var curve: CurveConfiguration?

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - publishEndpoint: dm-bus's XSUB side.
    ///   - subscribeEndpoint: dm-bus's XPUB side.
    ///   - commandEndpoint: This service's ROUTER endpoint, if it receives commands.
    ///   - commandEndpoints: The command endpoints by service name.
    ///   - curve: The CurveZMQ keys, if Curve is on.
    public init(
        publishEndpoint: String = BusConfiguration.defaultPublishEndpoint,
        subscribeEndpoint: String = BusConfiguration.defaultSubscribeEndpoint,
        commandEndpoint: String?,
        commandEndpoints: [String: String] = BusConfiguration.defaultCommandEndpoints,
        curve: CurveConfiguration? = nil
    ) {
        self.publishEndpoint = publishEndpoint
        self.subscribeEndpoint = subscribeEndpoint
        self.commandEndpoint = commandEndpoint
        self.commandEndpoints = commandEndpoints
        self.curve = curve
    }

    /// The default configuration of `service`: loopback endpoints with DESIGN.md's ports, Curve off.
    ///
    /// - Parameter service: The service name without the `dm-` prefix.
    /// - Returns: The defaults; ``commandEndpoint`` is the service's own directory entry, if it has one.
    public static func defaults(for service: String) -> BusConfiguration {
        BusConfiguration(commandEndpoint: defaultCommandEndpoints[service])
    }

    /// The endpoint where `service` receives commands.
    ///
    /// - Parameter service: The service name without the `dm-` prefix.
    /// - Returns: The endpoint, or `nil` for a service without one.
    public func commandEndpoint(of service: String) -> String? {
        commandEndpoints[service]
    }

    /// `tcp://127.0.0.1:5550`, dm-bus's XSUB side.
    public static let defaultPublishEndpoint = "tcp://127.0.0.1:5550"

    /// `tcp://127.0.0.1:5551`, dm-bus's XPUB side.
    public static let defaultSubscribeEndpoint = "tcp://127.0.0.1:5551"

    /// `tcp://127.0.0.1:<port>` for every service with a command port (5560 session ... 5567 scheduler).
    public static var defaultCommandEndpoints: [String: String] {
        var endpoints: [String: String] = [:]
        for service in StackService.commandReceivers {
            if let port = service.commandPort { endpoints[service.name] = "tcp://127.0.0.1:\(port)" }
        }
        return endpoints
    }
}
