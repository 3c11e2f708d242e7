/// The address of a node in a device's management tree, such as `./DevDetail/FwV`.
///
/// A `NodeURI` is always valid and normalised:
/// - It is either the root `.` or `./` followed by one or more segments separated by `/`. A relative form
///   without the `./` prefix (`DevInfo/Mod`) is accepted on input and normalised to `./DevInfo/Mod`.
/// - No segment is empty, `.` or `..`, and no segment contains `?` (that starts a query: see ``NodeAddress``).
/// - A leading `/` is refused: DM URIs are relative to the device root, and Windows rejects them.
/// - Unescaped control characters are refused; every `%` must start a `%HH` escape.
///
/// Percent-escaping: segments are kept in their wire form, because DM devices compare node names literally
/// and most never escape anything. Parsing normalises escapes the RFC 3986 way (hex digits upper-cased,
/// escapes of unreserved characters `A–Z a–z 0–9 - . _ ~` decoded), so `%7e` and `~` address the same node.
/// Other characters (spaces, non-ASCII letters) are accepted as they are. ``unescapedSegments`` gives the node
/// names with every escape decoded; ``NodeURI/escape(name:)`` builds a segment from an arbitrary name.
///
/// ```swift
/// let uri = try NodeURI("DevDetail/URI/MaxDepth")
/// uri.description            // "./DevDetail/URI/MaxDepth"
/// uri.parent?.description    // "./DevDetail/URI"
/// uri.hasPrefix(try NodeURI("./DevDetail"))   // true
/// ```
public struct NodeURI: Sendable, Hashable, CustomStringConvertible {
    /// The segments below the root, in their normalised wire form. Empty for the root.
    public let segments: [String]

    /// The root of the tree, `.`.
    public static let root = NodeURI(trustedSegments: [])

    /// Parses and normalises `text`, then checks it against `limits`.
    /// - Parameters:
    ///   - text: a URI such as `./DevInfo/Mod`, `DevInfo/Mod` or `.`. It must not carry a query.
    ///   - limits: the device's URI limits (default: unlimited).
    /// - Throws: ``NodeURIError`` naming the offending segment.
    public init(_ text: String, limits: Limits = .unlimited) throws(NodeURIError) {
        guard !text.isEmpty else { throw NodeURIError(.empty, "the URI is empty", input: text) }
        if text.utf8.first == UInt8(ascii: "/") {
            throw NodeURIError(
                .leadingSlash, "a node URI must not start with '/' (Windows rejects it); write './…' instead",
                input: text)
        }
        if text.utf8.contains(UInt8(ascii: "?")) {
            throw NodeURIError(
                .unexpectedQuery, "'?' starts a query, which a plain node URI cannot carry", input: text)
        }
        if text == "." {
            self = .root
            return
        }
        let path: Substring = text.hasPrefix("./") ? text.dropFirst(2) : Substring(text)
        if path.isEmpty { throw NodeURIError(.trailingSlash, "the URI ends with '/'", input: text) }
        // One pass over the bytes (a generic `split` showed up in dm-devsim's profile: trees are built and read by
        // path text).
        var segments: [String] = []
        var start = path.startIndex
        var index = 1
        let utf8 = path.utf8
        var position = utf8.startIndex
        while true {
            let atEnd = position == utf8.endIndex
            if atEnd || utf8[position] == UInt8(ascii: "/") {
                if start == position {
                    if atEnd { throw NodeURIError(.trailingSlash, "the URI ends with '/'", input: text) }
                    throw NodeURIError(.emptySegment, "segment \(index) is empty ('//')", input: text)
                }
                segments.append(try NodeURI.normalise(segment: path[start..<position], index: index, input: text))
                if atEnd { break }
                index += 1
                position = utf8.index(after: position)
                start = position
            } else {
                position = utf8.index(after: position)
            }
        }
        self.segments = segments
        try limits.check(self, input: text)
    }

    /// Builds a URI from segments already known to be valid and normalised (the constants of this module).
    init(trustedSegments: [String]) {
        self.segments = trustedSegments
    }

