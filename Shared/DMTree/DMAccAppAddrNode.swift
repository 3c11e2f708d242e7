/// The children of `./DMAcc/<x>/AppAddr/<y>`: one server address.
public enum DMAccAppAddrNode: String, Sendable, Hashable, CaseIterable {
    /// The address (a URI by default).
    case addr = "Addr"
    /// `URI`, `IPv4` or `IPv6` (``DMAccAddrType``).
    case addrType = "AddrType"
    /// Interior: `Port/<z>/PortNbr`.
    case port = "Port"

    /// The node's URI for the address `address` of account `account`.
    /// - Parameters:
    ///   - account: the account URI.
    ///   - address: the address's node name.
    /// - Throws: ``NodeURIError`` for an invalid name.
    public func uri(in account: NodeURI, address: String) throws(NodeURIError) -> NodeURI {
        try DMAccNode.appAddr.uri(in: account).appending(name: address).appending(rawValue)
    }

    /// The URI of `PortNbr` for port `port` of address `address`.
    /// - Parameters:
    ///   - account: the account URI.
    ///   - address: the address's node name.
    ///   - port: the port's node name.
    /// - Throws: ``NodeURIError`` for an invalid name.
    public static func portNumberURI(in account: NodeURI, address: String, port: String) throws(NodeURIError) -> NodeURI
    {
        try DMAccAppAddrNode.port.uri(in: account, address: address).appending(name: port).appending("PortNbr")
    }
}

/// The values of `AppAddr/<x>/AddrType`.
public enum DMAccAddrType: String, Sendable, Hashable, CaseIterable {
    /// A URI (the default).
    case uri = "URI"
    /// An IPv4 address.
    case ipv4 = "IPv4"
    /// An IPv6 address.
    case ipv6 = "IPv6"
}
