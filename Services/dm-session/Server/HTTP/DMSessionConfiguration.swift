public import Configuration
import Foundation
import ServiceKit

/// dm-session's own settings (the shared ones are ``ServiceKit/ServiceConfiguration``).
///
/// Keys (environment `DM_SESSION_<KEY>`, dots and dashes as underscores; YAML nests at the dots):
/// - `http.host` (default `127.0.0.1`), `http.port` (default 8080): where devices connect;
/// - `http.paths` (comma-separated, default `/dm`): the DM paths (each also takes `<path>/<token>`);
/// - `http.public-url` (e.g. `https://dm.example.com`): the scheme and authority RespURI uses; by default
///   the request's Host header with `http` or `https`;
/// - `tls.certificate`, `tls.key` (PEM files): HTTPS on the DM port when both are set;
/// - `max-message-size` (bytes, default 1048576), `max-object-size` (bytes, default 16777216),
///   `max-commands` (commands dm-session puts in one message, default 500), `max-incoming-commands` (commands
///   accepted in one message from a device, default 5000), `default-client-max-message-size` (bytes, default 16384),
///   `idle-timeout` (seconds, default 120), `max-duration` (seconds, default 1800), `max-auth-failures`
///   (default 3).
public struct DMSessionConfiguration: Sendable, Hashable {
    /// The DM HTTP server's address.
    public var host: String
    /// The DM HTTP server's port (0: any free port).
    public var port: Int
    /// The DM paths.
    public var paths: [String]
    /// The scheme and authority for RespURI, or nil to use the request's Host.
    public var publicURL: String?
    /// PEM certificate chain file for HTTPS.
    public var tlsCertificate: String?
    /// PEM private key file for HTTPS.
    public var tlsKey: String?
    /// The session limits.
    public var limits: SessionLimits

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, paths: [String] = ["/dm"], publicURL: String? = nil,
        tlsCertificate: String? = nil, tlsKey: String? = nil, limits: SessionLimits = SessionLimits()
    ) {
        self.host = host
        self.port = port
        self.paths = paths
        self.publicURL = publicURL
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
        self.limits = limits
    }

    /// True when HTTPS is configured.
    public var usesTLS: Bool { tlsCertificate != nil && tlsKey != nil }

    /// Reads the settings from dm-session's root reader.
    /// - Throws: ``ServiceKit/ServiceKitError`` naming a malformed key.
    public init(reader: ConfigReader) throws {
        let paths = reader.string(forKey: "http.paths", default: "/dm")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { $0.hasPrefix("/") ? $0 : "/" + $0 }
        guard !paths.isEmpty else { throw ServiceKitError.invalidConfiguration(key: "http.paths", "is empty") }
        let certificate = reader.string(forKey: "tls.certificate")
        let key = reader.string(forKey: "tls.key")
        guard (certificate == nil) == (key == nil) else {
            throw ServiceKitError.invalidConfiguration(key: "tls", "tls.certificate and tls.key go together")
        }
        self.init(
            host: reader.string(forKey: "http.host", default: "127.0.0.1"),
            port: try reader.validatedInt(forKey: "http.port", default: 8080, in: 0...65535),
            paths: paths,
            publicURL: reader.string(forKey: "http.public-url"),
            tlsCertificate: certificate, tlsKey: key,
            limits: SessionLimits(
                maxMessageSize: try reader.validatedInt(forKey: "max-message-size", default: 1 << 20, in: 1024...(256 << 20)),
                maxObjectSize: try reader.validatedInt(forKey: "max-object-size", default: 16 << 20, in: 1024...(4 << 30)),
                maxCommandsPerMessage: try reader.validatedInt(forKey: "max-commands", default: 500, in: 1...100_000),
                maxIncomingCommands: try reader.validatedInt(
                    forKey: "max-incoming-commands", default: 5000, in: 1...1_000_000),
                defaultClientMaxMessageSize: try reader.validatedInt(
                    forKey: "default-client-max-message-size", default: 16 << 10, in: 512...(256 << 20)),
                idleTimeout: .milliseconds(
                    Int64(try reader.validatedDouble(forKey: "idle-timeout", default: 120, in: 0.01...86_400) * 1000)),
                maxSessionDuration: .milliseconds(
                    Int64(try reader.validatedDouble(forKey: "max-duration", default: 1800, in: 0.01...604_800) * 1000)),
                maxAuthFailures: try reader.validatedInt(forKey: "max-auth-failures", default: 3, in: 1...100)))
    }
}
