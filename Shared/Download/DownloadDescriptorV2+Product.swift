extension DownloadDescriptorV2 {
    /// A `product`: what the user sees as one download, made of one or more media objects.
    public struct Product: Sendable, Hashable, Codable {
        /// `meta`: the product's description and notify URLs.
        public var meta: Meta?
        /// `mediaObject` (1..n).
        public var mediaObjects: [MediaObject]

        /// Creates a product.
        /// - Parameters:
        ///   - meta: the product's meta element.
        ///   - mediaObjects: the media objects, at least one.
        public init(meta: Meta? = nil, mediaObjects: [MediaObject]) {
            self.meta = meta
            self.mediaObjects = mediaObjects
        }
    }
}
