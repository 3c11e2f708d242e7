public import DMTree

/// One node of a simulated device's management tree: its properties and, for a leaf, its value.
///
/// Interior nodes (`format == .node`) keep their children's names in insertion order; leaves keep their value as
/// bytes (UTF-8 text for `chr`, `int`, `bool`...; raw bytes for `bin`).
public struct TreeNode: Sendable, Hashable {
    /// `Format` property.
    public var format: NodeFormat
    /// `Type` property (a MIME type for leaves, an MO identifier for an MO root).
    public var type: String?
    /// `ACL` property; empty means inherited from the parent.
    public var acl: AccessControlList
    /// `Title` property.
    public var title: String?
    /// `VerNo` property, incremented on every change.
    public var verNo: Int
    /// `TStamp` property as `yyyyMMddTHHmmssZ` text, set on every change when the tree has a clock.
    public var tstamp: String?
    /// The leaf's value; nil for interior nodes.
    public var value: [UInt8]?
    /// Children names of an interior node, in order.
    public var children: [String]
    /// Permanent nodes (the standard objects' skeleton) cannot be deleted (405).
    public var isPermanent: Bool
    /// What an Exec on this node starts; nil when the node is not executable (405).
    public var execAction: ExecAction?

    public init(
        format: NodeFormat, type: String? = nil, acl: AccessControlList = AccessControlList(), title: String? = nil,
        value: [UInt8]? = nil, isPermanent: Bool = false, execAction: ExecAction? = nil
    ) {
        self.format = format
        self.type = type
        self.acl = acl
        self.title = title
        self.verNo = 0
        self.tstamp = nil
        self.value = format == .node ? nil : (value ?? [])
        self.children = []
        self.isPermanent = isPermanent
        self.execAction = execAction
    }

    /// True for interior nodes.
    public var isInterior: Bool { format == .node }

    /// The value as text (UTF-8), or nil for interior nodes and non-text bytes.
    public var text: String? { value.flatMap { String(validating: $0, as: UTF8.self) } }

    /// `Size` property: the value's length in bytes (leaves only).
    public var size: Int? { value?.count }
}

/// The operation an executable node starts (FUMO, SCOMO, LAWMO, DIAGMON).
public enum ExecAction: String, Sendable, Hashable, Codable {
    case fumoDownload, fumoUpdate, fumoDownloadAndUpdate
    case scomoDownload, scomoDownloadInstall, scomoDownloadInstallInactive
    case scomoInstall, scomoInstallInactive, scomoRemove, scomoActivate, scomoDeactivate
    case lawmoFullyLock, lawmoPartiallyLock, lawmoUnLock, lawmoFactoryReset, lawmoWipe
    case diagmonCollect, diagmonRestart
    /// A vendor node that accepts Exec and completes at once (200).
    case immediate
}
