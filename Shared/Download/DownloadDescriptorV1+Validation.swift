extension DownloadDescriptorV1 {
    /// Checks the descriptor as a device would and resolves relative URLs against `baseURL`.
    ///
    /// - At least one `type`, each a `type/subtype` MIME type.
    /// - `size` positive.
    /// - `objectURI` and `installNotifyURI` absolute, or relative and resolvable against `baseURL` (the URL the
    ///   descriptor was fetched from).
    /// - `nextURL`, `infoURL` and `iconURI` resolved against `baseURL` when they are relative and it is given;
    ///   kept as they are otherwise.
    /// - `DDVersion` absent or starting with `1.` (anything else is install-notify 951).
    ///
    /// - Parameter baseURL: the absolute URL the descriptor came from, if known.
    /// - Returns: the descriptor with resolved URLs.
    /// - Throws: ``DescriptorError`` naming the element at fault.
    public func validated(baseURL: String? = nil) throws(DescriptorError) -> DownloadDescriptorV1 {
        var result = self
        if let ddVersion, !ddVersion.hasPrefix("1.") {
            throw DescriptorError(
                .invalidDDVersion, "version '\(ddVersion)' is not a DL 1.x descriptor version", element: "DDVersion")
        }
        guard !types.isEmpty else { throw DescriptorError(.missingElement, "is mandatory", element: "type") }
        for type in types where !isPlausibleMediaType(type) {
            throw DescriptorError(.invalidValue, "'\(type)' is not a MIME type (type/subtype)", element: "type")
        }
        guard size > 0 else {
            throw DescriptorError(.invalidValue, "must be a positive integer, got \(size)", element: "size")
        }
        result.objectURI = try resolveMandatory(objectURI, element: "objectURI", baseURL: baseURL)
        result.installNotifyURI = try installNotifyURI.map { (uri) throws(DescriptorError) -> String in
            try resolveMandatory(uri, element: "installNotifyURI", baseURL: baseURL)
        }
        result.nextURL = nextURL.map { resolveOptional($0, baseURL: baseURL) }
        result.infoURL = infoURL.map { resolveOptional($0, baseURL: baseURL) }
        result.iconURI = iconURI.map { resolveOptional($0, baseURL: baseURL) }
        return result
    }
}

/// Resolves a URL that must end up absolute.
func resolveMandatory(_ uri: String, element: String, baseURL: String?) throws(DescriptorError) -> String {
    guard !uri.isEmpty else { throw DescriptorError(.missingElement, "is empty", element: element) }
    if let resolved = URIReference.resolve(uri, against: baseURL) { return resolved }
    let reason =
        baseURL == nil
        ? "'\(uri)' is not an absolute URL and no base URL was given"
        : "'\(uri)' is not an absolute URL and the base URL is not absolute either"
    throw DescriptorError(.relativeURI, reason, element: element)
}

/// Resolves a URL when possible, keeping it as it is otherwise.
func resolveOptional(_ uri: String, baseURL: String?) -> String {
    URIReference.resolve(uri, against: baseURL) ?? uri
}
