internal import XMLStream

extension DownloadDescriptorV2 {
    /// The descriptor as compact UTF-8 XML with an XML declaration: `media` with the `DDVersion` attribute, then
    /// vendor, products, updatedDDURI and nextURL; absent optional elements are left out.
    public func encoded() -> [UInt8] {
        var writer = XMLWriter(reservingCapacity: 1024)
        writer.declaration()
        var root = "<media xmlns=\"\(DownloadDescriptorV2.namespace)\""
        if let ddVersion { root += " DDVersion=\"\(escapedAttribute(ddVersion))\"" }
        writer.raw((root + ">").utf8)
        if let vendor {
            writer.start("vendor")
            let fields = [
                ("name", vendor.name), ("home", vendor.home), ("logo", vendor.logo), ("support", vendor.support),
            ]
            for case (let element, let value?) in fields { writer.element(element, text: value) }
            writer.end("vendor")
        }
        for product in products {
            writer.start("product")
            if let meta = product.meta { Self.write(meta, to: &writer) }
            for object in product.mediaObjects { Self.write(object, to: &writer) }
            writer.end("product")
        }
        if let updatedDDURI { writer.element("updatedDDURI", text: updatedDDURI) }
        if let nextURL { writer.element("nextURL", text: nextURL) }
        writer.end("media")
        return writer.bytes
    }

    private static func write(_ meta: Meta, to writer: inout XMLWriter) {
        writer.start("meta")
        let fields = meta.singleValuedFields
        for case (let element, let value?) in fields.prefix(2) { writer.element(element, text: value) }
        for text in meta.texts { writer.element("text", text: text) }
        for case (let element, let value?) in fields.dropFirst(2) { writer.element(element, text: value) }
        writer.end("meta")
    }

    private static func write(_ object: MediaObject, to writer: inout XMLWriter) {
        writer.start("mediaObject")
        if let meta = object.meta { write(meta, to: &writer) }
        writer.element("size", text: String(object.size))
        if let installSize = object.installSize { writer.element("installSize", text: String(installSize)) }
        for type in object.types { writer.element("type", text: type) }
        writer.element("objectID", text: object.objectID)
        if let version = object.objectVersion { writer.element("objectVersion", text: version) }
        if let validity = object.objectValidityTime { writer.element("objectValidityTime", text: validity) }
        if let flag = object.progressiveDownloadFlag {
            writer.element("progressiveDownloadFlag", text: flag ? "true" : "false")
        }
        writer.start("objectURI")
        for server in object.servers { writer.element("server", text: server) }
        writer.end("objectURI")
        writer.end("mediaObject")
    }
}
