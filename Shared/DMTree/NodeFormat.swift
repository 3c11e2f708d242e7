/// The data format of a node value (the `Format` property and Meta `Format`), DM 1.2.
///
/// The wire names are lower case; ``init(name:)`` accepts any case, since some clients and DDF files write
/// `Chr` or `Node`. Interior nodes have format ``node``; the default for a leaf is ``chr``.
public enum NodeFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// An interior node.
    case node
    /// Text.
    case chr
    /// A decimal integer.
    case int
    /// `true` or `false`.
    case bool
    /// Binary data (sent as base64 in XML, see ``b64``).
    case bin
    /// Base64 text.
    case b64
    /// A floating-point number (XML Schema `float` lexical form).
    case float
    /// An ISO 8601 date, basic form `YYYYMMDD` (``DMDate``).
    case date
    /// An ISO 8601 time of day, basic form `hhmmss` with optional `Z` or offset (``DMTime``).
    case time
    /// No value.
    case null
    /// An XML document.
    case xml

    /// The format a leaf has when none is given.
    public static let `default` = NodeFormat.chr

    /// Looks a format up by name, ignoring ASCII case and surrounding whitespace.
    /// - Parameter name: e.g. `int` or `Chr`.
    public init?(name: String) {
        let trimmed = trimmingASCIIWhitespace(name)
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, trimmed) }) else {
            return nil
        }
        self = match
    }

    /// True for ``node``: the node is interior and has children instead of a value.
    public var isInterior: Bool { self == .node }
}
