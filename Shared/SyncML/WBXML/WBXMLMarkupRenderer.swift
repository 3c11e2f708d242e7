internal import XMLStream

/// Renders WBXML elements as compact XML text: used for elements nested directly inside `Data` and for
/// nested DevInf documents.
///
/// A namespace declaration (`xmlns="…"`) is written on each element whose namespace differs from its
/// parent's, so the outermost rendered elements always carry one. Unknown tags and LITERAL tags are
/// skipped whole; a known tag with attributes is `malformed`. Strings, ENTITY and OPAQUE become escaped
/// character data (OPAQUE must then be UTF-8). The renderer keeps an explicit stack, never recursing.
struct WBXMLMarkupRenderer: Sendable {
    private let vocabulary: WBXMLVocabulary
    /// The XML written so far.
    private(set) var writer = XMLWriter(reservingCapacity: 256)
    private var open: [(name: String, namespace: String)] = []

    init(vocabulary: WBXMLVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Writes character data that came before the first element.
    mutating func text(_ text: String) {
        writer.text(text)
    }

    /// Renders `first` and the events after it until the markup is complete: when an END arrives with no
    /// rendered element open (the END of the element holding the markup, consumed), or when the depth falls
    /// below `baseDepth` (the rendered root element has ended, or it had no content).
    mutating func render(startingWith first: WBXMLEvent, scanner: inout WBXMLScanner, baseDepth: Int)
        throws(SyncMLDecodeError)
    {
        var event = first
        while true {
            switch event {
            case .end:
                // With nothing rendered open, this END closes the element that holds the markup.
                guard let element = open.popLast() else { return }
                writer.end(element.name)
            case .start(let tag):
                if let element = vocabulary.element(tag) {
                    guard !tag.hasAttributes else {
                        throw scanner.error(
                            .malformed, "attributes are not allowed on \(element.name)", offset: tag.offset,
                            element: element.name)
                    }
                    let namespace = open.last?.namespace == element.namespace ? nil : element.namespace
                    if tag.hasContent {
                        writer.start(element.name, namespace: namespace)
                        open.append(element)
                    } else {
                        writer.empty(element.name, namespace: namespace)
                    }
                } else {
                    try scanner.skip(tag)
                }
            case .string(let range):
                writer.text(try scanner.string(range))
            case .entity(let scalar):
                writer.text(String(Character(scalar)))
            case .opaque(let range):
                let text = scanner.bytes.withUnsafeBufferPointer {
                    String(validating: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
                }
                guard let text else {
                    throw scanner.error(.malformed, "OPAQUE inside markup is not UTF-8 text", offset: range.lowerBound)
                }
                writer.text(text)
            }
            if scanner.depth < baseDepth { return }
            event = try scanner.next()
        }
    }

    /// The XML written, as a string.
    var xml: String { String(decoding: writer.bytes, as: UTF8.self) }
}
