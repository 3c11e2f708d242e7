extension SyncMLMessage {
    /// The message made fit for XML: XML cannot carry raw bytes, so every Item whose Data is opaque binary
    /// (not valid UTF-8 text) gets its Data base64-encoded and its Item `Meta/Format` set to `b64`, as DM
    /// requires for binary in XML. Text sent opaque stays as it is.
    public func preparedForXML() -> SyncMLMessage {
        mappingItems { item in
            guard case .opaque(let bytes)? = item.data, String(validating: bytes, as: UTF8.self) == nil else {
                return item
            }
            var fixed = item
            fixed.data = .text(Base64.encode(bytes))
            var meta = fixed.meta ?? MetaInfo()
            meta.format = "b64"
            fixed.meta = meta
            return fixed
        }
    }
}
