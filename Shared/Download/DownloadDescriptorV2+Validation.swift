extension DownloadDescriptorV2 {
    /// Checks the descriptor as a device would and resolves relative URLs against `baseURL`.
    ///
    /// - `DDVersion` absent or starting with `2.` (anything else is install-notify 951).
    /// - At least one product, each with at least one media object.
    /// - Each media object: positive `size` (and `installSize` when given), at least one `type`, each a MIME
    ///   type, a non-empty `objectID`, and at least one `server`, each absolute or resolvable against `baseURL`.
    /// - Notify URLs and `updatedDDURI` absolute or resolvable; `nextURL`, `infoURL`, `iconURI` and vendor URLs
    ///   resolved when possible and kept otherwise.
    ///
    /// - Parameter baseURL: the absolute URL the descriptor came from, if known.
    /// - Returns: the descriptor with resolved URLs.
    /// - Throws: ``DescriptorError`` naming the element at fault (e.g. `product[1]/mediaObject[2]/size`).
    public func validated(baseURL: String? = nil) throws(DescriptorError) -> DownloadDescriptorV2 {
        if let ddVersion, !ddVersion.hasPrefix("2.") {
            throw DescriptorError(
                .invalidDDVersion, "version '\(ddVersion)' is not a DL 2.x descriptor version",
                element: "media/@DDVersion")
        }
        guard !products.isEmpty else { throw DescriptorError(.missingElement, "is mandatory", element: "product") }
        var result = self
        result.updatedDDURI = try updatedDDURI.map { (uri) throws(DescriptorError) -> String in
            try resolveMandatory(uri, element: "updatedDDURI", baseURL: baseURL)
        }
        result.nextURL = nextURL.map { resolveOptional($0, baseURL: baseURL) }
        if var vendor {
            vendor.home = vendor.home.map { resolveOptional($0, baseURL: baseURL) }
            vendor.logo = vendor.logo.map { resolveOptional($0, baseURL: baseURL) }
            result.vendor = vendor
        }
        for (productIndex, product) in products.enumerated() {
            let productPath = "product[\(productIndex + 1)]"
            guard !product.mediaObjects.isEmpty else {
                throw DescriptorError(.missingElement, "is mandatory", element: "\(productPath)/mediaObject")
            }
            result.products[productIndex].meta = try product.meta.map { (meta) throws(DescriptorError) -> Meta in
                try Self.validated(meta, path: "\(productPath)/meta", baseURL: baseURL)
            }
            for (objectIndex, object) in product.mediaObjects.enumerated() {
                result.products[productIndex].mediaObjects[objectIndex] = try Self.validated(
                    object, path: "\(productPath)/mediaObject[\(objectIndex + 1)]", baseURL: baseURL)
            }
        }
        return result
    }

    private static func validated(_ object: MediaObject, path: String, baseURL: String?) throws(DescriptorError)
        -> MediaObject
    {
        var result = object
        guard object.size > 0 else {
            throw DescriptorError(
                .invalidValue, "must be a positive integer, got \(object.size)", element: "\(path)/size")
        }
        if let installSize = object.installSize, installSize <= 0 {
            throw DescriptorError(
                .invalidValue, "must be a positive integer, got \(installSize)", element: "\(path)/installSize")
        }
        guard !object.types.isEmpty else {
            throw DescriptorError(.missingElement, "is mandatory", element: "\(path)/type")
        }
        for type in object.types where !isPlausibleMediaType(type) {
            throw DescriptorError(.invalidValue, "'\(type)' is not a MIME type (type/subtype)", element: "\(path)/type")
        }
        guard !object.objectID.isEmpty else {
            throw DescriptorError(.missingElement, "is empty", element: "\(path)/objectID")
        }
        guard !object.servers.isEmpty else {
            throw DescriptorError(.missingElement, "is mandatory", element: "\(path)/objectURI/server")
        }
        for (index, server) in object.servers.enumerated() {
            result.servers[index] = try resolveMandatory(server, element: "\(path)/objectURI/server", baseURL: baseURL)
        }
        result.meta = try object.meta.map { (meta) throws(DescriptorError) -> Meta in
            try validated(meta, path: "\(path)/meta", baseURL: baseURL)
        }
        return result
    }

    private static func validated(_ meta: Meta, path: String, baseURL: String?) throws(DescriptorError) -> Meta {
        var result = meta
        func mandatory(_ uri: String?, _ name: String) throws(DescriptorError) -> String? {
            guard let uri else { return nil }
            return try resolveMandatory(uri, element: "\(path)/\(name)", baseURL: baseURL)
        }
        result.installNotifyURI = try mandatory(meta.installNotifyURI, "installNotifyURI")
        result.downloadNotifyURI = try mandatory(meta.downloadNotifyURI, "downloadNotifyURI")
        result.deleteNotifyURI = try mandatory(meta.deleteNotifyURI, "deleteNotifyURI")
        result.infoURL = meta.infoURL.map { resolveOptional($0, baseURL: baseURL) }
        result.iconURI = meta.iconURI.map { resolveOptional($0, baseURL: baseURL) }
        return result
    }
}
