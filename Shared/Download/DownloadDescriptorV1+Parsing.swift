public import XMLStream

extension DownloadDescriptorV1 {
    /// Parses and validates a DL 1.0 descriptor, strictly.
    ///
    /// - The root must be `media` in the DD namespace (`http://www.openmobilealliance.org/xmlns/dd`); a root with
    ///   no namespace is accepted as DL 1.0, a DL 2.0 root is refused with ``DescriptorError/Kind/wrongNamespace``.
    /// - `type`, `size` and `objectURI` are mandatory; every element but `type` may appear once.
    /// - `size` is a positive decimal integer. `,` is accepted only as a thousands separator in groups of three
    ///   (`1,200,000`), because hand-written descriptors use it and Chromium strips it; `12,00` is refused.
    /// - Text is trimmed of surrounding whitespace; an element holding child elements where text is expected is
    ///   refused. Unknown elements, and elements in other namespaces, are ignored.
    /// - DOCTYPE internal subsets and entity references are refused (no XXE, no entity expansion).
    /// - Then ``validated(baseURL:)`` runs: MIME types, absolute URLs (or resolvable against `baseURL`),
    ///   DDVersion 1.x.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - baseURL: the URL the descriptor was fetched from, to resolve relative URLs.
    ///   - limits: size, depth and element-count bounds.
    /// - Throws: ``DescriptorError`` naming the element at fault.
    public static func parse(
        _ bytes: some Collection<UInt8>, baseURL: String? = nil, limits: XMLLimits = .default
    ) throws(DescriptorError) -> DownloadDescriptorV1 {
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
        if let namespace = reader.namespace, namespace != DescriptorVersion.v1.namespace {
            let hint = namespace == DescriptorVersion.v2.namespace ? " (this is a DL 2.0 descriptor)" : ""
            throw DescriptorError(
                .wrongNamespace, "namespace '\(namespace)' is not the DL 1.0 namespace\(hint)", element: "media")
        }
    }

    static func parseBody(_ reader: DescriptorReader) throws(DescriptorError) -> DownloadDescriptorV1 {
        var seen = SeenElements()
        var types: [String] = []
        var fields: [String: String] = [:]
        let singleValued: Set<String> = [
            "size", "objectURI", "installNotifyURI", "nextURL", "DDVersion", "name", "description", "vendor",
            "infoURL", "iconURI", "installParam", "progressiveDownloadFlag",
        ]
        try reader.children(of: "media") { (name) throws(DescriptorError) -> Bool in
            if name == "type" {
                let type = try reader.text(of: name)
                guard !type.isEmpty else { throw DescriptorError(.invalidValue, "is empty", element: name) }
                types.append(type)
                return true
            }
            guard singleValued.contains(name) else { return false }
            try seen.once(name, line: reader.line)
            fields[name] = try reader.text(of: name)
            return true
        }
        if let version = fields["DDVersion"], !version.hasPrefix("1.") {
            throw DescriptorError(
                .invalidDDVersion, "version '\(version)' is not a DL 1.x descriptor version", element: "DDVersion")
        }
        guard !types.isEmpty else { throw DescriptorError(.missingElement, "is mandatory", element: "type") }
        guard let sizeText = fields["size"] else {
            throw DescriptorError(.missingElement, "is mandatory", element: "size")
        }
        guard let objectURI = fields["objectURI"] else {
            throw DescriptorError(.missingElement, "is mandatory", element: "objectURI")
        }
        return DownloadDescriptorV1(
            types: types, size: try parseSize(sizeText, element: "size"), objectURI: objectURI,
            installNotifyURI: fields["installNotifyURI"], nextURL: fields["nextURL"], ddVersion: fields["DDVersion"],
            name: fields["name"], description: fields["description"], vendor: fields["vendor"],
            infoURL: fields["infoURL"], iconURI: fields["iconURI"], installParam: fields["installParam"],
            progressiveDownloadFlag: try fields["progressiveDownloadFlag"].map {
                (text) throws(DescriptorError) -> Bool in try parseFlag(text, element: "progressiveDownloadFlag")
            })
    }
}

/// Parses a size element: a positive byte count (see ``parseByteCount(_:)``).
func parseSize(_ text: String, element: String) throws(DescriptorError) -> Int64 {
    guard let size = parseByteCount(text) else {
        throw DescriptorError(
            .invalidValue, "'\(text)' is not a positive integer number of bytes", element: element)
    }
    guard size > 0 else { throw DescriptorError(.invalidValue, "must be positive, got \(text)", element: element) }
    return size
}

/// Parses a boolean element.
func parseFlag(_ text: String, element: String) throws(DescriptorError) -> Bool {
    guard let value = parseSchemaBoolean(text) else {
        throw DescriptorError(.invalidValue, "'\(text)' is not a boolean (true or false)", element: element)
    }
    return value
}
