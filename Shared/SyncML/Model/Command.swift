/// A command of a SyncBody, or of an Atomic or Sequence.
public indirect enum Command: Sendable, Hashable {
    case add(ItemCommand)
    case alert(AlertCommand)
    case atomic(ContainerCommand)
    case copy(ItemCommand)
    case delete(ItemCommand)
    case exec(ExecCommand)
    case get(ItemCommand)
    case replace(ItemCommand)
    case results(ResultsCommand)
    case sequence(ContainerCommand)
    case status(StatusCommand)
    /// A command DM does not use (Sync, Map, Put, Search, Move...): kept by name and CmdID so that a server
    /// can answer it with a Status.
    case unsupported(UnsupportedCommand)

    /// The element name (`Add`, `Status`, ...), as a Status's `Cmd` names it.
    public var name: String {
        switch self {
        case .add: "Add"
        case .alert: "Alert"
        case .atomic: "Atomic"
        case .copy: "Copy"
        case .delete: "Delete"
        case .exec: "Exec"
        case .get: "Get"
        case .replace: "Replace"
        case .results: "Results"
        case .sequence: "Sequence"
        case .status: "Status"
        case .unsupported(let command): command.name
        }
    }

    /// The command's `CmdID`.
    public var cmdID: String {
        switch self {
        case .add(let c), .copy(let c), .delete(let c), .get(let c), .replace(let c): c.cmdID
        case .alert(let c): c.cmdID
        case .atomic(let c), .sequence(let c): c.cmdID
        case .exec(let c): c.cmdID
        case .results(let c): c.cmdID
        case .status(let c): c.cmdID
        case .unsupported(let c): c.cmdID
        }
    }

    /// The Items the command carries (none for containers and unsupported commands).
    public var items: [Item] {
        switch self {
        case .add(let c), .copy(let c), .delete(let c), .get(let c), .replace(let c): c.items
        case .alert(let c): c.items
        case .exec(let c): c.items
        case .results(let c): c.items
        case .status(let c): c.items
        case .atomic, .sequence, .unsupported: []
        }
    }
}

/// Add, Copy, Delete, Get and Replace: `CmdID, NoResp?, Cred?, Meta?, Item+`.
public struct ItemCommand: Sendable, Hashable {
    public var cmdID: String
    public var noResp: Bool
    public var cred: Credential?
    public var meta: MetaInfo?
    public var items: [Item]

    public init(cmdID: String, noResp: Bool = false, cred: Credential? = nil, meta: MetaInfo? = nil, items: [Item]) {
        self.cmdID = cmdID
        self.noResp = noResp
        self.cred = cred
        self.meta = meta
        self.items = items
    }
}

/// Alert: `CmdID, NoResp?, Cred?, Data?, Correlator?, Item*`. `data` is the alert code.
public struct AlertCommand: Sendable, Hashable {
    public var cmdID: String
    public var noResp: Bool
    public var cred: Credential?
    public var data: String?
    public var correlator: String?
    public var items: [Item]

    public init(
        cmdID: String, noResp: Bool = false, cred: Credential? = nil, data: String?, correlator: String? = nil,
        items: [Item] = []
    ) {
        self.cmdID = cmdID
        self.noResp = noResp
        self.cred = cred
        self.data = data
        self.correlator = correlator
        self.items = items
    }

    /// The alert code as a number, when `data` is one.
    public var code: Int? { data.flatMap { Int($0.trimmingASCIIWhitespace()) } }
}

/// Exec: `CmdID, NoResp?, Cred?, Meta?, Correlator?, Item`.
public struct ExecCommand: Sendable, Hashable {
    public var cmdID: String
    public var noResp: Bool
    public var cred: Credential?
    public var meta: MetaInfo?
    public var correlator: String?
    public var items: [Item]

    public init(
        cmdID: String, noResp: Bool = false, cred: Credential? = nil, meta: MetaInfo? = nil,
        correlator: String? = nil, items: [Item]
    ) {
        self.cmdID = cmdID
        self.noResp = noResp
        self.cred = cred
        self.meta = meta
        self.correlator = correlator
        self.items = items
    }
}

/// Atomic and Sequence: `CmdID, NoResp?, Meta?, commands+`.
public struct ContainerCommand: Sendable, Hashable {
    public var cmdID: String
    public var noResp: Bool
    public var meta: MetaInfo?
    public var commands: [Command]

    public init(cmdID: String, noResp: Bool = false, meta: MetaInfo? = nil, commands: [Command]) {
        self.cmdID = cmdID
        self.noResp = noResp
        self.meta = meta
        self.commands = commands
    }
}

/// Results: `CmdID, MsgRef?, CmdRef, Meta?, TargetRef?, SourceRef?, Item+`.
public struct ResultsCommand: Sendable, Hashable {
    public var cmdID: String
    public var msgRef: String?
    public var cmdRef: String
    public var meta: MetaInfo?
    public var targetRef: String?
    public var sourceRef: String?
    public var items: [Item]

    public init(
        cmdID: String, msgRef: String? = nil, cmdRef: String, meta: MetaInfo? = nil, targetRef: String? = nil,
        sourceRef: String? = nil, items: [Item]
    ) {
        self.cmdID = cmdID
        self.msgRef = msgRef
        self.cmdRef = cmdRef
        self.meta = meta
        self.targetRef = targetRef
        self.sourceRef = sourceRef
        self.items = items
    }
}

/// Status: `CmdID, MsgRef, CmdRef, Cmd, TargetRef*, SourceRef*, Cred?, Chal?, Data, Item*`.
/// `data` is the status code; `msgRef` is optional only because some clients leave it out.
public struct StatusCommand: Sendable, Hashable {
    public var cmdID: String
    public var msgRef: String?
    public var cmdRef: String
    public var cmd: String
    public var targetRefs: [String]
    public var sourceRefs: [String]
    public var cred: Credential?
    public var chal: Challenge?
    public var data: String
    public var items: [Item]

    public init(
        cmdID: String, msgRef: String?, cmdRef: String, cmd: String, targetRefs: [String] = [],
        sourceRefs: [String] = [], cred: Credential? = nil, chal: Challenge? = nil, data: String, items: [Item] = []
    ) {
        self.cmdID = cmdID
        self.msgRef = msgRef
        self.cmdRef = cmdRef
        self.cmd = cmd
        self.targetRefs = targetRefs
        self.sourceRefs = sourceRefs
        self.cred = cred
        self.chal = chal
        self.data = data
        self.items = items
    }

    /// The status code as a number, when `data` is one.
    public var code: Int? { Int(data.trimmingASCIIWhitespace()) }
}

/// A command DM does not use, kept by element name and CmdID.
public struct UnsupportedCommand: Sendable, Hashable {
    public var name: String
    public var cmdID: String

    public init(name: String, cmdID: String) {
        self.name = name
        self.cmdID = cmdID
    }
}
