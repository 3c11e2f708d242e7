/// Why a node value (or property value) does not fit its format.
public struct NodeValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format the value was checked against, when the check was about a format.
    public var format: NodeFormat?
    /// A one-line explanation.
    public var message: String
    /// The refused value.
    public var value: String

    /// Creates an error.
    /// - Parameters:
    ///   - format: the format checked, if any.
    ///   - message: a one-line explanation.
    ///   - value: the refused value.
    public init(format: NodeFormat?, _ message: String, value: String) {
        self.format = format
        self.message = message
        self.value = value
    }

    /// The format, the value (shortened past 64 bytes) and the message, on one line.
    public var description: String {
        let shown = value.utf8.count > 64 ? String(value.prefix(64)) + "…" : value
        return format.map { "invalid \($0.rawValue) value '\(shown)': \(message)" }
            ?? "invalid value '\(shown)': \(message)"
    }
}
