public import XMLStream

/// A download descriptor of either version, as found in a file or an HTTP body.
///
/// ```swift
/// switch try DownloadDescriptorDocument.parse(bytes) {
/// case .v1(let dd): print(dd.objectURI)
/// case .v2(let dd): print(dd.allMediaObjects.count)
/// }
/// ```
public enum DownloadDescriptorDocument: Sendable, Hashable {
    /// A DL 1.0 descriptor.
    case v1(DownloadDescriptorV1)
    /// A DL 2.0 descriptor.
    case v2(DownloadDescriptorV2)

    /// Parses a descriptor, telling the version from the root element: a `media` root in the DL 2.0 namespace is
    /// DL 2.0; in the DL 1.0 namespace, or in none, DL 1.0. Each version is then parsed strictly (see
    /// ``DownloadDescriptorV1/parse(_:baseURL:limits:)`` and ``DownloadDescriptorV2/parse(_:baseURL:limits:)``).
    /// - Parameters:
    ///   - bytes: the document.
    ///   - baseURL: the URL the descriptor was fetched from, to resolve relative URLs.
    ///   - limits: size, depth and element-count bounds.
    /// - Throws: ``DescriptorError``.
    public static func parse(
        _ bytes: some Collection<UInt8>, baseURL: String? = nil, limits: XMLLimits = .default
    ) throws(DescriptorError) -> DownloadDescriptorDocument {
        let reader = try DescriptorReader(bytes: Array(bytes), limits: limits)
        try reader.readRoot()
        let document: DownloadDescriptorDocument
        if reader.rootName == "media", reader.namespace == DescriptorVersion.v2.namespace {
            try DownloadDescriptorV2.checkRoot(reader)
            document = .v2(try DownloadDescriptorV2.parseBody(reader))
        } else {
            try DownloadDescriptorV1.checkRoot(reader)
            document = .v1(try DownloadDescriptorV1.parseBody(reader))
        }
        try reader.finish()
        switch document {
        case .v1(let descriptor): return .v1(try descriptor.validated(baseURL: baseURL))
        case .v2(let descriptor): return .v2(try descriptor.validated(baseURL: baseURL))
        }
    }

    /// The descriptor's version.
    public var version: DescriptorVersion {
        switch self {
        case .v1: .v1
        case .v2: .v2
        }
    }

    /// The media type to serve the descriptor with.
    public var mediaType: String { version.mediaType }

    /// The descriptor as compact XML.
    public func encoded() -> [UInt8] {
        switch self {
        case .v1(let descriptor): descriptor.encoded()
        case .v2(let descriptor): descriptor.encoded()
        }
    }
}
