import DMTree

/// The DM account as the device's tree holds it (`./DMAcc/<x>`): the source of truth for addresses, auth types,
/// names, secrets and nonces, so that a server's Replace of any of them takes effect in the next session.
public struct DMAccountView: Sendable, Hashable {
    public var path: String
    public var serverID: String
    public var serverURL: String
    public var clientAuth: ClientAuthType
    public var clientName: String
    public var clientSecret: String
    public var clientNonce: [UInt8]
    public var serverAuth: ClientAuthType
    public var serverName: String
    public var serverSecret: String
    public var serverNonce: [UInt8]
    var clientCredPath: String
    var serverCredPath: String

    /// Reads the first DM account (AppID `w7`) of a tree, or the one whose ServerID is `serverID`.
    public init?(tree: DeviceTree, serverID wanted: String? = nil) {
        guard let accounts = tree.node("./DMAcc") else { return nil }
        for name in accounts.children {
            let path = "./DMAcc/\(name)"
            guard let serverID = tree.value("\(path)/ServerID") else { continue }
            if let wanted, wanted != serverID { continue }
            var client: String?
            var server: String?
            if let auths = tree.node("\(path)/AppAuth") {
                for auth in auths.children {
                    let level = tree.value("\(path)/AppAuth/\(auth)/AAuthLevel")?.uppercased()
                    if level == "CLCRED", client == nil { client = "\(path)/AppAuth/\(auth)" }
                    if level == "SRVCRED", server == nil { server = "\(path)/AppAuth/\(auth)" }
                }
            }
            guard let client, let server else { continue }
            var url = ""
            if let addresses = tree.node("\(path)/AppAddr"), let first = addresses.children.first {
                url = tree.value("\(path)/AppAddr/\(first)/Addr") ?? ""
            }
            self.path = path
            self.serverID = serverID
            self.serverURL = url
            self.clientAuth = tree.value("\(client)/AAuthType").flatMap(ClientAuthType.init(aAuthType:)) ?? .md5
            self.clientName = tree.value("\(client)/AAuthName") ?? ""
            self.clientSecret = tree.value("\(client)/AAuthSecret") ?? ""
            self.clientNonce = tree.node("\(client)/AAuthData")?.value ?? []
            self.serverAuth = tree.value("\(server)/AAuthType").flatMap(ClientAuthType.init(aAuthType:)) ?? .md5
            self.serverName = tree.value("\(server)/AAuthName") ?? serverID
            self.serverSecret = tree.value("\(server)/AAuthSecret") ?? ""
            self.serverNonce = tree.node("\(server)/AAuthData")?.value ?? []
            self.clientCredPath = client
            self.serverCredPath = server
            return
        }
        return nil
    }

    /// Stores a new client nonce (CLCRED AAuthData) in the tree.
    public func storeClientNonce(_ nonce: [UInt8], in tree: inout DeviceTree) {
        if let uri = try? NodeURI("\(clientCredPath)/AAuthData") { tree.setBytes(uri, nonce) }
    }

    /// Stores a new server nonce (SRVCRED AAuthData) in the tree.
    public func storeServerNonce(_ nonce: [UInt8], in tree: inout DeviceTree) {
        if let uri = try? NodeURI("\(serverCredPath)/AAuthData") { tree.setBytes(uri, nonce) }
    }
}
