/// Where the admin HTTP server (`/healthz`, `/readyz`, `/metrics` and a service's admin routes) listens.
///
/// Read it with ``init(reader:defaultPort:)`` from the `admin` scope; see `docs/operations.md`.
public struct AdminServerConfiguration: Sendable, Hashable {
    /// The address to bind, loopback by default.
    public var host: String

    /// The TCP port to bind; `0` asks the system for a free port.
    public var port: Int

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - host: The address to bind; defaults to `127.0.0.1`.
    ///   - port: The port to bind.
    public init(host: String = "127.0.0.1", port: Int) {
        self.host = host
        self.port = port
    }
}
