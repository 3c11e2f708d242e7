extension SyncMLMessage {
    /// The message made fit for XML: XML cannot carry raw bytes, so every Item whose Data is opaque binary
    /// (not valid UTF-8 text) gets its Data base64-encoded and its Item `Meta/Format` set to `b64`, as DM
    /// requires for binary in XML. Text sent opaque stays as it is.
    public func preparedForXML() -> SyncMLMessage {
        var copy = self
        copy.body = body.map(Self.prepareForXML)
        return copy
    }

    private static func prepareForXML(_ command: Command) -> Command {
        func fix(_ items: [Item]) -> [Item] {
            items.map { item in
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
        switch command {
        case .add(var c): c.items = fix(c.items); return .add(c)
        case .copy(var c): c.items = fix(c.items); return .copy(c)
        case .delete(var c): c.items = fix(c.items); return .delete(c)
        case .get(var c): c.items = fix(c.items); return .get(c)
        case .replace(var c): c.items = fix(c.items); return .replace(c)
        case .alert(var c): c.items = fix(c.items); return .alert(c)
        case .exec(var c): c.items = fix(c.items); return .exec(c)
        case .results(var c): c.items = fix(c.items); return .results(c)
        case .status(var c): c.items = fix(c.items); return .status(c)
        case .atomic(var c): c.commands = c.commands.map(prepareForXML); return .atomic(c)
        case .sequence(var c): c.commands = c.commands.map(prepareForXML); return .sequence(c)
        case .unsupported: return command
        }
    }
}
