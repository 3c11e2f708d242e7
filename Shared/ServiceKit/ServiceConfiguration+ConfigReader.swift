public import Configuration

extension ServiceConfiguration {
    /// Reads the shared settings of `service`.
    ///
    /// Keys (environment `DM_<SERVICE>_<KEY>` with dots and dashes as underscores, e.g. `DM_FUMO_ADMIN_PORT`;
    /// YAML nests at the dots):
    /// - `instance-id` (string, default: the service name): unique among instances of one service; set it when
    ///   running more than one.
    /// - `data-directory` (string, default `.data/<service>`): holds `<service>.sqlite`; created if missing.
    /// - `shutdown.timeout` (seconds, default 30): how long a graceful shutdown may take.
    /// - `admin.*`: see ``AdminServerConfiguration/init(reader:defaultPort:)``.
    /// - `log.*`: see ``LogConfiguration/init(reader:)``.
    /// - `bus.*`: see ``BusConfiguration/init(reader:service:)``.
    ///
    /// - Parameters:
    ///   - service: The service name without the `dm-` prefix (see ``isValidServiceName(_:)``).
    ///   - reader: The service's root reader, from ``ServiceConfigReader``.
    /// - Throws: ``ServiceKitError`` naming the first malformed key.
    public init(service: String, reader: ConfigReader) throws {
        guard Self.isValidServiceName(service) else {
            throw ServiceKitError.invalidConfiguration(
                key: "service", "\"\(service)\" is not a service name (lowercase letters and digits)")
        }
        let instanceID = reader.string(forKey: "instance-id", default: service)
        guard !instanceID.isEmpty else { throw ServiceKitError.invalidConfiguration(key: "instance-id", "is empty") }
        let dataDirectory = reader.string(forKey: "data-directory", default: Self.defaultDataDirectory(for: service))
        guard !dataDirectory.isEmpty else {
            throw ServiceKitError.invalidConfiguration(key: "data-directory", "is empty")
        }
        let timeout = try reader.validatedDouble(forKey: "shutdown.timeout", default: 30, in: 0.001...86_400)
        let defaultPort = Self.defaultAdminPort(for: service)
        self.init(
            service: service,
            instanceID: instanceID,
            dataDirectory: dataDirectory,
            admin: try reader.scopedConfiguration("admin") {
                try AdminServerConfiguration(reader: $0, defaultPort: defaultPort)
            },
            log: try reader.scopedConfiguration("log") { try LogConfiguration(reader: $0) },
            bus: try reader.scopedConfiguration("bus") { try BusConfiguration(reader: $0, service: service) },
            shutdownTimeout: .milliseconds(Int64((timeout * 1000).rounded())))
    }
}
