/// A `Target` or `Source`: a URI and, optionally, a display or user name.
public struct Location: Sendable, Hashable, ExpressibleByStringLiteral {
    /// `LocURI`: a node URI (`./DevInfo/DevId`), a device id (`IMEI:...`) or a server URL.
    public var locURI: String
    /// `LocName`.
    public var locName: String?

    public init(_ locURI: String, name: String? = nil) {
        self.locURI = locURI
        self.locName = name
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}
