extension DownloadDescriptorV2 {
    /// A `meta` element, describing a product or a media object.
    public struct Meta: Sendable, Hashable, Codable {
        /// `name`.
        public var name: String?
        /// `description`.
        public var description: String?
        /// `text` (0..n): further user-readable texts.
        public var texts: [String]
        /// `infoURL`.
        public var infoURL: String?
        /// `iconURI`.
        public var iconURI: String?
        /// `installParam`: opaque to the download agent.
        public var installParam: String?
        /// `installNotifyURI`: where the device reports installation (900…954).
        public var installNotifyURI: String?
        /// `downloadNotifyURI`: where the device reports the download.
        public var downloadNotifyURI: String?
        /// `deleteNotifyURI`: where the device reports deletion.
        public var deleteNotifyURI: String?
        /// `suppressUserConfirmation`: kept as written.
        public var suppressUserConfirmation: String?

        /// Creates a meta element.
        /// - Parameters:
        ///   - name: name.
        ///   - description: description.
        ///   - texts: further texts.
        ///   - infoURL: information URL.
        ///   - iconURI: icon URL.
        ///   - installParam: installer parameter.
        ///   - installNotifyURI: install-notify URL.
        ///   - downloadNotifyURI: download-notify URL.
        ///   - deleteNotifyURI: delete-notify URL.
        ///   - suppressUserConfirmation: confirmation policy.
        public init(
            name: String? = nil, description: String? = nil, texts: [String] = [], infoURL: String? = nil,
            iconURI: String? = nil, installParam: String? = nil, installNotifyURI: String? = nil,
            downloadNotifyURI: String? = nil, deleteNotifyURI: String? = nil, suppressUserConfirmation: String? = nil
        ) {
            self.name = name
            self.description = description
            self.texts = texts
            self.infoURL = infoURL
            self.iconURI = iconURI
            self.installParam = installParam
            self.installNotifyURI = installNotifyURI
            self.downloadNotifyURI = downloadNotifyURI
            self.deleteNotifyURI = deleteNotifyURI
            self.suppressUserConfirmation = suppressUserConfirmation
        }

        /// The single-valued children, as element name and value, in encoding order (``texts`` go after
        /// `description`).
        var singleValuedFields: [(String, String?)] {
            [
                ("name", name), ("description", description), ("infoURL", infoURL), ("iconURI", iconURI),
                ("installParam", installParam), ("installNotifyURI", installNotifyURI),
                ("downloadNotifyURI", downloadNotifyURI), ("deleteNotifyURI", deleteNotifyURI),
                ("suppressUserConfirmation", suppressUserConfirmation),
            ]
        }

        /// The element names held in ``singleValuedFields``.
        static let singleValuedNames: Set<String> = [
            "name", "description", "infoURL", "iconURI", "installParam", "installNotifyURI", "downloadNotifyURI",
            "deleteNotifyURI", "suppressUserConfirmation",
        ]

        /// Builds a meta element from parsed fields.
        init(fields: [String: String], texts: [String]) {
            self.init(
                name: fields["name"], description: fields["description"], texts: texts, infoURL: fields["infoURL"],
                iconURI: fields["iconURI"], installParam: fields["installParam"],
                installNotifyURI: fields["installNotifyURI"], downloadNotifyURI: fields["downloadNotifyURI"],
                deleteNotifyURI: fields["deleteNotifyURI"], suppressUserConfirmation: fields["suppressUserConfirmation"]
            )
        }
    }
}
