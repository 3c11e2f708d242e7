internal import CLibXML2

/// One step through an XML document, as ``XMLPullReader`` reports it.
public enum XMLNodeEvent: Sendable, Equatable {
    /// An element starts. `isEmpty` is true for `<a/>`, which gets no matching ``end``.
    case start(isEmpty: Bool)
    /// The current element ends.
    case end
    /// Character data (text, CDATA and character references, already resolved). Whitespace-only runs
    /// between elements are reported too; callers that do not care skip them.
    case text
    /// The document is complete.
    case endOfDocument
}

/// A streaming, secure XML reader over libxml2's `xmlTextReader`: the document is never built as a tree.
///
/// Safety: network access is off, no DTD is loaded, a DOCTYPE with an internal subset is refused (so entity
/// declarations, and with them "billion laughs" expansion, never get a chance), and entity references are
/// refused. Size, depth and element count are checked against ``XMLLimits``.
///
/// The reader is a class because it owns a C object; it is not `Sendable` and belongs to one task.
///
/// ```swift
/// let reader = try XMLPullReader(bytes: Array("<a><b>hi</b></a>".utf8))
/// while case let event = try reader.next(), event != .endOfDocument { ... }
/// ```
public final class XMLPullReader {
    private let reader: xmlTextReaderPtr
    private let buffer: UnsafeMutableRawBufferPointer
    private let errorBox: ErrorBox
    private let limits: XMLLimits
    private var elementCount = 0
    private var finished = false

