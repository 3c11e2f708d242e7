/// The properties every node has, addressed as `<uri>?prop=<name>` (DM 1.2 TND).
///
/// Names are case-sensitive on the wire; ``init(name:)`` also accepts other casings, which some clients send.
public enum NodePropertyName: String, Sendable, Hashable, CaseIterable, Codable {
    /// Access control list, e.g. `Get=*&Replace=srv1`.
    case acl = "ACL"
    /// Data format of the value (``NodeFormat``).
    case format = "Format"
    /// The node's name.
    case name = "Name"
    /// Size of the value in bytes (leaf nodes).
    case size = "Size"
    /// Human-readable title.
    case title = "Title"
    /// Time of the last change, ISO 8601 (``DMTimestamp``).
    case tstamp = "TStamp"
    /// MIME type of a leaf's value, or the MO type (DDF URN) of an interior node.
    case type = "Type"
    /// Version number, incremented on every change (0–65535, wrapping).
    case verNo = "VerNo"

    /// Looks a property up by name, ignoring ASCII case.
    /// - Parameter name: the name, e.g. `ACL` or `tstamp`.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, name) }) else {
            return nil
        }
        self = match
    }

    /// True for the properties a server may change with Replace (ACL, Name, Title); the others are read-only.
    public var isReplaceable: Bool {
        switch self {
        case .acl, .name, .title: true
        case .format, .size, .tstamp, .type, .verNo: false
        }
    }
}
