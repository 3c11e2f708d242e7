public import XMLStream

extension DownloadDescriptorV2 {
    /// Parses and validates a DL 2.0 descriptor, strictly.
    ///
    /// - The root must be `media` in `urn:oma:xml:dl:dd:2.0`; its `DDVersion` attribute, when present, must
    ///   start with `2.` (otherwise ``DescriptorError/Kind/invalidDDVersion``, install-notify 951).
    /// - `product`, and in each product `mediaObject`, are mandatory; in each media object `size`, `type`,
    ///   `objectID` and `objectURI` with at least one `server`.
    /// - Single-valued elements may appear once in their parent. Sizes follow the DL 1.0 rule (positive, `,`
    ///   accepted only as a thousands separator).
    /// - Unknown elements (`reservation`, `license`, `environment`…) and elements in other namespaces are
    ///   ignored. A `vendor` holding bare text instead of children takes that text as its name.
    /// - DOCTYPE internal subsets and entity references are refused.
    /// - Then ``validated(baseURL:)`` runs.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - baseURL: the URL the descriptor was fetched from, to resolve relative URLs.
    ///   - limits: size, depth and element-count bounds.
    /// - Throws: ``DescriptorError`` naming the element at fault.
    public static func parse(
        _ bytes: some Collection<UInt8>, baseURL: String? = nil, limits: XMLLimits = .default
    ) throws(DescriptorError) -> DownloadDescriptorV2 {
        let reader = try DescriptorReader(bytes: Array(bytes), limits: limits)
        try reader.readRoot()
        try checkRoot(reader)
        let descriptor = try parseBody(reader)
        try reader.finish()
        return try descriptor.validated(baseURL: baseURL)
    }

    static func checkRoot(_ reader: DescriptorReader) throws(DescriptorError) {
        guard reader.rootName == "media" else {
            throw DescriptorError(
                .notADescriptor, "the root element is <\(reader.rootName)>, not <media>", element: reader.rootName)
        }
        guard reader.namespace == DescriptorVersion.v2.namespace else {
            let found = reader.namespace.map { "namespace '\($0)'" } ?? "no namespace"
            throw DescriptorError(
                .wrongNamespace, "\(found) is not the DL 2.0 namespace \(DescriptorVersion.v2.namespace)",
                element: "media")
        }
    }

    static func parseBody(_ reader: DescriptorReader) throws(DescriptorError) -> DownloadDescriptorV2 {
        let version = reader.attribute("DDVersion").map(trimmed)
        if let version, !version.hasPrefix("2.") {
            throw DescriptorError(
                .invalidDDVersion, "version '\(version)' is not a DL 2.x descriptor version",
                element: "media/@DDVersion")
        }
        var seen = SeenElements()
        var vendor: Vendor?
        var products: [Product] = []
        var fields: [String: String] = [:]
        try reader.children(of: "media") { (name) throws(DescriptorError) -> Bool in
            switch name {
            case "vendor":
                try seen.once(name, line: reader.line)
                vendor = try parseVendor(reader)
            case "product":
                products.append(try parseProduct(reader, path: "product[\(products.count + 1)]"))
            case "updatedDDURI", "nextURL":
                try seen.once(name, line: reader.line)
                fields[name] = try reader.text(of: name)
            default:
                return false
            }
            return true
        }
        guard !products.isEmpty else { throw DescriptorError(.missingElement, "is mandatory", element: "product") }
        return DownloadDescriptorV2(
            ddVersion: version, vendor: vendor, products: products, updatedDDURI: fields["updatedDDURI"],
            nextURL: fields["nextURL"])
    }

    private static func parseVendor(_ reader: DescriptorReader) throws(DescriptorError) -> Vendor {
        var seen = SeenElements(scope: "vendor")
        var fields: [String: String] = [:]
        let ownText = try reader.children(of: "vendor") { (name) throws(DescriptorError) -> Bool in
            guard ["name", "home", "logo", "support"].contains(name) else { return false }
            try seen.once(name, line: reader.line)
            fields[name] = try reader.text(of: "vendor/\(name)")
            return true
        }
        return Vendor(
            name: fields["name"] ?? (ownText.isEmpty ? nil : ownText), home: fields["home"], logo: fields["logo"],
            support: fields["support"])
    }

