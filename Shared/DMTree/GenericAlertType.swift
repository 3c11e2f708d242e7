/// The Meta `Type` of a Generic Alert (1226), normalised for matching.
///
/// DM 1.2 asks for a prefix naming the kind of type (`Reversed-Domain-Name: org.openmobilealliance…`,
/// `Content-Type: application/…`), but nearly every client sends the bare string; Hotspot 2.0 clients send the
/// prefix. This type strips a `Reversed-Domain-Name:` prefix (any case, any spaces after the colon) and
/// surrounding whitespace, and compares ignoring ASCII case.
///
/// ```swift
/// let type = GenericAlertType("Reversed-Domain-Name: org.openmobilealliance.dm.firmwareupdate.download")
/// type.value                                                             // "org.openmobilealliance.dm.firmwareupdate.download"
/// type.matches("ORG.OPENMOBILEALLIANCE.DM.FIRMWAREUPDATE.DOWNLOAD")      // true
/// ```
public struct GenericAlertType: Sendable, Hashable, CustomStringConvertible {
    /// How the type was written.
    public enum Form: String, Sendable, Hashable {
        /// A bare string, the common case.
        case bare
        /// With the `Reversed-Domain-Name:` prefix.
        case reversedDomainName
        /// With the `Content-Type:` prefix: ``value`` is a MIME type.
        case contentType
    }

    /// The type as received.
    public let raw: String
    /// The type without prefix and surrounding whitespace.
    public let value: String
    /// How it was written.
    public let form: Form

    static let reversedDomainNamePrefix = "Reversed-Domain-Name:"
    static let contentTypePrefix = "Content-Type:"

    /// Normalises a type as received.
    /// - Parameter raw: the alert's Meta `Type`.
    public init(_ raw: String) {
        self.raw = raw
        let trimmed = trimmingASCIIWhitespace(raw)
        if let rest = GenericAlertType.dropPrefix(GenericAlertType.reversedDomainNamePrefix, from: trimmed) {
            value = trimmingASCIIWhitespace(rest)
            form = .reversedDomainName
        } else if let rest = GenericAlertType.dropPrefix(GenericAlertType.contentTypePrefix, from: trimmed) {
            value = trimmingASCIIWhitespace(rest)
            form = .contentType
        } else {
            value = trimmed
            form = .bare
        }
    }

    /// True when `other` names the same type: both are normalised the same way and compared ignoring ASCII case.
    /// - Parameter other: a type string, with or without prefix.
    public func matches(_ other: String) -> Bool {
        asciiCaseInsensitiveEquals(value, GenericAlertType(other).value)
    }

    /// The prefixed form DM 1.2 describes, e.g. `Reversed-Domain-Name: org.example.alert`; a URN is kept bare.
    public var prefixedForm: String {
        switch form {
        case .contentType: "\(GenericAlertType.contentTypePrefix) \(value)"
        case .bare, .reversedDomainName:
            value.utf8.count >= 4 && asciiCaseInsensitiveEquals(String(value.prefix(4)), "urn:")
                ? value : "\(GenericAlertType.reversedDomainNamePrefix) \(value)"
        }
    }

    /// The normalised value.
    public var description: String { value }

    private static func dropPrefix(_ prefix: String, from text: String) -> Substring? {
        let count = prefix.count
        guard text.count >= count, asciiCaseInsensitiveEquals(String(text.prefix(count)), prefix) else { return nil }
        return text.dropFirst(count)
    }
}
