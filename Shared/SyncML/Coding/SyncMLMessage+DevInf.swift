/// DevInf inside `Data` is XML markup in the model. In WBXML it travels as a nested WBXML document in OPAQUE,
/// and its `Meta/Type` must then say `application/vnd.syncml-devinf+wbxml` (peers such as libwbxml decide by
/// the type whether to unpack it). These transforms keep the type and the form of the data in step at the
/// WBXML boundary, in both directions.
extension SyncMLMessage {
    static let devInfXMLType = "application/vnd.syncml-devinf+xml"
    static let devInfWBXMLType = "application/vnd.syncml-devinf+wbxml"

    /// For WBXML encoding: each DevInf markup value becomes its nested WBXML document, and a
    /// `devinf+xml` type on the item (or, failing that, on its command) becomes `devinf+wbxml`.
    func nestingDevInfForWBXML() -> SyncMLMessage {
        var copy = self
        copy.body = body.map { command in
            command.rewritingDevInf { item in
                guard case .markup(let markup)? = item.data, Self.isDevInf(markup),
                    let nested = try? WBXMLDevInf.encode(xml: markup)
                else { return nil }
                var changed = item
                changed.data = .opaque(nested)
                return changed
            } type: { Self.replacingSuffix(of: $0, Self.devInfXMLType, with: Self.devInfWBXMLType) }
        }
        return copy
    }

    /// After WBXML decoding: a nested DevInf document was decoded to markup, so a `devinf+wbxml` type on the
    /// item (or on its command) becomes `devinf+xml`.
    func expandingDevInfFromWBXML() -> SyncMLMessage {
        var copy = self
        copy.body = body.map { command in
            command.rewritingDevInf { item in
                guard case .markup(let markup)? = item.data, Self.isDevInf(markup) else { return nil }
                return item
            } type: { Self.replacingSuffix(of: $0, Self.devInfWBXMLType, with: Self.devInfXMLType) }
        }
        return copy
    }

    private static func isDevInf(_ markup: String) -> Bool {
        markup.trimmingASCIIWhitespace().hasPrefix("<DevInf")
    }

    private static func replacingSuffix(of type: String, _ suffix: String, with replacement: String) -> String? {
        let trimmed = type.trimmingASCIIWhitespace()
        guard trimmed.lowercased() == suffix else { return nil }
        return replacement
    }
}

extension Command {
    /// Applies `item` to every Item (nil: leave it alone); for each Item it changed, rewrites the Meta Type
    /// with `type` (nil: no change) on the Item when it has one, else on the command.
    fileprivate func rewritingDevInf(item: (Item) -> Item?, type: (String) -> String?) -> Command {
        func apply(_ items: [Item], commandMeta: inout MetaInfo?) -> [Item] {
            items.map { original in
                guard var changed = item(original) else { return original }
                if let itemType = changed.meta?.type {
                    if let rewritten = type(itemType) { changed.meta?.type = rewritten }
                } else if let commandType = commandMeta?.type, let rewritten = type(commandType) {
                    commandMeta?.type = rewritten
                }
                return changed
            }
        }
        var none: MetaInfo? = nil
        switch self {
        case .add(var c): c.items = apply(c.items, commandMeta: &c.meta); return .add(c)
        case .copy(var c): c.items = apply(c.items, commandMeta: &c.meta); return .copy(c)
        case .replace(var c): c.items = apply(c.items, commandMeta: &c.meta); return .replace(c)
        case .get(var c): c.items = apply(c.items, commandMeta: &c.meta); return .get(c)
        case .delete(var c): c.items = apply(c.items, commandMeta: &c.meta); return .delete(c)
        case .exec(var c): c.items = apply(c.items, commandMeta: &c.meta); return .exec(c)
        case .results(var c): c.items = apply(c.items, commandMeta: &c.meta); return .results(c)
        case .alert(var c): c.items = apply(c.items, commandMeta: &none); return .alert(c)
        case .status(var c): c.items = apply(c.items, commandMeta: &none); return .status(c)
        case .atomic(var c): c.commands = c.commands.map { $0.rewritingDevInf(item: item, type: type) }; return .atomic(c)
        case .sequence(var c): c.commands = c.commands.map { $0.rewritingDevInf(item: item, type: type) }; return .sequence(c)
        case .unsupported: return self
        }
    }
}
