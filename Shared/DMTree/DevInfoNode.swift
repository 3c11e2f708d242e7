/// The nodes of DevInfo (`./DevInfo`, `urn:oma:mo:oma-dm-devinfo:1.0`), which a client sends in every package 1.
public enum DevInfoNode: String, Sendable, Hashable, CaseIterable {
    /// Unique device identifier, URN-formatted (`IMEI:…`, `MEID:…`).
    case devId = "DevId"
    /// Manufacturer.
    case man = "Man"
    /// Model.
    case mod = "Mod"
    /// DM client version.
    case dmV = "DmV"
    /// Language (RFC 1766 tag).
    case lang = "Lang"
    /// Optional interior node for bearer-specific information.
    case bearer = "Bearer"
    /// Optional interior node for vendor extensions.
    case ext = "Ext"

    /// The DevInfo root, `./DevInfo`.
    public static let root = NodeURI(trustedSegments: ["DevInfo"])

    /// The leaves a client must send (libdmclient treats these five as mandatory).
    public static let mandatory: [DevInfoNode] = [.devId, .man, .mod, .dmV, .lang]

    /// The node's full URI, e.g. `./DevInfo/DevId`.
    public var uri: NodeURI { DevInfoNode.root.appending(trustedPath: rawValue) }

    /// Looks a node up by name, ignoring ASCII case (`DevID` is a common variant).
    /// - Parameter nodeName: the node name.
    public init?(nodeName: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, nodeName) }) else {
            return nil
        }
        self = match
    }
}
