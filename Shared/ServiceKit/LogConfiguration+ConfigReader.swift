public import Configuration
import Logging

extension LogConfiguration {
    /// Reads the logging settings from the `log` scope.
    ///
    /// Keys (relative to the scope; environment `DM_<SERVICE>_LOG_<KEY>`):
    /// - `level` (string, default `info`): one of `trace`, `debug`, `info`, `notice`, `warning`, `error`,
    ///   `critical`.
    /// - `format` (string, default `logfmt`): `logfmt` or `json`.
    ///
    /// - Parameter reader: A reader scoped to `log`.
    /// - Throws: ``ServiceKitError`` when a value is not one of those listed.
    public init(reader: ConfigReader) throws {
        self.init(
            level: try reader.validatedString(forKey: "level", as: Logger.Level.self, default: .info),
            format: try reader.validatedString(forKey: "format", as: LogFormat.self, default: .logfmt))
    }
}
