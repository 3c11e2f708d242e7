public import Configuration
public import Foundation
import SystemPackage

/// Builds the configuration reader of one service, highest precedence first:
///
/// 1. environment variables `DM_<SERVICE>_<KEY>` (`DM_SESSION_HTTP_PORT` is key `http.port` of dm-session);
/// 2. a configuration file, YAML (or JSON when the name ends in `.json`), named by `--config <path>` or, without
///    that argument, by `DM_<SERVICE>_CONFIG`; no file is read when neither is given;
/// 3. the defaults in code (the `default:` of each read).
///
/// Only variables with the service's own prefix are seen, so one environment can hold every service's settings.
/// Values of variables whose name contains `SECRET`, `PASSWORD` or `TOKEN` are redacted in access logs.
///
/// ```swift
/// // App.swift
/// let reader = try await ServiceConfigReader.load(service: "session")
/// let settings = try ServiceConfiguration(service: "session", reader: reader)
/// let httpPort = try reader.validatedInt(forKey: "http.port", default: 8080, in: 0...65535)
///
/// // A test: the environment and the file layer in memory.
/// let reader = ServiceConfigReader.make(
///     service: "session",
///     environment: ["DM_SESSION_HTTP_PORT": "18080"],
///     file: InMemoryProvider(values: ["http.port": 28080]))
/// ```
public enum ServiceConfigReader {
    /// The environment variable prefix of `service`: `DM_<SERVICE>_`.
    ///
    /// - Parameter service: The service name without the `dm-` prefix.
    /// - Returns: The prefix, upper case.
    public static func environmentPrefix(for service: String) -> String {
        "DM_\(service.uppercased())_"
    }

    /// Builds a reader from an environment and an already loaded file layer.
    ///
    /// - Parameters:
    ///   - service: The service name without the `dm-` prefix.
    ///   - environment: The environment variables; only those with ``environmentPrefix(for:)`` are used.
    ///   - file: The file layer (a `FileProvider`, or an `InMemoryProvider` in tests), or `nil` for none.
    /// - Returns: A reader that consults the environment, then the file.
    public static func make(
        service: String, environment: [String: String], file: (any ConfigProvider)? = nil
    ) -> ConfigReader {
        let prefix = environmentPrefix(for: service)
        let own = environment.filter { $0.key.hasPrefix(prefix) }
        let variables = EnvironmentVariablesProvider(
            environmentVariables: own,
            secretsSpecifier: .dynamic { name, _ in
                ["SECRET", "PASSWORD", "TOKEN"].contains { name.uppercased().contains($0) }
            }
        )
        .prefixKeys(with: ConfigKey(["dm", service]))
        var providers: [any ConfigProvider] = [variables]
        if let file { providers.append(file) }
        return ConfigReader(providers: providers)
    }

    /// Finds the configuration file: `--config <path>` or `--config=<path>` in `arguments`, else
    /// `DM_<SERVICE>_CONFIG` in `environment`.
    ///
    /// - Parameters:
    ///   - service: The service name without the `dm-` prefix.
    ///   - arguments: The command line, program name first (as `CommandLine.arguments`).
    ///   - environment: The environment variables.
    /// - Returns: The path, or `nil` when no file is named.
    /// - Throws: ``ServiceKitError`` with code ``ServiceKitError/Code/configurationFile`` when `--config` has no
    ///   value.
    public static func configurationFilePath(
        service: String, arguments: [String], environment: [String: String]
    ) throws -> String? {
        var index = arguments.index(after: arguments.startIndex)
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--config" {
                let next = arguments.index(after: index)
                guard next < arguments.endIndex, !arguments[next].isEmpty else {
                    throw ServiceKitError.configurationFile("--config", "needs a path")
                }
                return arguments[next]
            }
            if argument.hasPrefix("--config=") {
                let path = String(argument.dropFirst("--config=".count))
                guard !path.isEmpty else { throw ServiceKitError.configurationFile("--config", "needs a path") }
                return path
            }
            index = arguments.index(after: index)
        }
        if let path = environment["\(environmentPrefix(for: service))CONFIG"], !path.isEmpty {
            return path
        }
        return nil
    }

    /// Builds the reader of a running service: finds and loads the configuration file, then layers the
    /// environment over it.
    ///
    /// - Parameters:
    ///   - service: The service name without the `dm-` prefix.
    ///   - arguments: The command line; defaults to the process's.
    ///   - environment: The environment variables; defaults to the process's.
    /// - Returns: The reader.
    /// - Throws: ``ServiceKitError`` with code ``ServiceKitError/Code/configurationFile`` when a named file is
    ///   missing, unreadable or malformed.
    public static func load(
        service: String,
        arguments: [String] = CommandLine.arguments,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> ConfigReader {
        guard let path = try configurationFilePath(service: service, arguments: arguments, environment: environment)
        else {
            return make(service: service, environment: environment)
        }
        let file: any ConfigProvider
        do {
            if path.lowercased().hasSuffix(".json") {
                file = try await FileProvider<JSONSnapshot>(filePath: FilePath(path))
            } else {
                file = try await FileProvider<YAMLSnapshot>(filePath: FilePath(path))
            }
        } catch {
            throw ServiceKitError.configurationFile(path, "\(error)")
        }
        return make(service: service, environment: environment, file: file)
    }
}
