/// The properties of one node, as values (see ``NodePropertyName`` for the names).
///
/// ```swift
/// var properties = NodeProperties(name: "FwV", format: .chr)
/// try properties.set(.acl, to: "Get=*")
/// properties.value(of: .acl)   // "Get=*"
/// ```
public struct NodeProperties: Sendable, Hashable {
    /// `ACL`: empty means inherited from the parent.
    public var acl: AccessControlList
    /// `Format`.
    public var format: NodeFormat
    /// `Name`.
    public var name: String
    /// `Size` in bytes, for leaf nodes.
    public var size: Int?
    /// `Title`.
    public var title: String?
    /// `TStamp`.
    public var tstamp: DMTimestamp?
    /// `Type`: a MIME type for a leaf, an MO identifier for an interior node.
    public var type: String?
    /// `VerNo`, 0...65535.
    public var verNo: Int?

    /// Creates properties.
    /// - Parameters:
    ///   - name: the node name.
    ///   - format: the value format (default `chr`).
    ///   - acl: the ACL (default empty: inherited).
    ///   - size: the value size.
    ///   - title: the title.
    ///   - tstamp: the last change.
    ///   - type: the MIME type or MO identifier.
    ///   - verNo: the version number.
    public init(
        name: String, format: NodeFormat = .default, acl: AccessControlList = AccessControlList(), size: Int? = nil,
        title: String? = nil, tstamp: DMTimestamp? = nil, type: String? = nil, verNo: Int? = nil
    ) {
        self.acl = acl
        self.format = format
        self.name = name
        self.size = size
        self.title = title
        self.tstamp = tstamp
        self.type = type
        self.verNo = verNo
    }

    /// The text a `Get <uri>?prop=<name>` returns, or nil when the property has no value.
    /// - Parameter property: the property.
    public func value(of property: NodePropertyName) -> String? {
        switch property {
        case .acl: acl.description
        case .format: format.rawValue
        case .name: name
        case .size: size.map(String.init)
        case .title: title
        case .tstamp: tstamp?.description
        case .type: type
        case .verNo: verNo.map(String.init)
        }
    }

    /// Sets a property from its text form, checking it.
    ///
    /// This sets read-only properties too (a device model records them); check
    /// ``NodePropertyName/isReplaceable`` before honouring a server's Replace.
    /// - Parameters:
    ///   - property: the property.
    ///   - text: the value.
    /// - Throws: ``NodeValueError`` when the text does not fit the property.
    public mutating func set(_ property: NodePropertyName, to text: String) throws(NodeValueError) {
        switch property {
        case .acl:
            do {
                acl = try AccessControlList(parsing: text)
            } catch {
                throw NodeValueError(format: nil, error.message, value: text)
            }
        case .format:
            guard let format = NodeFormat(name: text) else {
                throw NodeValueError(format: nil, "unknown format", value: text)
            }
            self.format = format
        case .name:
            guard !text.isEmpty else { throw NodeValueError(format: nil, "a node name cannot be empty", value: text) }
            name = text
        case .size: size = Int(try NodeValues.parseInt(text, in: 0...Int64(Int32.max)))
        case .title: title = text
        case .tstamp: tstamp = try DMTimestamp(parsing: text)
        case .type: type = text
        case .verNo: verNo = Int(try NodeValues.parseInt(text, in: 0...65_535))
        }
    }
}
