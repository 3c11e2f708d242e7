/// A node URI with an optional query, as found in a command's `Target/LocURI`: `./DevInfo?list=Struct`,
/// `./DMAcc/x1?prop=ACL`.
///
/// ```swift
/// let address = try NodeAddress("DMAcc/x1?prop=ACL")
/// address.uri.description   // "./DMAcc/x1"
/// address.query            // .property(.acl)
/// ```
public struct NodeAddress: Sendable, Hashable, CustomStringConvertible {
    /// The node.
    public var uri: NodeURI
    /// The query, when the address had one.
    public var query: NodeQuery?

    /// Creates an address.
    /// - Parameters:
    ///   - uri: the node.
    ///   - query: the query, if any.
    public init(uri: NodeURI, query: NodeQuery? = nil) {
        self.uri = uri
        self.query = query
    }

    /// Parses a URI and its optional query; the part before the first `?` follows ``NodeURI``'s rules.
    /// - Parameters:
    ///   - text: e.g. `./DevDetail?list=StructData`.
    ///   - limits: the device's URI limits, applied to the path (default: unlimited).
    /// - Throws: ``NodeURIError``.
    public init(_ text: String, limits: NodeURI.Limits = .unlimited) throws(NodeURIError) {
        guard let mark = text.firstIndex(of: "?") else {
            self.init(uri: try NodeURI(text, limits: limits))
            return
        }
        let path = String(text[..<mark])
        let queryText = String(text[text.index(after: mark)...])
        do {
            self.init(uri: try NodeURI(path, limits: limits), query: try NodeQuery(parsing: queryText))
        } catch {
            throw NodeURIError(error.kind, error.message, input: text)
        }
    }

    /// The URI followed by `?` and the query when there is one.
    public var description: String {
        query.map { "\(uri)?\($0)" } ?? uri.description
    }
}
