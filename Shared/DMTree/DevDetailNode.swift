/// The nodes of DevDetail (`./DevDetail`, `urn:oma:mo:oma-dm-devdetail:1.0`), which a server reads with Get.
public enum DevDetailNode: String, Sendable, Hashable, CaseIterable {
    /// Maximum number of URI segments, 0 = unlimited (see ``NodeURI/Limits``).
    case uriMaxDepth = "URI/MaxDepth"
    /// Maximum URI length, 0 = unlimited.
    case uriMaxTotLen = "URI/MaxTotLen"
    /// Maximum segment length, 0 = unlimited.
    case uriMaxSegLen = "URI/MaxSegLen"
    /// Device type, e.g. `phone`.
    case devTyp = "DevTyp"
    /// Original equipment manufacturer.
    case oem = "OEM"
    /// Firmware version.
    case fwV = "FwV"
    /// Software version.
    case swV = "SwV"
    /// Hardware version.
    case hwV = "HwV"
    /// Large object support, `true`/`false`.
    case lrgObj = "LrgObj"
    /// Optional interior node for bearer-specific information.
    case bearer = "Bearer"
    /// Optional interior node for vendor extensions.
    case ext = "Ext"

    /// The DevDetail root, `./DevDetail`.
    public static let root = NodeURI(trustedSegments: ["DevDetail"])

    /// The node's full URI, e.g. `./DevDetail/FwV`.
    public var uri: NodeURI { DevDetailNode.root.appending(trustedPath: rawValue) }

    /// The format of the node's value.
    public var format: NodeFormat {
        switch self {
        case .lrgObj: .bool
        case .bearer, .ext: .node
        default: .chr
        }
    }

    /// Looks a node up by its path below `./DevDetail`, ignoring ASCII case.
    /// - Parameter path: e.g. `FwV` or `URI/MaxDepth`.
    public init?(path: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, path) }) else {
            return nil
        }
        self = match
    }
}
