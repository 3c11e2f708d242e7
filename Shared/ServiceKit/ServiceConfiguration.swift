/// The settings every service shares: who it is, where it keeps its data, where its admin server listens, how it
/// logs, where the bus is and how long a graceful shutdown may take.
///
/// A service reads it with ``init(service:reader:)`` from the reader ``ServiceConfigReader`` builds, and reads
/// its own settings from the same reader.
///
/// ```swift
/// let reader = try await ServiceConfigReader.load(service: "fumo")
/// let settings = try ServiceConfiguration(service: "fumo", reader: reader)
/// settings.databasePath   // ".data/fumo/fumo.sqlite"
/// ```
public struct ServiceConfiguration: Sendable, Hashable {
    /// The service name without the `dm-` prefix, for example `"fumo"`. Fixed in code, not configurable.
    public var service: String

    /// The instance id, unique among the instances of one service.
    public var instanceID: String

    /// The directory that holds the service's SQLite database and other files.
    public var dataDirectory: String

    /// Where the admin HTTP server listens.
    public var admin: AdminServerConfiguration

    /// How the service logs.
    public var log: LogConfiguration

    /// Where the bus is.
    public var bus: BusConfiguration

    /// How long a graceful shutdown may take before the remaining work is cancelled.
    public var shutdownTimeout: Duration

    /// Creates the configuration of `service`, with the defaults for anything not given.
    ///
    /// - Parameters:
    ///   - service: The service name without the `dm-` prefix.
    ///   - instanceID: The instance id; defaults to the service name.
    ///   - dataDirectory: The data directory; defaults to `.data/<service>`.
    ///   - admin: The admin server address; defaults to loopback and the service's admin port.
    ///   - log: The logging settings; defaults to `info` in logfmt.
    ///   - bus: The bus endpoints; defaults to loopback and DESIGN.md's ports.
    ///   - shutdownTimeout: The graceful shutdown limit; defaults to 30 seconds.
    public init(
        service: String,
        instanceID: String? = nil,
        dataDirectory: String? = nil,
        admin: AdminServerConfiguration? = nil,
        log: LogConfiguration = LogConfiguration(),
        bus: BusConfiguration? = nil,
        shutdownTimeout: Duration = .seconds(30)
    ) {
        self.service = service
        self.instanceID = instanceID ?? service
        self.dataDirectory = dataDirectory ?? Self.defaultDataDirectory(for: service)
        self.admin = admin ?? AdminServerConfiguration(port: Self.defaultAdminPort(for: service))
        self.log = log
        self.bus = bus ?? BusConfiguration.defaults(for: service)
        self.shutdownTimeout = shutdownTimeout
    }

    /// The SQLite database file: `<dataDirectory>/<service>.sqlite`.
    public var databasePath: String {
        let directory = dataDirectory.hasSuffix("/") ? String(dataDirectory.dropLast()) : dataDirectory
        return "\(directory)/\(service).sqlite"
    }

    /// `.data/<service>`, relative to the working directory.
    ///
    /// - Parameter service: The service name without the `dm-` prefix.
    /// - Returns: The default data directory.
    public static func defaultDataDirectory(for service: String) -> String {
        ".data/\(service)"
    }

    /// The admin port DESIGN.md gives `service`, or 9090 for a service it does not list.
    ///
    /// - Parameter service: The service name without the `dm-` prefix.
    /// - Returns: The default admin port.
    public static func defaultAdminPort(for service: String) -> Int {
        StackService.named(service)?.adminPort ?? 9090
    }

    /// Whether `name` can be a service name: lowercase ASCII letters and digits, not empty, starting with a
    /// letter. The name becomes part of environment variable names (`DM_<SERVICE>_...`) and file names.
    ///
    /// - Parameter name: The candidate name.
    /// - Returns: `true` when the name is usable.
    public static func isValidServiceName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }
}
