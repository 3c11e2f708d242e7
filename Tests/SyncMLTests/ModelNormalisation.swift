@testable import SyncML

extension SyncMLMessage {
    /// The message with every Data value reduced to its bytes: text, opaque and markup that carry the same
    /// bytes compare equal. WBXML cannot mark OPAQUE bytes as markup or text, so this is the equality that
    /// holds across encodings.
    var dataAsBytes: SyncMLMessage {
        var copy = self
        copy.body = body.map(\.dataAsBytes)
        return copy
    }
}

extension Command {
    var dataAsBytes: Command {
        func fix(_ items: [Item]) -> [Item] {
            items.map { item in
                var copy = item
                copy.data = item.data.map { .opaque($0.bytes) }
                return copy
            }
        }
        switch self {
        case .add(var c): c.items = fix(c.items); return .add(c)
        case .copy(var c): c.items = fix(c.items); return .copy(c)
        case .delete(var c): c.items = fix(c.items); return .delete(c)
        case .get(var c): c.items = fix(c.items); return .get(c)
        case .replace(var c): c.items = fix(c.items); return .replace(c)
        case .alert(var c): c.items = fix(c.items); return .alert(c)
        case .exec(var c): c.items = fix(c.items); return .exec(c)
        case .results(var c): c.items = fix(c.items); return .results(c)
        case .status(var c): c.items = fix(c.items); return .status(c)
        case .atomic(var c): c.commands = c.commands.map(\.dataAsBytes); return .atomic(c)
        case .sequence(var c): c.commands = c.commands.map(\.dataAsBytes); return .sequence(c)
        case .unsupported: return self
        }
    }
}
