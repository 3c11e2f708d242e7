/// The two OMA Download descriptor formats, with their media types and XML namespaces.
public enum DescriptorVersion: String, Sendable, Hashable, CaseIterable, Codable {
    /// OMA Download OTA 1.0: `application/vnd.oma.dd+xml`.
    case v1 = "1.0"
    /// OMA Download 2.0: `application/vnd.oma.dd2+xml`.
    case v2 = "2.0"

    /// The HTTP `Content-Type` to serve the descriptor with.
    public var mediaType: String {
        switch self {
        case .v1: "application/vnd.oma.dd+xml"
        case .v2: "application/vnd.oma.dd2+xml"
        }
    }

    /// The default namespace of the `media` root element.
    public var namespace: String {
        switch self {
        case .v1: "http://www.openmobilealliance.org/xmlns/dd"
        case .v2: "urn:oma:xml:dl:dd:2.0"
        }
    }

    /// The usual file name extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .v1: "dd"
        case .v2: "dd2"
        }
    }

    /// The version a media type names, ignoring case and parameters (`; charset=utf-8`).
    /// - Parameter mediaType: a `Content-Type` value.
    public init?(mediaType: String) {
        let essence = mediaType.split(separator: ";", maxSplits: 1).first.map { trimmed($0).lowercased() } ?? ""
        guard let match = Self.allCases.first(where: { $0.mediaType == essence }) else { return nil }
        self = match
    }
}
