/// The nodes of a FUMO object, relative to its root `<x>` (usually `./FwUpdate/<x>`).
public enum FUMONode: String, Sendable, Hashable, CaseIterable {
    /// Optional package name.
    case pkgName = "PkgName"
    /// Optional package version.
    case pkgVersion = "PkgVersion"
    /// Exec: download from `Download/PkgURL`.
    case download = "Download"
    /// URL of the package or of its download descriptor.
    case downloadPkgURL = "Download/PkgURL"
    /// Exec: apply a package already on the device.
    case update = "Update"
    /// In-band package data (a large object).
    case updatePkgData = "Update/PkgData"
    /// Exec: download from `DownloadAndUpdate/PkgURL`, then update.
    case downloadAndUpdate = "DownloadAndUpdate"
    /// URL of the package or of its download descriptor.
    case downloadAndUpdatePkgURL = "DownloadAndUpdate/PkgURL"
    /// The state (``FUMOState``).
    case state = "State"
    /// Vendor extensions.
    case ext = "Ext"

    /// The node's URI below a FUMO object.
    /// - Parameter object: the FUMO object's root, e.g. `./FwUpdate/x1`.
    public func uri(in object: NodeURI) -> NodeURI { object.appending(trustedPath: rawValue) }

    /// The node's format. `Download` and `Update` are interior nodes (one transcription of the specification
    /// says `chr`, which cannot hold for an interior node).
    public var format: NodeFormat {
        switch self {
        case .download, .update, .downloadAndUpdate, .ext: .node
        case .updatePkgData: .bin
        case .state: .int
        case .pkgName, .pkgVersion, .downloadPkgURL, .downloadAndUpdatePkgURL: .chr
        }
    }

    /// Looks a node up by its path below the object root, ignoring ASCII case.
    /// - Parameter path: e.g. `Download/PkgURL`.
    public init?(path: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, path) }) else {
            return nil
        }
        self = match
    }
}
