/// The query part of a DM URI: a property (`?prop=ACL`) or a structure listing (`?list=Struct`, `?list=StructData`,
/// `?list=TNDS+ACL+Value`).
///
/// ```swift
/// let query = try NodeQuery(parsing: "list=TNDS+ACL+Value")
/// query == .list(.tnds(TNDSSelection(including: [.property(.acl), .value])))   // true
/// ```
public enum NodeQuery: Sendable, Hashable, CustomStringConvertible {
    /// `?prop=<name>`: one property of the node.
    case property(NodePropertyName)
    /// `?list=…`: the structure below the node.
    case list(NodeListQuery)

    /// Parses the text after `?`.
    /// - Parameter text: e.g. `prop=ACL` or `list=StructData`.
    /// - Throws: ``NodeURIError`` of kind `invalidQuery`.
    public init(parsing text: String) throws(NodeURIError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw NodeURIError(.invalidQuery, "the query has no '=' (expected prop=… or list=…)", input: text)
        }
        let key = text[..<equals]
        let value = String(text[text.index(after: equals)...])
        if value.contains("&") {
            throw NodeURIError(.invalidQuery, "a DM URI carries a single query parameter", input: text)
        }
        switch key {
        case "prop":
            guard let name = NodePropertyName(name: value) else {
                throw NodeURIError(
                    .invalidQuery,
                    "unknown property '\(value)' (expected ACL, Format, Name, Size, Title, TStamp, Type or VerNo)",
                    input: text)
            }
            self = .property(name)
        case "list":
            self = .list(try NodeListQuery(parsing: value, input: text))
        default:
            throw NodeURIError(.invalidQuery, "unknown query parameter '\(key)' (expected prop or list)", input: text)
        }
    }

    /// The query text without the `?`, e.g. `prop=ACL`.
    public var description: String {
        switch self {
        case .property(let name): "prop=\(name.rawValue)"
        case .list(let list): "list=\(list)"
        }
    }
}

/// What a `?list=` query asks for.
public enum NodeListQuery: Sendable, Hashable, CustomStringConvertible {
    /// `Struct`: the URIs of the subtree, no values.
    case `struct`
    /// `StructData`: the URIs of the subtree with the leaf values.
    case structData
    /// `TNDS…`: the subtree as a TNDS document, with the selected properties and values.
    case tnds(TNDSSelection)

    init(parsing value: String, input: String) throws(NodeURIError) {
        if asciiCaseInsensitiveEquals(value, "Struct") {
            self = .struct
        } else if asciiCaseInsensitiveEquals(value, "StructData") {
            self = .structData
        } else if value.utf8.count >= 4, asciiCaseInsensitiveEquals(String(value.prefix(4)), "TNDS") {
            self = .tnds(try TNDSSelection(parsing: String(value.dropFirst(4)), input: input))
        } else {
            throw NodeURIError(
                .invalidQuery, "unknown list kind '\(value)' (expected Struct, StructData or TNDS)", input: input)
        }
    }

    /// `Struct`, `StructData` or `TNDS` followed by its selection.
    public var description: String {
        switch self {
        case .struct: "Struct"
        case .structData: "StructData"
        case .tnds(let selection): "TNDS" + selection.description
        }
    }
}

/// The properties and value a `?list=TNDS…` query includes (`+name`) or excludes (`-name`).
public struct TNDSSelection: Sendable, Hashable, CustomStringConvertible {
    /// A field that can be selected in a TNDS listing.
    public enum Field: Sendable, Hashable, CustomStringConvertible {
        /// A node property.
        case property(NodePropertyName)
        /// The node value.
        case value

        /// The name as written in the query (`ACL`, `Value`...).
        public var description: String {
            switch self {
            case .property(let name): name.rawValue
            case .value: "Value"
            }
        }

        init?(name: String) {
            if asciiCaseInsensitiveEquals(name, "Value") {
                self = .value
            } else if let property = NodePropertyName(name: name) {
                self = .property(property)
            } else {
                return nil
            }
        }
    }

    /// Fields asked for with `+`, in order.
    public var including: [Field]
    /// Fields excluded with `-`, in order.
    public var excluding: [Field]

    /// Creates a selection.
    /// - Parameters:
    ///   - including: fields asked for with `+`.
    ///   - excluding: fields excluded with `-`.
    public init(including: [Field] = [], excluding: [Field] = []) {
        self.including = including
        self.excluding = excluding
    }

    init(parsing text: String, input: String) throws(NodeURIError) {
        self.init()
        var rest = Substring(text)
        while let sign = rest.first {
            guard sign == "+" || sign == "-" else {
                throw NodeURIError(.invalidQuery, "expected '+' or '-' before a TNDS field", input: input)
            }
            rest = rest.dropFirst()
            let end = rest.firstIndex(where: { $0 == "+" || $0 == "-" }) ?? rest.endIndex
            let name = String(rest[..<end])
            guard let field = Field(name: name) else {
                throw NodeURIError(.invalidQuery, "unknown TNDS field '\(name)'", input: input)
            }
            if sign == "+" {
                if !including.contains(field) { including.append(field) }
            } else if !excluding.contains(field) {
                excluding.append(field)
            }
            rest = rest[end...]
        }
    }

    /// The selection as written after `TNDS`, e.g. `+ACL+Value`.
    public var description: String {
        including.map { "+\($0)" }.joined() + excluding.map { "-\($0)" }.joined()
    }
}
