/// An OMA Download 2.0 download descriptor (`application/vnd.oma.dd2+xml`): one or more products, each made of
/// one or more media objects with their own sizes, types and mirror lists.
///
/// ```swift
/// let object = DownloadDescriptorV2.MediaObject(
///     meta: .init(name: "app"), size: 12_345, types: ["application/java-archive"],
///     objectID: "http://h/app.jar", servers: ["http://h/app.jar"])
/// let dd = DownloadDescriptorV2(products: [.init(mediaObjects: [object])])
/// let back = try DownloadDescriptorV2.parse(dd.encoded())
/// ```
public struct DownloadDescriptorV2: Sendable, Hashable, Codable {
    /// The root's `DDVersion` attribute, `2.0`; absent means 2.0.
    public var ddVersion: String?
    /// `vendor`: who provides the products.
    public var vendor: Vendor?
    /// `product` (1..n).
    public var products: [Product]
    /// `updatedDDURI`: where an updated descriptor can be fetched.
    public var updatedDDURI: String?
    /// `nextURL`: where a browser navigates afterwards.
    public var nextURL: String?

    /// Creates a descriptor; nothing is checked until ``validated(baseURL:)``.
    /// - Parameters:
    ///   - ddVersion: the version attribute, normally `2.0`.
    ///   - vendor: the vendor.
    ///   - products: the products, at least one.
    ///   - updatedDDURI: updated descriptor URL.
    ///   - nextURL: URL to navigate to afterwards.
    public init(
        ddVersion: String? = "2.0", vendor: Vendor? = nil, products: [Product], updatedDDURI: String? = nil,
        nextURL: String? = nil
    ) {
        self.ddVersion = ddVersion
        self.vendor = vendor
        self.products = products
        self.updatedDDURI = updatedDDURI
        self.nextURL = nextURL
    }

    /// The media type to serve a DL 2.0 descriptor with.
    public static let mediaType = DescriptorVersion.v2.mediaType

    /// The namespace of the `media` root.
    public static let namespace = DescriptorVersion.v2.namespace

    /// Every media object of every product, in document order.
    public var allMediaObjects: [MediaObject] { products.flatMap(\.mediaObjects) }

    /// The sum of the media objects' sizes.
    public var totalSize: Int64 { allMediaObjects.reduce(0) { $0 + $1.size } }
}
