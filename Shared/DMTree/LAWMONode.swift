/// The nodes of a LAWMO object, relative to its root (often `./LAWMO`).
public enum LAWMONode: String, Sendable, Hashable, CaseIterable {
    /// `State` (``LAWMOState``).
    case state = "State"
    /// `AvailableWipeList`: one `<x>` per wipeable item.
    case availableWipeList = "AvailableWipeList"
    /// `LAWMOConfig/NotifyUser` (bool).
    case notifyUser = "LAWMOConfig/NotifyUser"
    /// `Operations` (``LAWMOOperation``).
    case operations = "Operations"
    /// `Ext`: vendor extensions.
    case ext = "Ext"

    /// The node's URI below a LAWMO object.
    /// - Parameter object: the LAWMO root.
    public func uri(in object: NodeURI) -> NodeURI { object.appending(trustedPath: rawValue) }

    /// The node's format.
    public var format: NodeFormat {
        switch self {
        case .state: .int
        case .notifyUser: .bool
        case .availableWipeList, .operations, .ext: .node
        }
    }

    /// The URI of `AvailableWipeList/<item>/ListItemName`.
    /// - Parameters:
    ///   - object: the LAWMO root.
    ///   - item: the item's node name.
    /// - Throws: ``NodeURIError`` when the name cannot be a segment.
    public static func listItemName(in object: NodeURI, item: String) throws(NodeURIError) -> NodeURI {
        try availableWipeList.uri(in: object).appending(name: item).appending("ListItemName")
    }

    /// The URI of `AvailableWipeList/<item>/ToBeWiped` (bool).
    /// - Parameters:
    ///   - object: the LAWMO root.
    ///   - item: the item's node name.
    /// - Throws: ``NodeURIError`` when the name cannot be a segment.
    public static func toBeWiped(in object: NodeURI, item: String) throws(NodeURIError) -> NodeURI {
        try availableWipeList.uri(in: object).appending(name: item).appending("ToBeWiped")
    }
}
