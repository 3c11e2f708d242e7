public import Foundation
public import Logging

/// A swift-log handler that writes one line per record, in logfmt or JSON, to a ``LogSink`` (standard error in a
/// service).
///
/// Each line has `ts` (RFC 3339 UTC, milliseconds), `level`, `label`, `msg`, `error` when the record carries one,
/// and the metadata sorted by key; nested metadata dictionaries become dotted keys. Metadata merges the provider's,
/// then the handler's, then the record's, later ones winning.
///
/// ```
/// ts=2025-11-23T13:41:00.123Z level=info label=dm-fumo msg="admin server listening" http.port=9083
/// {"ts":"2025-11-23T13:41:00.123Z","level":"info","label":"dm-fumo","msg":"admin server listening","http.port":"9083"}
/// ```
///
/// A service does not create these itself: ``Telemetry/bootstrap(_:)`` installs the handler for the process, and
/// a test uses ``Telemetry/local(configuration:sink:registry:)``.
public struct StructuredLogHandler: LogHandler {
    /// The logger's label, written as `label`.
    public let label: String

    /// The handler's own metadata, merged into every record.
    public var metadata: Logger.Metadata = [:]

    /// The lowest level the logger passes on.
    public var logLevel: Logger.Level

    /// Metadata computed at each record (for example from task-local context).
    public var metadataProvider: Logger.MetadataProvider?

    private let formatter: LogLineFormatter
    private let sink: LogSink
    private let clock: @Sendable () -> Date

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - label: The logger's label.
    ///   - format: The line format.
    ///   - level: The lowest level written.
    ///   - sink: Where lines go; defaults to standard error.
    ///   - metadataProvider: Metadata computed at each record, if any.
    ///   - clock: The time stamped on each record; defaults to the current time.
    public init(
        label: String,
        format: LogFormat,
        level: Logger.Level,
        sink: LogSink = .standardError,
        metadataProvider: Logger.MetadataProvider? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.label = label
        self.formatter = LogLineFormatter(format: format)
        self.logLevel = level
        self.sink = sink
        self.metadataProvider = metadataProvider
        self.clock = clock
    }

    /// Reads or sets one metadata value of the handler.
    ///
    /// - Parameter metadataKey: The key.
    public subscript(metadataKey metadataKey: String) -> Logger.Metadata.Value? {
        get { metadata[metadataKey] }
        set { metadata[metadataKey] = newValue }
    }

    /// Formats `event` and writes it to the sink.
    ///
    /// - Parameter event: The record.
    public func log(event: LogEvent) {
        var merged = metadataProvider?.get() ?? [:]
        merged.merge(metadata) { _, handler in handler }
        if let recordMetadata = event.metadata {
            merged.merge(recordMetadata) { _, record in record }
        }
        sink.write(
            formatter.line(
                timestamp: clock(), level: event.level, label: label, message: event.message.description,
                error: event.error, metadata: merged))
    }
}
