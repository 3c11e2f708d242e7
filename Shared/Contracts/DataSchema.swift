/// The `dataschema` URIs that name an event's schema and its version: `urn:dm-contracts:<type>:<version>`.
///
/// Producers set it on every event; a reader that finds a version it does not know refuses the event instead of
/// misreading it. A `dataschema` of any other form is left alone.
public enum DataSchema {
    /// The prefix of every dataschema URI the stack writes.
    public static let prefix = "urn:dm-contracts:"

    /// The URI for version `version` of message `name`.
    /// - Parameters:
    ///   - name: the event type.
    ///   - version: the schema version.
    /// - Returns: e.g. `urn:dm-contracts:dm.bus.publisher.started:1`.
    public static func uri(name: String, version: Int) -> String {
        "\(prefix)\(name):\(version)"
    }

    /// Splits a dataschema URI of the stack's form.
    /// - Parameter uri: the `dataschema` value.
    /// - Returns: the message name and version, or nil when `uri` is not of the stack's form.
    public static func parse(_ uri: String) -> (name: String, version: Int)? {
        guard uri.hasPrefix(prefix) else { return nil }
        let rest = uri.dropFirst(prefix.count)
        guard let colon = rest.lastIndex(of: ":") else { return nil }
        let name = rest[..<colon]
        guard !name.isEmpty, let version = Int(rest[rest.index(after: colon)...]), version > 0 else { return nil }
        return (String(name), version)
    }
}
