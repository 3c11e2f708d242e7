/// The operations a server starts with Exec on a SCOMO object's `Operations/<name>` nodes.
///
/// ``init(nodeName:)`` matches ignoring case and knows the variants devices register: MediaTek's `Deactive`
/// for `Deactivate`, Symbian's `DownloadInstallInactivate` and `InstallInactivate`.
public enum SCOMOOperation: String, Sendable, Hashable, CaseIterable, Codable {
    /// Download the package (`Download/<x>/Operations/Download`).
    case download = "Download"
    /// Download and install, active (`Download/<x>/Operations/DownloadInstall`).
    case downloadInstall = "DownloadInstall"
    /// Download and install, inactive (`Download/<x>/Operations/DownloadInstallInactive`).
    case downloadInstallInactive = "DownloadInstallInactive"
    /// Install a delivered package, active (`Inventory/Delivered/<x>/Operations/Install`).
    case install = "Install"
    /// Install a delivered package, inactive.
    case installInactive = "InstallInactive"
    /// Remove a delivered package or a deployed component.
    case remove = "Remove"
    /// Activate a deployed component (`Inventory/Deployed/<x>/Operations/Activate`).
    case activate = "Activate"
    /// Deactivate a deployed component.
    case deactivate = "Deactivate"

    /// Where an operation node may appear.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// Below `Download/<x>/Operations`.
        case download
        /// Below `Inventory/Delivered/<x>/Operations`.
        case delivered
        /// Below `Inventory/Deployed/<x>/Operations`.
        case deployed
    }

    /// The scopes the operation appears in (``remove`` is in two).
    public var scopes: [Scope] {
        switch self {
        case .download, .downloadInstall, .downloadInstallInactive: [.download]
        case .install, .installInactive: [.delivered]
        case .remove: [.delivered, .deployed]
        case .activate, .deactivate: [.deployed]
        }
    }

    /// The node name as SCOMO writes it (same as `rawValue`).
    public var nodeName: String { rawValue }

    /// Every name a device may register for the operation, the standard one first.
    public var nodeNameVariants: [String] {
        switch self {
        case .deactivate: ["Deactivate", "Deactive"]
        case .downloadInstallInactive: ["DownloadInstallInactive", "DownloadInstallInactivate"]
        case .installInactive: ["InstallInactive", "InstallInactivate"]
        default: [rawValue]
        }
    }

    static let byName = CaseInsensitiveTable(
        allCases.flatMap { operation in
            operation.nodeNameVariants.map { ($0, operation) }
        })

    /// Looks an operation up by the node name a device registered, ignoring case and accepting known variants.
    /// - Parameter nodeName: e.g. `Deactive`.
    public init?(nodeName: String) {
        guard let match = SCOMOOperation.byName[nodeName] else { return nil }
        self = match
    }

    /// The Exec target for this operation on the entry `entry` (a `Download/<x>`, `Delivered/<x>` or
    /// `Deployed/<x>` node), using the standard node name; use ``uri(in:nodeName:)`` with a device's variant.
    /// - Parameter entry: the entry's URI.
    public func uri(in entry: NodeURI) -> NodeURI {
        entry.appending(trustedPath: "Operations/" + rawValue)
    }

    /// The Exec target using the name a device registered (found by ``init(nodeName:)``).
    /// - Parameters:
    ///   - entry: the entry's URI.
    ///   - nodeName: the device's node name for the operation.
    /// - Throws: ``NodeURIError`` when the name cannot be a segment.
    public func uri(in entry: NodeURI, nodeName: String) throws(NodeURIError) -> NodeURI {
        try entry.appending(trustedPath: "Operations").appending(name: nodeName)
    }
}
