public import Logging

/// How a service logs: the lowest level written and the line format.
public struct LogConfiguration: Sendable, Hashable {
    /// The lowest level written; records below it are dropped.
    public var level: Logger.Level

    /// The line format on standard error.
    public var format: LogFormat

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - level: The lowest level written; defaults to `info`.
    ///   - format: The line format; defaults to ``LogFormat/logfmt``.
    public init(level: Logger.Level = .info, format: LogFormat = .logfmt) {
        self.level = level
        self.format = format
    }
}

/// The format of a log line: one record per line either way.
public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    /// `key=value` pairs, values quoted when they need it: easy to read and to grep.
    case logfmt
    /// One JSON object per line, for log shippers.
    case json
}
