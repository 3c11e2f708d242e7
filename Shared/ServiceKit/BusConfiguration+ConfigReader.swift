public import Configuration

extension BusConfiguration {
    /// Reads the bus endpoints from the `bus` scope.
    ///
    /// Keys (relative to the scope; environment `DM_<SERVICE>_BUS_<KEY>`), endpoints in ZeroMQ form
    /// (`tcp://host:port`, `ipc://path`):
    /// - `xsub` (default `tcp://127.0.0.1:5550`): dm-bus's XSUB side, where publishers connect.
    /// - `xpub` (default `tcp://127.0.0.1:5551`): dm-bus's XPUB side, where subscribers connect.
    /// - `commands.<service>` (defaults `tcp://127.0.0.1:5560` session, 5561 notify, 5562 download, 5563 fumo,
    ///   5564 scomo, 5565 lawmo, 5566 diagmon, 5567 scheduler): the directory of command endpoints.
    /// - `router` (default: this service's `commands.<service>` entry): the endpoint this service's command
    ///   ROUTER binds, when it differs from the one the others connect to (`tcp://0.0.0.0:5563`).
    /// - `curve.*`: see ``CurveConfiguration/init(reader:)``.
    ///
    /// - Parameters:
    ///   - reader: A reader scoped to `bus`.
    ///   - service: The service name without the `dm-` prefix.
    /// - Throws: ``ServiceKitError`` when an endpoint is malformed or the Curve keys are.
    public init(reader: ConfigReader, service: String) throws {
        let publish = try Self.endpoint(reader, "xsub", default: Self.defaultPublishEndpoint)
        let subscribe = try Self.endpoint(reader, "xpub", default: Self.defaultSubscribeEndpoint)
        var directory: [String: String] = [:]
        for (name, endpoint) in Self.defaultCommandEndpoints {
            directory[name] = try Self.endpoint(reader, "commands.\(name)", default: endpoint)
        }
        let router: String?
        if let configured = reader.string(forKey: "router") {
            router = try Self.checked(configured, key: "router")
        } else {
            router = directory[service]
        }
        let curve = try reader.scopedConfiguration("curve") { try CurveConfiguration(reader: $0) }
        self.init(
            publishEndpoint: publish, subscribeEndpoint: subscribe, commandEndpoint: router,
            commandEndpoints: directory, curve: curve)
    }

    private static func endpoint(_ reader: ConfigReader, _ key: String, default defaultValue: String) throws -> String {
        try checked(reader.string(forKey: ConfigKey(key), default: defaultValue), key: key)
    }

    private static func checked(_ endpoint: String, key: String) throws -> String {
        let transports = ["tcp://", "ipc://", "inproc://"]
        guard let transport = transports.first(where: { endpoint.hasPrefix($0) }),
            endpoint.count > transport.count
        else {
            throw ServiceKitError.invalidConfiguration(
                key: key, "\"\(endpoint)\" is not a ZeroMQ endpoint (tcp://host:port, ipc://path, inproc://name)")
        }
        return endpoint
    }
}