    private static func parseProduct(_ reader: DescriptorReader, path: String) throws(DescriptorError) -> Product {
        var seen = SeenElements(scope: path)
        var meta: Meta?
        var objects: [MediaObject] = []
        try reader.children(of: path) { (name) throws(DescriptorError) -> Bool in
            switch name {
            case "meta":
                try seen.once(name, line: reader.line)
                meta = try parseMeta(reader, path: "\(path)/meta")
            case "mediaObject":
                objects.append(try parseMediaObject(reader, path: "\(path)/mediaObject[\(objects.count + 1)]"))
            default:
                return false
            }
            return true
        }
        guard !objects.isEmpty else {
            throw DescriptorError(.missingElement, "is mandatory", element: "\(path)/mediaObject")
        }
        return Product(meta: meta, mediaObjects: objects)
    }

    private static func parseMeta(_ reader: DescriptorReader, path: String) throws(DescriptorError) -> Meta {
        var seen = SeenElements(scope: path)
        var fields: [String: String] = [:]
        var texts: [String] = []
        try reader.children(of: path) { (name) throws(DescriptorError) -> Bool in
            if name == "text" {
                texts.append(try reader.text(of: "\(path)/text"))
                return true
            }
            guard Meta.singleValuedNames.contains(name) else { return false }
            try seen.once(name, line: reader.line)
            fields[name] = try reader.text(of: "\(path)/\(name)")
            return true
        }
        return Meta(fields: fields, texts: texts)
    }

    private static func parseMediaObject(_ reader: DescriptorReader, path: String) throws(DescriptorError)
        -> MediaObject
    {
        var seen = SeenElements(scope: path)
        var meta: Meta?
        var types: [String] = []
        var servers: [String]?
        var fields: [String: String] = [:]
        let singleValued: Set<String> = [
            "size", "installSize", "objectID", "objectVersion", "objectValidityTime", "progressiveDownloadFlag",
        ]
        try reader.children(of: path) { (name) throws(DescriptorError) -> Bool in
            switch name {
            case "meta":
                try seen.once(name, line: reader.line)
                meta = try parseMeta(reader, path: "\(path)/meta")
            case "type":
                let type = try reader.text(of: "\(path)/type")
                guard !type.isEmpty else { throw DescriptorError(.invalidValue, "is empty", element: "\(path)/type") }
                types.append(type)
            case "objectURI":
                try seen.once(name, line: reader.line)
                servers = try parseServers(reader, path: "\(path)/objectURI")
            default:
                guard singleValued.contains(name) else { return false }
                try seen.once(name, line: reader.line)
                fields[name] = try reader.text(of: "\(path)/\(name)")
            }
            return true
        }
        guard let sizeText = fields["size"] else {
            throw DescriptorError(.missingElement, "is mandatory", element: "\(path)/size")
        }
        guard !types.isEmpty else { throw DescriptorError(.missingElement, "is mandatory", element: "\(path)/type") }
        guard let objectID = fields["objectID"] else {
            throw DescriptorError(.missingElement, "is mandatory", element: "\(path)/objectID")
        }
        guard let servers else {
            throw DescriptorError(.missingElement, "is mandatory", element: "\(path)/objectURI")
        }
        return MediaObject(
            meta: meta, size: try parseSize(sizeText, element: "\(path)/size"),
            installSize: try fields["installSize"].map { (text) throws(DescriptorError) -> Int64 in
                try parseSize(text, element: "\(path)/installSize")
            },
            types: types, objectID: objectID, objectVersion: fields["objectVersion"],
            objectValidityTime: fields["objectValidityTime"],
            progressiveDownloadFlag: try fields["progressiveDownloadFlag"].map {
                (text) throws(DescriptorError) -> Bool in
                try parseFlag(text, element: "\(path)/progressiveDownloadFlag")
            },
            servers: servers)
    }

    private static func parseServers(_ reader: DescriptorReader, path: String) throws(DescriptorError) -> [String] {
        var servers: [String] = []
        try reader.children(of: path) { (name) throws(DescriptorError) -> Bool in
            guard name == "server" else { return false }
            let server = try reader.text(of: "\(path)/server")
            guard !server.isEmpty else { throw DescriptorError(.invalidValue, "is empty", element: "\(path)/server") }
            servers.append(server)
            return true
        }
        guard !servers.isEmpty else {
            throw DescriptorError(.missingElement, "is mandatory", element: "\(path)/server")
        }
        return servers
    }
}
