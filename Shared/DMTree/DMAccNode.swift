/// The children of one DM account, `./DMAcc/<x>` (`urn:oma:mo:oma-dm-dmacc:1.0`).
///
/// ``init(nodeName:)`` ignores ASCII case, so the DM 1.1.2 spelling `ServerId` finds ``serverID``.
public enum DMAccNode: String, Sendable, Hashable, CaseIterable {
    /// `w7`, the application identifier of DM.
    case appID = "AppID"
    /// The server identifier, used in package #0 and to match the message Source.
    case serverID = "ServerID"
    /// Display name.
    case name = "Name"
    /// Preferred connectivity object.
    case prefConRef = "PrefConRef"
    /// Interior: `ToConRef/<x>/ConRef` connectivity references.
    case toConRef = "ToConRef"
    /// Interior: `AppAddr/<x>/…` server addresses (``DMAccAppAddrNode``).
    case appAddr = "AppAddr"
    /// Preferred authentication type, e.g. `DIGEST`.
    case aAuthPref = "AAuthPref"
    /// Interior: `AppAuth/<x>/…` credentials (``DMAccAppAuthNode``).
    case appAuth = "AppAuth"
    /// Vendor extensions.
    case ext = "Ext"

    /// The DMAcc root, `./DMAcc`.
    public static let root = NodeURI(trustedSegments: ["DMAcc"])

    /// The value DM accounts carry in `AppID`.
    public static let dmAppID = "w7"

    /// The format of the node.
    public var format: NodeFormat {
        switch self {
        case .toConRef, .appAddr, .appAuth, .ext: .node
        default: .chr
        }
    }

    /// The node's URI inside the account `account` (e.g. `./DMAcc/x1/ServerID`).
    /// - Parameter account: the account's URI, such as from ``account(named:)``.
    public func uri(in account: NodeURI) -> NodeURI { account.appending(trustedPath: rawValue) }

    /// The URI of the account `name` below `./DMAcc`.
    /// - Parameter name: the account's node name (escaped as needed).
    /// - Throws: ``NodeURIError`` for an empty, `.` or `..` name.
    public static func account(named name: String) throws(NodeURIError) -> NodeURI {
        try root.appending(name: name)
    }

    /// Looks a node up by name, ignoring ASCII case.
    /// - Parameter nodeName: the node name.
    public init?(nodeName: String) {
        guard let match = Self.allCases.first(where: { asciiCaseInsensitiveEquals($0.rawValue, nodeName) }) else {
            return nil
        }
        self = match
    }
}
