/// Why a download descriptor was refused, naming the element at fault.
///
/// A value, never a crash. ``installNotifyStatus`` is the status a device reports for the problem: 951 (Invalid
/// DDVersion) for a version it does not support, 906 (Invalid descriptor) for everything else.
public struct DescriptorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of refusal a caller may want to tell apart.
    public enum Kind: String, Sendable, Hashable {
        /// The bytes are not well-formed XML.
        case malformedXML
        /// A DOCTYPE internal subset or an entity reference (refused for safety: no XXE, no entity expansion).
        case forbiddenConstruct
        /// The document is larger, deeper or has more elements than the limits allow.
        case limitExceeded
        /// The root element is not `media`.
        case notADescriptor
        /// The root is in a namespace other than the expected descriptor version's.
        case wrongNamespace
        /// A mandatory element is missing.
        case missingElement
        /// A single-valued element appears more than once.
        case duplicateElement
        /// An element holds child elements where text is expected.
        case unexpectedMarkup
        /// An element's value is not acceptable (size not a positive integer, bad boolean, bad MIME type…).
        case invalidValue
        /// A URI that must be absolute is relative and no base URL was given to resolve it.
        case relativeURI
        /// `DDVersion` names a major version this parser does not support.
        case invalidDDVersion
    }

    /// What went wrong.
    public var kind: Kind
    /// A one-line explanation.
    public var message: String
    /// The element at fault (`size`, `objectURI`, `mediaObject/type`…), when known.
    public var element: String?
    /// The 1-based line in the document, when known.
    public var line: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: the kind of refusal.
    ///   - message: a one-line explanation.
    ///   - element: the element at fault.
    ///   - line: the line in the document.
    public init(_ kind: Kind, _ message: String, element: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.element = element
        self.line = line
    }

    /// The install-notify status a device reports for this problem: 951 for ``Kind/invalidDDVersion``, 906
    /// otherwise.
    public var installNotifyStatus: InstallNotifyStatus {
        kind == .invalidDDVersion ? .invalidDDVersion : .invalidDescriptor
    }

    /// `<element>: message (line N)`.
    public var description: String {
        var text = element.map { "<\($0)>: \(message)" } ?? message
        if let line, line > 0 { text += " (line \(line))" }
        return text
    }
}
