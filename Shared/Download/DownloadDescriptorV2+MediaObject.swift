extension DownloadDescriptorV2 {
    /// A `mediaObject`: one file to download.
    public struct MediaObject: Sendable, Hashable, Codable {
        /// `meta`.
        public var meta: Meta?
        /// `size` in bytes, positive.
        public var size: Int64
        /// `installSize`: space needed once installed, positive.
        public var installSize: Int64?
        /// `type` (1..n): MIME types.
        public var types: [String]
        /// `objectID`: a stable identifier of the object.
        public var objectID: String
        /// `objectVersion`.
        public var objectVersion: String?
        /// `objectValidityTime`: kept as written.
        public var objectValidityTime: String?
        /// `progressiveDownloadFlag`.
        public var progressiveDownloadFlag: Bool?
        /// `objectURI/server` (1..n): mirror URLs of the object, in order of preference.
        public var servers: [String]

        /// Creates a media object.
        /// - Parameters:
        ///   - meta: meta element.
        ///   - size: size in bytes.
        ///   - installSize: installed size.
        ///   - types: MIME types, at least one.
        ///   - objectID: object identifier.
        ///   - objectVersion: version.
        ///   - objectValidityTime: validity time.
        ///   - progressiveDownloadFlag: progressive download allowed.
        ///   - servers: mirror URLs, at least one.
        public init(
            meta: Meta? = nil, size: Int64, installSize: Int64? = nil, types: [String], objectID: String,
            objectVersion: String? = nil, objectValidityTime: String? = nil, progressiveDownloadFlag: Bool? = nil,
            servers: [String]
        ) {
            self.meta = meta
            self.size = size
            self.installSize = installSize
            self.types = types
            self.objectID = objectID
            self.objectVersion = objectVersion
            self.objectValidityTime = objectValidityTime
            self.progressiveDownloadFlag = progressiveDownloadFlag
            self.servers = servers
        }
    }
}
