/// The three operations a server starts with Exec on a FUMO object.
public enum FUMOOperation: String, Sendable, Hashable, CaseIterable, Codable {
    /// Download the package (out of band).
    case download
    /// Apply a package already on the device (delivered in band to `Update/PkgData`, or downloaded before).
    case update
    /// Download, then apply.
    case downloadAndUpdate

    /// The node to Exec.
    public var execNode: FUMONode {
        switch self {
        case .download: .download
        case .update: .update
        case .downloadAndUpdate: .downloadAndUpdate
        }
    }

    /// The node that carries the package: `PkgURL` for the downloading operations, `PkgData` for update.
    public var packageNode: FUMONode {
        switch self {
        case .download: .downloadPkgURL
        case .update: .updatePkgData
        case .downloadAndUpdate: .downloadAndUpdatePkgURL
        }
    }

    /// The Generic Alert type the device reports completion with.
    public var alertType: FUMOAlertType {
        switch self {
        case .download: .download
        case .update: .update
        case .downloadAndUpdate: .downloadAndUpdate
        }
    }

    /// Finds the operation a Generic Alert's `Source/LocURI` points at: the Exec target
    /// (`<object>/DownloadAndUpdate`, as Windows Mobile sends) or anything below it. The bare object root
    /// (what the specification text asks for) does not name an operation and gives nil.
    /// - Parameters:
    ///   - source: the alert's source URI.
    ///   - object: the FUMO object's root.
    public init?(source: NodeURI, in object: NodeURI) {
        guard let below = source.segments(below: object), let first = below.first else { return nil }
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.execNode.rawValue, first) }) else {
            return nil
        }
        self = match
    }
}
