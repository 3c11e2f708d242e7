extension Command {
    /// The command with `transform` applied to every Item it carries, including the Items of commands nested in
    /// Atomic and Sequence.
    public func mappingItems(_ transform: (Item) throws -> Item) rethrows -> Command {
        switch self {
        case .add(var c): c.items = try c.items.map(transform); return .add(c)
        case .copy(var c): c.items = try c.items.map(transform); return .copy(c)
        case .delete(var c): c.items = try c.items.map(transform); return .delete(c)
        case .get(var c): c.items = try c.items.map(transform); return .get(c)
        case .replace(var c): c.items = try c.items.map(transform); return .replace(c)
        case .alert(var c): c.items = try c.items.map(transform); return .alert(c)
        case .exec(var c): c.items = try c.items.map(transform); return .exec(c)
        case .results(var c): c.items = try c.items.map(transform); return .results(c)
        case .status(var c): c.items = try c.items.map(transform); return .status(c)
        case .atomic(var c): c.commands = try c.commands.map { try $0.mappingItems(transform) }; return .atomic(c)
        case .sequence(var c): c.commands = try c.commands.map { try $0.mappingItems(transform) }; return .sequence(c)
        case .unsupported: return self
        }
    }
}

extension SyncMLMessage {
    /// The message with `transform` applied to every Item of every command, nested ones included.
    public func mappingItems(_ transform: (Item) throws -> Item) rethrows -> SyncMLMessage {
        var copy = self
        copy.body = try body.map { try $0.mappingItems(transform) }
        return copy
    }
}
