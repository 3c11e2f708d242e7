internal import XMLStream

/// Walks a descriptor document with ``XMLPullReader`` and turns reader errors into ``DescriptorError``s.
///
/// Child elements in another namespace than the root's are foreign and skipped, as are unknown elements.
final class DescriptorReader {
    private let reader: XMLPullReader
    /// The namespace of the root element (nil when it has none); children must share it to be understood.
    private(set) var namespace: String?
    /// The local name of the root element.
    private(set) var rootName = ""
    private var rootIsEmpty = false
    private var currentIsEmpty = false

    init(bytes: [UInt8], limits: XMLLimits) throws(DescriptorError) {
        do {
            reader = try XMLPullReader(bytes: bytes, limits: limits)
        } catch {
            throw DescriptorReader.map(error)
        }
    }

    /// Moves to the root element and records its name and namespace.
    func readRoot() throws(DescriptorError) {
        while true {
            switch try next() {
            case .start(let isEmpty):
                rootName = reader.localName
                namespace = reader.namespaceURI
                rootIsEmpty = isEmpty
                currentIsEmpty = isEmpty
                return
            case .text: continue
            case .end, .endOfDocument: throw DescriptorError(.malformedXML, "the document has no root element")
            }
        }
    }

    /// The value of an attribute of the element just started (the root right after ``readRoot()``).
    func attribute(_ name: String) -> String? { reader.attribute(name) }

    /// The current line, for error messages.
    var line: Int { reader.line }

    /// Calls `body` for each child element of the element just started, with the child's local name. `body`
    /// returns true when it consumed the child (with ``text(of:)`` or ``children(of:_:)``), false to have it
    /// skipped. Children in a foreign namespace are skipped without calling `body`.
    /// - Returns: the element's own non-whitespace text, trimmed (mixed content is otherwise ignored).
    @discardableResult
    func children(of element: String, _ body: (String) throws(DescriptorError) -> Bool) throws(DescriptorError)
        -> String
    {
        if currentIsEmpty { return "" }
        var ownText = ""
        while true {
            switch try next() {
            case .start(let isEmpty):
                currentIsEmpty = isEmpty
                let name = reader.localName
                var understood = false
                if reader.namespaceURI == namespace { understood = try body(name) }
                if !understood { try skip(isEmpty: isEmpty) }
            case .text: ownText += reader.text
            case .end: return trimmed(ownText)
            case .endOfDocument:
                throw DescriptorError(.malformedXML, "the document ended inside <\(element)>", element: element)
            }
        }
    }

    /// Reads the text content of the element just started, trimmed of surrounding whitespace.
    /// - Throws: ``DescriptorError`` of kind `unexpectedMarkup` when the element holds child elements.
    func text(of element: String) throws(DescriptorError) -> String {
        if currentIsEmpty { return "" }
        var text = ""
        while true {
            switch try next() {
            case .text: text += reader.text
            case .end: return trimmed(text)
            case .start:
                throw DescriptorError(
                    .unexpectedMarkup, "expected text, found the element <\(reader.localName)>", element: element,
                    line: reader.line)
            case .endOfDocument:
                throw DescriptorError(.malformedXML, "the document ended inside <\(element)>", element: element)
            }
        }
    }

    /// Reads what follows the root element, so trailing garbage is reported.
    func finish() throws(DescriptorError) {
        while try next() != .endOfDocument {}
    }

    private func skip(isEmpty: Bool) throws(DescriptorError) {
        guard !isEmpty else { return }
        do {
            try reader.skipElement()
        } catch {
            throw DescriptorReader.map(error)
        }
    }

    private func next() throws(DescriptorError) -> XMLNodeEvent {
        do {
            return try reader.next()
        } catch {
            throw DescriptorReader.map(error)
        }
    }

    static func map(_ error: XMLDecodeError) -> DescriptorError {
        let kind: DescriptorError.Kind =
            switch error.kind {
            case .forbiddenConstruct: .forbiddenConstruct
            case .limitExceeded: .limitExceeded
            case .malformed, .unexpectedContent: .malformedXML
            }
        return DescriptorError(kind, error.message, line: error.line > 0 ? error.line : nil)
    }
}

/// Tracks which single-valued elements were seen, to refuse duplicates.
struct SeenElements {
    private var names: Set<String> = []
    let scope: String?

    init(scope: String? = nil) {
        self.scope = scope
    }

    /// Records `name`; throws when it was already seen.
    mutating func once(_ name: String, line: Int) throws(DescriptorError) {
        guard names.insert(name).inserted else {
            throw DescriptorError(
                .duplicateElement, "appears more than once", element: scope.map { "\($0)/\(name)" } ?? name, line: line)
        }
    }
}
