extension DownloadDescriptorV2 {
    /// The `vendor` element: who provides the products.
    public struct Vendor: Sendable, Hashable, Codable {
        /// `name`.
        public var name: String?
        /// `home`: the vendor's home page.
        public var home: String?
        /// `logo`: a logo URL.
        public var logo: String?
        /// `support`: a support contact or URL.
        public var support: String?

        /// Creates a vendor.
        /// - Parameters:
        ///   - name: name.
        ///   - home: home page.
        ///   - logo: logo URL.
        ///   - support: support contact.
        public init(name: String? = nil, home: String? = nil, logo: String? = nil, support: String? = nil) {
            self.name = name
            self.home = home
            self.logo = logo
            self.support = support
        }
    }
}
