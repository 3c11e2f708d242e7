/// A management command for one device, as an operator or an enabler asks dm-session to send it: the kind, its
/// items, and for Atomic and Sequence the commands inside. dm-session turns it into a SyncML command with its own
/// CmdIDs when the device's session reaches it in the queue.
///
/// ```swift
/// let get = SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")])
/// let exec = SessionCommandSpec(kind: .exec, items: [.init(target: "./FUMO/x/Update")], correlator: "op-17")
/// ```
public struct SessionCommandSpec: Codable, Sendable, Equatable {
    /// What the command does.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case get, replace, add, delete, exec, copy, alert, atomic, sequence
    }

    /// The command.
    public var kind: Kind
    /// The items: one per node for Get, Replace, Add, Delete; one for Exec; for Copy, `target` and `source`; for a
    /// user-interaction alert, the option string first, then the text, then any choices (as `data`).
    public var items: [SessionCommandItem]
    /// Exec's Correlator: the device echoes it in the Generic Alert that reports the outcome.
    public var correlator: String?
    /// The alert code of a user-interaction alert: 1100 display, 1101 confirm, 1102 text input, 1103 single
    /// choice, 1104 multiple choice.
    public var alertCode: Int?
    /// The commands inside an Atomic or a Sequence, in order.
    public var commands: [SessionCommandSpec]?

    /// Creates a command.
    /// - Parameters:
    ///   - kind: the command.
    ///   - items: its items.
    ///   - correlator: Exec's correlator.
    ///   - alertCode: a user-interaction alert's code.
    ///   - commands: the commands of an Atomic or Sequence.
    public init(
        kind: Kind, items: [SessionCommandItem] = [], correlator: String? = nil, alertCode: Int? = nil,
        commands: [SessionCommandSpec]? = nil
    ) {
        self.kind = kind
        self.items = items
        self.correlator = correlator
        self.alertCode = alertCode
        self.commands = commands
    }

    /// An Exec of the FUMO update node with a correlator, the form an enabler sends.
    public static var sample: SessionCommandSpec {
        SessionCommandSpec(
            kind: .exec,
            items: [SessionCommandItem(target: "./FUMO/fw1/Update", source: nil, data: "start", format: "chr", type: "text/plain")],
            correlator: "op-17", alertCode: nil, commands: nil)
    }
}

/// One item of a ``SessionCommandSpec``: the node addressed and the value carried.
public struct SessionCommandItem: Codable, Sendable, Equatable {
    /// `Target/LocURI`: the node acted on (`./DevDetail/SwV`).
    public var target: String?
    /// `Source/LocURI`: Copy's source node.
    public var source: String?
    /// `Data`: the value (text; base64 text when `format` is `b64`).
    public var data: String?
    /// `Meta/Format` (`chr`, `int`, `b64`, `bool`, `node`, ...); `chr` when absent.
    public var format: String?
    /// `Meta/Type`, a MIME type (`text/plain` when absent).
    public var type: String?

    /// Creates an item.
    public init(target: String? = nil, source: String? = nil, data: String? = nil, format: String? = nil, type: String? = nil) {
        self.target = target
        self.source = source
        self.data = data
        self.format = format
        self.type = type
    }
}

/// A value a device reported or accepted: a Results item, the answer of a user-interaction alert, or an item of
/// a Generic Alert.
public struct SessionValueItem: Codable, Sendable, Equatable {
    /// The node the value belongs to (`Source/LocURI`), when there is one.
    public var uri: String?
    /// `Meta/Format`.
    public var format: String?
    /// `Meta/Type`.
    public var type: String?
    /// The value as text (binary values as base64, with format `b64`).
    public var data: String?

    /// Creates an item.
    public init(uri: String? = nil, format: String? = nil, type: String? = nil, data: String? = nil) {
        self.uri = uri
        self.format = format
        self.type = type
        self.data = data
    }
}

/// The status a device gave one command inside an Atomic or Sequence, or one item of a multi-item command.
public struct SessionItemStatus: Codable, Sendable, Equatable {
    /// The command name (`Replace`, `Get`, ...).
    public var command: String
    /// The position of the command inside its Atomic or Sequence, from 0.
    public var index: Int
    /// The SyncML status code.
    public var status: Int
    /// The items the Status carried (answers of user-interaction alerts).
    public var items: [SessionValueItem]?

    /// Creates a status.
    public init(command: String, index: Int, status: Int, items: [SessionValueItem]? = nil) {
        self.command = command
        self.index = index
        self.status = status
        self.items = items
    }
}
