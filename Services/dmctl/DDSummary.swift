import Download

/// How `dmctl dd validate` describes a descriptor: a readable summary, or JSON.
enum DDSummary {
    /// The summary lines for a valid descriptor.
    static func lines(for document: DownloadDescriptorDocument) -> [String] {
        switch document {
        case .v1(let dd): lines(for: dd)
        case .v2(let dd): lines(for: dd)
        }
    }

    private static func lines(for dd: DownloadDescriptorV1) -> [String] {
        var lines = ["valid DL 1.0 download descriptor (\(DownloadDescriptorV1.mediaType))"]
        let fields: [(String, String?)] = [
            ("DDVersion", dd.ddVersion ?? "1.0 (implied)"), ("name", dd.name),
            ("type", dd.types.joined(separator: ", ")),
            ("size", "\(dd.size) bytes"), ("objectURI", dd.objectURI), ("installNotifyURI", dd.installNotifyURI),
            ("nextURL", dd.nextURL), ("vendor", dd.vendor), ("description", dd.description), ("infoURL", dd.infoURL),
            ("iconURI", dd.iconURI), ("installParam", dd.installParam),
            ("progressiveDownloadFlag", dd.progressiveDownloadFlag.map { $0 ? "true" : "false" }),
        ]
        for case (let name, let value?) in fields { lines.append("  \(name): \(value)") }
        return lines
    }

    private static func lines(for dd: DownloadDescriptorV2) -> [String] {
        var lines = ["valid DL 2.0 download descriptor (\(DownloadDescriptorV2.mediaType))"]
        lines.append("  DDVersion: \(dd.ddVersion ?? "2.0 (implied)")")
        if let vendor = dd.vendor?.name { lines.append("  vendor: \(vendor)") }
        lines.append(
            "  products: \(dd.products.count), media objects: \(dd.allMediaObjects.count), total size: \(dd.totalSize) bytes"
        )
        for (productIndex, product) in dd.products.enumerated() {
            lines.append("  product \(productIndex + 1)" + (product.meta?.name.map { ": \($0)" } ?? ""))
            lines += metaLines(product.meta, indent: "    ")
            for (objectIndex, object) in product.mediaObjects.enumerated() {
                lines.append("    mediaObject \(objectIndex + 1)" + (object.meta?.name.map { ": \($0)" } ?? ""))
                lines.append("      size: \(object.size) bytes")
                lines.append("      type: \(object.types.joined(separator: ", "))")
                lines.append("      objectID: \(object.objectID)")
                if let version = object.objectVersion { lines.append("      objectVersion: \(version)") }
                lines.append("      servers: \(object.servers.joined(separator: ", "))")
                lines += metaLines(object.meta, indent: "      ")
            }
        }
        if let updated = dd.updatedDDURI { lines.append("  updatedDDURI: \(updated)") }
        if let next = dd.nextURL { lines.append("  nextURL: \(next)") }
        return lines
    }

    private static func metaLines(_ meta: DownloadDescriptorV2.Meta?, indent: String) -> [String] {
        guard let meta else { return [] }
        let fields: [(String, String?)] = [
            ("description", meta.description), ("installNotifyURI", meta.installNotifyURI),
            ("downloadNotifyURI", meta.downloadNotifyURI), ("deleteNotifyURI", meta.deleteNotifyURI),
        ]
        return fields.compactMap { name, value in value.map { "\(indent)\(name): \($0)" } }
    }

    /// The JSON form: the version, the media type and the parsed descriptor.
    struct JSONForm: Encodable {
        var version: String
        var mediaType: String
        var v1: DownloadDescriptorV1?
        var v2: DownloadDescriptorV2?

        init(_ document: DownloadDescriptorDocument) {
            version = document.version.rawValue
            mediaType = document.mediaType
            switch document {
            case .v1(let dd): v1 = dd
            case .v2(let dd): v2 = dd
            }
        }
    }
}
