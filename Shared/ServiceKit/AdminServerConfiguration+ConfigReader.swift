public import Configuration

extension AdminServerConfiguration {
    /// Reads the admin server's address from the `admin` scope.
    ///
    /// Keys (relative to the scope; environment `DM_<SERVICE>_ADMIN_<KEY>`):
    /// - `host` (string, default `127.0.0.1`): the address to bind.
    /// - `port` (int, 0...65535, default: the service's admin port from DESIGN.md): the port to bind.
    ///
    /// - Parameters:
    ///   - reader: A reader scoped to `admin`.
    ///   - defaultPort: The port when none is configured.
    /// - Throws: ``ServiceKitError`` when a value is malformed.
    public init(reader: ConfigReader, defaultPort: Int) throws {
        let host = reader.string(forKey: "host", default: "127.0.0.1")
        guard !host.isEmpty else { throw ServiceKitError.invalidConfiguration(key: "host", "is empty") }
        self.init(host: host, port: try reader.validatedInt(forKey: "port", default: defaultPort, in: 0...65535))
    }
}
