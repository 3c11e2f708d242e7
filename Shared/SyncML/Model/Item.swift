/// An `Item`: the node a command addresses and the value it carries.
public struct Item: Sendable, Hashable {
    /// `Target`: the node acted on (server commands).
    public var target: Location?
    /// `Source`: the node a value comes from (Results, client Replace of DevInfo, Generic Alerts).
    public var source: Location?
    /// `SourceParent` (SyncML 1.2).
    public var sourceParent: Location?
    /// `TargetParent` (SyncML 1.2).
    public var targetParent: Location?
    /// `Meta`: Format, Type, Size, Mark...
    public var meta: MetaInfo?
    /// `Data`, exactly as sent.
    public var data: DataContent?
    /// `MoreData`: this is a Large Object chunk and more chunks follow.
    public var moreData: Bool

    public init(
        target: Location? = nil, source: Location? = nil, sourceParent: Location? = nil,
        targetParent: Location? = nil, meta: MetaInfo? = nil, data: DataContent? = nil, moreData: Bool = false
    ) {
        self.target = target
        self.source = source
        self.sourceParent = sourceParent
        self.targetParent = targetParent
        self.meta = meta
        self.data = data
        self.moreData = moreData
    }
}
