/// The interior nodes of a SCOMO object, relative to its root (often `./SCOMO`), and the leaves of its entries.
public enum SCOMONode: String, Sendable, Hashable, CaseIterable {
    /// `Download`: packages to download, one `<x>` each.
    case download = "Download"
    /// `Inventory`.
    case inventory = "Inventory"
    /// `Inventory/Delivered`: downloaded, not yet installed, one `<x>` each.
    case delivered = "Inventory/Delivered"
    /// `Inventory/Deployed`: installed components, one `<x>` each.
    case deployed = "Inventory/Deployed"
    /// `Ext`: vendor extensions.
    case ext = "Ext"

    /// The node's URI below a SCOMO object.
    /// - Parameter object: the SCOMO root.
    public func uri(in object: NodeURI) -> NodeURI { object.appending(trustedPath: rawValue) }

    /// The URI of the entry `name` below this node (for ``download``, ``delivered`` and ``deployed``).
    /// - Parameters:
    ///   - object: the SCOMO root.
    ///   - name: the entry's node name.
    /// - Throws: ``NodeURIError`` when the name cannot be a segment.
    public func entry(in object: NodeURI, named name: String) throws(NodeURIError) -> NodeURI {
        try uri(in: object).appending(name: name)
    }
}

/// The leaves and interior nodes of one SCOMO entry (`Download/<x>`, `Delivered/<x>` or `Deployed/<x>`).
///
/// ``init(nodeName:)`` ignores case, so `PkgId` finds ``pkgID``.
public enum SCOMOEntryNode: String, Sendable, Hashable, CaseIterable {
    /// Package identifier (Download, Delivered).
    case pkgID = "PkgID"
    /// Component identifier (Deployed).
    case id = "ID"
    /// Identifier of the package the component came from (Deployed).
    case pkgIDRef = "PkgIDRef"
    /// Display name.
    case name = "Name"
    /// Description.
    case descriptionText = "Description"
    /// Version (Deployed).
    case version = "Version"
    /// Package URL (Download).
    case pkgURL = "PkgURL"
    /// Package MIME type (Download, Delivered).
    case pkgType = "PkgType"
    /// In-band package data (Delivered).
    case data = "Data"
    /// Installation parameters.
    case installParams = "InstallParams"
    /// Execution environment type.
    case envType = "EnvType"
    /// Progress status (``SCOMODownloadStatus``, ``SCOMODeliveredStatus``, ``SCOMODeployedStatus``).
    case status = "Status"
    /// State (``SCOMODeliveredState``, ``SCOMODeployedState``).
    case state = "State"
    /// Interior: the operation nodes (``SCOMOOperation``).
    case operations = "Operations"

    /// The node's format.
    public var format: NodeFormat {
        switch self {
        case .status, .state: .int
        case .data: .bin
        case .operations: .node
        default: .chr
        }
    }

    /// The node's URI in an entry.
    /// - Parameter entry: the entry's URI.
    public func uri(in entry: NodeURI) -> NodeURI { entry.appending(trustedPath: rawValue) }

    /// Looks a node up by name, ignoring ASCII case.
    /// - Parameter nodeName: the node name.
    public init?(nodeName: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, nodeName) }) else {
            return nil
        }
        self = match
    }
}
