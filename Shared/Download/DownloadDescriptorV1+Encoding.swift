internal import XMLStream

extension DownloadDescriptorV1 {
    /// The descriptor as compact UTF-8 XML with an XML declaration, elements in the order of the DL 1.0 table
    /// (type, size, objectURI, installNotifyURI, nextURL, DDVersion, name, description, vendor, infoURL, iconURI,
    /// installParam, progressiveDownloadFlag); absent optional elements are left out.
    public func encoded() -> [UInt8] {
        var writer = XMLWriter(reservingCapacity: 512)
        writer.declaration()
        writer.start("media", namespace: DownloadDescriptorV1.namespace)
        for type in types { writer.element("type", text: type) }
        writer.element("size", text: String(size))
        writer.element("objectURI", text: objectURI)
        let optional: [(String, String?)] = [
            ("installNotifyURI", installNotifyURI), ("nextURL", nextURL), ("DDVersion", ddVersion), ("name", name),
            ("description", description), ("vendor", vendor), ("infoURL", infoURL), ("iconURI", iconURI),
            ("installParam", installParam),
            ("progressiveDownloadFlag", progressiveDownloadFlag.map { $0 ? "true" : "false" }),
        ]
        for case (let element, let value?) in optional { writer.element(element, text: value) }
        writer.end("media")
        return writer.bytes
    }
}
