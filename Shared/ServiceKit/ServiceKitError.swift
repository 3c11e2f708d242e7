/// An error raised by the service kit while a service starts: bad configuration, a second telemetry bootstrap,
/// an unusable data directory.
///
/// Match on ``code``; ``description`` names the key, path or value involved and is meant for an operator.
///
/// ```swift
/// do {
///     _ = try ServiceConfiguration(service: "fumo", reader: reader)
/// } catch let error as ServiceKitError where error.code == .invalidConfiguration {
///     print(error)   // invalid configuration: admin.port: "abc" is not an integer
/// }
/// ```
public struct ServiceKitError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Kind: String, Sendable, Hashable {
            case invalidConfiguration = "invalid configuration"
            case configurationFile = "configuration file"
            case alreadyBootstrapped = "already bootstrapped"
            case dataDirectory = "data directory"
        }

        private let kind: Kind

        private init(_ kind: Kind) { self.kind = kind }

        /// A configuration value is malformed, out of range or inconsistent with another.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The configuration file was named but could not be read or parsed, or `--config` had no value.
        public static let configurationFile = Code(.configurationFile)
        /// The process-wide logging and metrics backends were bootstrapped a second time.
        public static let alreadyBootstrapped = Code(.alreadyBootstrapped)
        /// The data directory could not be created or the database in it could not be opened.
        public static let dataDirectory = Code(.dataDirectory)

        /// The code's name as it appears in messages.
        public var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code

    /// The dotted configuration key at fault, for ``Code/invalidConfiguration``; `nil` otherwise.
    public let key: String?

    /// Why the key, path or value is rejected.
    public let detail: String

    /// The source file that raised the error.
    public let file: String

    /// The source line that raised the error.
    public let line: Int

    private init(code: Code, key: String? = nil, detail: String, file: String, line: Int) {
        self.code = code
        self.key = key
        self.detail = detail
        self.file = file
        self.line = line
    }

    /// `<code>: [<key>: ]<detail>`, for example `invalid configuration: admin.port: "abc" is not an integer`.
    public var description: String {
        if let key { return "\(code): \(key): \(detail)" }
        return "\(code): \(detail)"
    }

    /// The same error with `scope` put in front of its key, so that a component reading a scoped reader reports
    /// the full key (`port` read under `admin` becomes `admin.port`).
    ///
    /// - Parameter scope: The dotted scope the key was read under.
    /// - Returns: The error with the prefixed key, or the error unchanged when it names no key.
    public func prefixingKey(with scope: String) -> ServiceKitError {
        guard let key else { return self }
        return ServiceKitError(code: code, key: "\(scope).\(key)", detail: detail, file: file, line: line)
    }

    /// A configuration value that is malformed, out of range or inconsistent.
    ///
    /// - Parameters:
    ///   - key: The dotted configuration key, for example `admin.port`.
    ///   - reason: Why the value is rejected.
    /// - Returns: An error with code ``Code/invalidConfiguration``.
    public static func invalidConfiguration(
        key: String, _ reason: String, file: String = #fileID, line: Int = #line
    ) -> ServiceKitError {
        ServiceKitError(code: .invalidConfiguration, key: key, detail: reason, file: file, line: line)
    }

    /// A configuration file that cannot be used.
    ///
    /// - Parameters:
    ///   - path: The file's path, or the argument that should have named it.
    ///   - reason: Why it cannot be used.
    /// - Returns: An error with code ``Code/configurationFile``.
    public static func configurationFile(
        _ path: String, _ reason: String, file: String = #fileID, line: Int = #line
    ) -> ServiceKitError {
        ServiceKitError(code: .configurationFile, detail: "\(path): \(reason)", file: file, line: line)
    }

    /// A second bootstrap of the process-wide logging and metrics backends.
    ///
    /// - Returns: An error with code ``Code/alreadyBootstrapped``.
    public static func alreadyBootstrapped(file: String = #fileID, line: Int = #line) -> ServiceKitError {
        ServiceKitError(
            code: .alreadyBootstrapped, detail: "logging and metrics are bootstrapped once per process, in main",
            file: file, line: line)
    }

    /// A data directory or database file that cannot be used.
    ///
    /// - Parameters:
    ///   - path: The directory or file.
    ///   - reason: Why it cannot be used.
    /// - Returns: An error with code ``Code/dataDirectory``.
    public static func dataDirectory(
        _ path: String, _ reason: String, file: String = #fileID, line: Int = #line
    ) -> ServiceKitError {
        ServiceKitError(code: .dataDirectory, detail: "\(path): \(reason)", file: file, line: line)
    }
}