    /// Starts reading `bytes`.
    /// - Parameters:
    ///   - bytes: the whole document.
    ///   - limits: the bounds to enforce.
    /// - Throws: ``XMLDecodeError`` when the document is too large or libxml2 cannot start.
    public init(bytes: [UInt8], limits: XMLLimits = .default) throws(XMLDecodeError) {
        guard bytes.count <= limits.maxBytes else {
            throw XMLDecodeError(.limitExceeded, "document of \(bytes.count) bytes exceeds the limit of \(limits.maxBytes)")
        }
        if XMLPullReader.hasInternalSubset(bytes) {
            throw XMLDecodeError(.forbiddenConstruct, "a DOCTYPE internal subset is not accepted")
        }
        XMLPullReader.initialiseLibrary
        self.limits = limits
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: source.count) }
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        guard
            let reader = xmlReaderForMemory(
                buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, options)
        else {
            buffer.deallocate()
            throw XMLDecodeError(.malformed, "libxml2 could not start a reader")
        }
        self.reader = reader
        self.buffer = buffer
        self.errorBox = ErrorBox()
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
                // Warnings (e.g. a relative namespace URI) are not failures.
                guard box.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
                box.first = XMLDecodeError(
                    .malformed, message.trimmingTrailingNewlines(), line: Int(error.pointee.line),
                    column: Int(error.pointee.int2))
            }, Unmanaged.passUnretained(errorBox).toOpaque())
    }

    deinit {
        xmlFreeTextReader(reader)
        buffer.deallocate()
    }

    /// True when the prolog has `<!DOCTYPE ... [`: an internal subset, where entities would be declared.
    /// Checked before libxml2 sees the document, so no declaration is ever parsed.
    static func hasInternalSubset(_ bytes: [UInt8]) -> Bool {
        let doctype: [UInt8] = Array("<!DOCTYPE".utf8)
        var iterator = bytes.makeIterator()
        var matched = 0
        // Find "<!DOCTYPE" before the root element starts ("<" followed by a name character).
        var previousWasOpen = false
        while let byte = iterator.next() {
            if matched < doctype.count {
                if byte == doctype[matched] {
                    matched += 1
                    previousWasOpen = byte == UInt8(ascii: "<")
                    continue
                }
                if previousWasOpen, byte != UInt8(ascii: "?"), byte != UInt8(ascii: "!") { return false }
                matched = byte == UInt8(ascii: "<") ? 1 : 0
                previousWasOpen = byte == UInt8(ascii: "<")
                continue
            }
            // Inside the DOCTYPE declaration: skip quoted literals, stop at '[' or '>'.
            var quote: UInt8?
            var current: UInt8? = byte
            while let value = current {
                if let open = quote {
                    if value == open { quote = nil }
                } else if value == UInt8(ascii: "\"") || value == UInt8(ascii: "'") {
                    quote = value
                } else if value == UInt8(ascii: "[") {
                    return true
                } else if value == UInt8(ascii: ">") {
                    return false
                }
                current = iterator.next()
            }
            return false
        }
        return false
    }

    private static let initialiseLibrary: Void = { xmlInitParser() }()

    /// Moves to the next event, skipping comments and processing instructions.
    public func next() throws(XMLDecodeError) -> XMLNodeEvent {
        if finished { return .endOfDocument }
        while true {
            let rc = xmlTextReaderRead(reader)
            if rc == 0 {
                finished = true
                if let error = errorBox.first { throw error }
                return .endOfDocument
            }
            if rc < 0 { throw errorBox.first ?? XMLDecodeError(.malformed, "malformed XML") }
            switch xmlTextReaderNodeType(reader) {
            case 1:  // element
                elementCount += 1
                if elementCount > limits.maxElements {
                    throw XMLDecodeError(.limitExceeded, "more than \(limits.maxElements) elements", line: line)
                }
                let depth = Int(xmlTextReaderDepth(reader)) + 1
                if depth > limits.maxDepth {
                    throw XMLDecodeError(.limitExceeded, "nesting deeper than \(limits.maxDepth)", line: line)
                }
                return .start(isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
            case 15:  // end element
                return .end
            case 3, 4, 13, 14:  // text, CDATA, whitespace, significant whitespace
                return .text
            case 5, 6:  // entity reference, entity
                throw XMLDecodeError(.forbiddenConstruct, "entity references are not accepted", line: line)
            case 10:  // DOCTYPE
                if let doc = xmlTextReaderCurrentDoc(reader), let subset = doc.pointee.intSubset,
                    subset.pointee.children != nil
                {
                    throw XMLDecodeError(
                        .forbiddenConstruct, "a DOCTYPE internal subset is not accepted", line: line)
                }
            default:
                continue
            }
        }
    }

    /// The local name of the current element (without prefix).
    public var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The interned local name of the current element. The same name gives the same pointer for the life of
    /// this reader, so a caller can cache what a name means by its address. Valid until the reader is freed.
    public var internedLocalName: UnsafeRawPointer? {
        xmlTextReaderConstLocalName(reader).map { UnsafeRawPointer($0) }
    }

    /// The namespace URI of the current element, or nil when it has none.
    public var namespaceURI: String? {
        xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
    }

    /// The value of the attribute `name` (a qualified name, e.g. `DDVersion`) on the current element, or nil when
    /// the element has no such attribute. Valid right after a ``XMLNodeEvent/start(isEmpty:)`` event.
    public func attribute(_ name: String) -> String? {
        let found = name.withCString { cName in
            cName.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
                xmlTextReaderGetAttribute(reader, $0)
            }
        }
        guard let value = found else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    /// The character data of the current text event.
    public var text: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// Calls `body` with the UTF-8 bytes of the current text event, without copying them.
    public func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let value = xmlTextReaderConstValue(reader) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
    }

    /// The markup inside the current element, serialised by libxml2 (namespace declarations in scope are
    /// carried onto the nested elements). Used for Data elements that hold nested XML such as DevInf or TNDS.
    /// Leaves the reader on the current element; the caller then skips its content with ``skipElement()``.
    public func innerXML() -> String {
        guard let raw = xmlTextReaderReadInnerXml(reader) else { return "" }
        defer { cxml_free(raw) }
        return String(cString: raw)
    }

    /// The current element with its content, serialised by libxml2. Leaves the reader on the element; the
    /// caller then skips its content with ``skipElement()``.
    public func outerXML() -> String {
        guard let raw = xmlTextReaderReadOuterXml(reader) else { return "" }
        defer { cxml_free(raw) }
        return String(cString: raw)
    }

    /// True when the current element was written as an empty element (`<a/>`).
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// Skips the rest of the current element (its content and end tag). For an empty element it does nothing.
    public func skipElement() throws(XMLDecodeError) {
        guard xmlTextReaderIsEmptyElement(reader) != 1 else { return }
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .start(let isEmpty): if !isEmpty { depth += 1 }
            case .end: depth -= 1
            case .text: continue
            case .endOfDocument: throw XMLDecodeError(.malformed, "document ended inside an element", line: line)
            }
        }
    }

    /// The line of the current node, for error messages.
    public var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// The column of the current node, for error messages.
    public var column: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    private final class ErrorBox {
        var first: XMLDecodeError?
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var result = self
        while result.last == "\n" || result.last == "\r" { result.removeLast() }
        return result
    }
}