    /// Builds a URI from segments in wire form, checking and normalising each.
    /// - Parameter segments: the segments below the root; an empty array is the root.
    /// - Throws: ``NodeURIError`` when a segment is empty, `.`/`..`, or holds `/`, `?` or a bad escape.
    public init(segments: [String]) throws(NodeURIError) {
        var checked: [String] = []
        checked.reserveCapacity(segments.count)
        for (index, segment) in segments.enumerated() {
            checked.append(try NodeURI.checkedSegment(segment, index: index + 1))
        }
        self.segments = checked
    }

    /// `.` for the root, otherwise `./` and the segments joined by `/`.
    public var description: String {
        segments.isEmpty ? "." : "./" + segments.joined(separator: "/")
    }

    /// True for the root `.`.
    public var isRoot: Bool { segments.isEmpty }

    /// The number of segments below the root (the root has depth 0, `./DevInfo/Mod` has depth 2).
    public var depth: Int { segments.count }

    /// The parent node, or nil for the root.
    public var parent: NodeURI? {
        segments.isEmpty ? nil : NodeURI(trustedSegments: Array(segments.dropLast()))
    }

    /// The last segment in wire form, or nil for the root.
    public var lastSegment: String? { segments.last }

    /// The node names: every segment with its percent-escapes decoded.
    public var unescapedSegments: [String] { segments.map(NodeURI.unescape) }

    /// Appends one segment in wire form (`%2F` for a `/` inside a name).
    /// - Parameter segment: the segment to append.
    /// - Returns: the child URI.
    /// - Throws: ``NodeURIError`` when the segment is not valid.
    public func appending(_ segment: String) throws(NodeURIError) -> NodeURI {
        let checked = try NodeURI.checkedSegment(segment, index: segments.count + 1)
        return NodeURI(trustedSegments: segments + [checked])
    }

    /// Appends a node name, escaping whatever a segment cannot hold as it is (`/`, `?`, `%`, control characters).
    /// - Parameter name: the node name, e.g. a DMAcc account or a package identifier.
    /// - Returns: the child URI.
    /// - Throws: ``NodeURIError`` when the name is empty, `.` or `..`.
    public func appending(name: String) throws(NodeURIError) -> NodeURI {
        try appending(NodeURI.escape(name: name))
    }

    /// Appends a relative path of one or more segments, such as `Download/PkgURL`.
    /// - Parameter path: segments in wire form separated by `/`, with no leading `./`.
    /// - Returns: the descendant URI.
    /// - Throws: ``NodeURIError`` when the path is empty or a segment is not valid.
    public func appending(path: String) throws(NodeURIError) -> NodeURI {
        guard !path.isEmpty else { throw NodeURIError(.empty, "the relative path is empty", input: path) }
        var result = self
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            result = try result.appending(String(segment))
        }
        return result
    }

    /// Appends segments known to be valid (used for this module's constant paths).
    func appending(trustedPath path: String) -> NodeURI {
        NodeURI(trustedSegments: segments + path.split(separator: "/").map(String.init))
    }

    /// True when `prefix` is this URI or one of its ancestors, comparing whole segments
    /// (`./FwUpdate/x1` is a prefix of `./FwUpdate/x1/Download`, not of `./FwUpdate/x10`).
    /// - Parameter prefix: the candidate ancestor.
    public func hasPrefix(_ prefix: NodeURI) -> Bool {
        prefix.segments.count <= segments.count && zip(prefix.segments, segments).allSatisfy { $0 == $1 }
    }

    /// The segments below `prefix`, or nil when `prefix` is not a prefix of this URI.
    /// - Parameter prefix: the ancestor (or this URI itself, which gives an empty array).
    public func segments(below prefix: NodeURI) -> [String]? {
        hasPrefix(prefix) ? Array(segments.dropFirst(prefix.segments.count)) : nil
    }
}

extension NodeURI: Codable {
    /// Decodes a URI from a string, validating it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the URI as its normalised string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
