/// An OMA Download OTA 1.0 download descriptor (`application/vnd.oma.dd+xml`): what a device fetches before
/// the object itself, to learn its type, size and where to get it and report installation.
///
/// ```swift
/// let dd = DownloadDescriptorV1(
///     types: ["application/octet-stream"], size: 1_200_000, objectURI: "https://dl.example.com/fw/2.1.0.bin",
///     installNotifyURI: "https://dl.example.com/notify?id=42", name: "FW 2.1.0")
/// let bytes = dd.encoded()                          // compact XML with declaration
/// let back = try DownloadDescriptorV1.parse(bytes)  // strict: see ``parse(_:baseURL:limits:)``
/// ```
public struct DownloadDescriptorV1: Sendable, Hashable, Codable {
    /// `type` (1..n): the MIME type(s) of the object.
    public var types: [String]
    /// `size`: the object's size in bytes, positive.
    public var size: Int64
    /// `objectURI`: where to fetch the object, absolute.
    public var objectURI: String
    /// `installNotifyURI`: where the device POSTs its install-notify status.
    public var installNotifyURI: String?
    /// `nextURL`: where a browser navigates afterwards.
    public var nextURL: String?
    /// `DDVersion`: `1.0` when given; absent means 1.0.
    public var ddVersion: String?
    /// `name`: a user-readable name.
    public var name: String?
    /// `description`: a short description.
    public var description: String?
    /// `vendor`: the provider.
    public var vendor: String?
    /// `infoURL`: more information about the object.
    public var infoURL: String?
    /// `iconURI`: an icon.
    public var iconURI: String?
    /// `installParam`: opaque to the download agent, passed to the installer (FOTA servers put e.g.
    /// `updatefwv=…` here).
    public var installParam: String?
    /// `progressiveDownloadFlag`: whether the object may be used while downloading.
    public var progressiveDownloadFlag: Bool?

    /// Creates a descriptor; nothing is checked until ``validated(baseURL:)`` or encoding's caller checks it.
    /// - Parameters:
    ///   - types: MIME types, at least one.
    ///   - size: size in bytes, positive.
    ///   - objectURI: absolute URL of the object.
    ///   - installNotifyURI: install-notify URL.
    ///   - nextURL: URL to navigate to afterwards.
    ///   - ddVersion: descriptor version, normally `1.0`.
    ///   - name: name.
    ///   - description: description.
    ///   - vendor: vendor.
    ///   - infoURL: information URL.
    ///   - iconURI: icon URL.
    ///   - installParam: installer parameter.
    ///   - progressiveDownloadFlag: progressive download allowed.
    public init(
        types: [String], size: Int64, objectURI: String, installNotifyURI: String? = nil, nextURL: String? = nil,
        ddVersion: String? = "1.0", name: String? = nil, description: String? = nil, vendor: String? = nil,
        infoURL: String? = nil, iconURI: String? = nil, installParam: String? = nil,
        progressiveDownloadFlag: Bool? = nil
    ) {
        self.types = types
        self.size = size
        self.objectURI = objectURI
        self.installNotifyURI = installNotifyURI
        self.nextURL = nextURL
        self.ddVersion = ddVersion
        self.name = name
        self.description = description
        self.vendor = vendor
        self.infoURL = infoURL
        self.iconURI = iconURI
        self.installParam = installParam
        self.progressiveDownloadFlag = progressiveDownloadFlag
    }

    /// The media type to serve a DL 1.0 descriptor with.
    public static let mediaType = DescriptorVersion.v1.mediaType

    /// The namespace of the `media` root.
    public static let namespace = DescriptorVersion.v1.namespace
}
