public import XMLStream

/// The XML implementation of ``SyncMLTokenReader``: libxml2's streaming reader, securely configured, with
/// element names resolved to ``SyncMLTag`` through a cache keyed by libxml2's interned name pointers.
struct XMLCursor: SyncMLTokenReader {
    private let reader: XMLPullReader
    /// Tag meaning of each interned local name seen so far (nil: not a SyncML element).
    private var tagCache: [UnsafeRawPointer: SyncMLTag?] = [:]
    /// The element just entered has no content (`<a/>`): its "children" end at once.
    private var enteredEmpty = false

    init(bytes: [UInt8], limits: DecodeLimits) throws(SyncMLDecodeError) {
        do {
            reader = try XMLPullReader(
                bytes: bytes,
                limits: XMLLimits(maxBytes: limits.maxMessageBytes, maxDepth: limits.maxDepth, maxElements: limits.maxElements))
        } catch {
            throw SyncMLDecodeError(error)
        }
    }

    mutating func openRoot() throws(SyncMLDecodeError) -> SyncMLVersion {
        switch try next() {
        case .start(let isEmpty):
            guard reader.localName == "SyncML" else {
                throw error(.unsupportedDocumentType, "root element is <\(reader.localName)>, not <SyncML>", element: nil)
            }
            let version: SyncMLVersion
            if let namespace = reader.namespaceURI {
                guard let named = SyncMLVersion(namespace: namespace) else {
                    throw error(.unsupportedDocumentType, "unsupported SyncML namespace \(namespace)", element: .syncML)
                }
                version = named
            } else {
                version = .v1_2  // some clients leave the namespace out
            }
            enteredEmpty = isEmpty
            return version
        case .endOfDocument:
            throw error(.truncated, "no root element", element: nil)
        case .end, .text:
            throw error(.malformed, "content before the root element", element: nil)
        }
    }

    mutating func nextChild() throws(SyncMLDecodeError) -> SyncMLTag? {
        if enteredEmpty {
            enteredEmpty = false
            return nil
        }
        while true {
            switch try next() {
            case .start(let isEmpty):
                if let tag = lookupTag() {
                    enteredEmpty = isEmpty
                    return tag
                }
                if !isEmpty { try skip() }
            case .end:
                return nil
            case .text:
                guard isWhitespaceText() else {
                    throw error(.invalidStructure, "text where elements are expected", element: nil)
                }
            case .endOfDocument:
                throw error(.truncated, "document ended inside an element", element: nil)
            }
        }
    }

    mutating func readText() throws(SyncMLDecodeError) -> String {
        if enteredEmpty {
            enteredEmpty = false
            return ""
        }
        var result: String?
        while true {
            switch try next() {
            case .text:
                if result == nil { result = reader.text } else { result! += reader.text }
            case .end:
                return result ?? ""
            case .start:
                throw error(.invalidStructure, "element <\(reader.localName)> inside a text element", element: nil)
            case .endOfDocument:
                throw error(.truncated, "document ended inside an element", element: nil)
            }
        }
    }

    mutating func readData() throws(SyncMLDecodeError) -> DataContent {
        if enteredEmpty {
            enteredEmpty = false
            return .text("")
        }
        var text: String?
        var markup: String?
        while true {
            switch try next() {
            case .text:
                if text == nil { text = reader.text } else { text! += reader.text }
            case .start:
                // Nested XML (DevInf, TNDS): keep it as markup, with the text around it escaped.
                if markup == nil { markup = "" }
                if let pending = text, !pending.allSatisfy(\.isXMLWhitespace) {
                    var escaper = XMLWriter(reservingCapacity: pending.utf8.count)
                    escaper.text(pending)
                    markup! += String(decoding: escaper.bytes, as: UTF8.self)
                }
                text = nil
                markup! += reader.outerXML()
                try skip()
            case .end:
                if var markup {
                    if let pending = text, !pending.allSatisfy(\.isXMLWhitespace) {
                        var escaper = XMLWriter()
                        escaper.text(pending)
                        markup += String(decoding: escaper.bytes, as: UTF8.self)
                    }
                    return .markup(markup)
                }
                return .text(text ?? "")
            case .endOfDocument:
                throw error(.truncated, "document ended inside <Data>", element: .data)
            }
        }
    }

    mutating func skipElement() throws(SyncMLDecodeError) {
        if enteredEmpty {
            enteredEmpty = false
            return
        }
        try skip()
    }

    mutating func close() throws(SyncMLDecodeError) {
        while true {
            switch try next() {
            case .endOfDocument: return
            case .text where isWhitespaceText(): continue
            default: throw error(.malformed, "content after the root element", element: nil)
            }
        }
    }

    func error(_ kind: SyncMLDecodeError.Kind, _ message: String, element: SyncMLTag?) -> SyncMLDecodeError {
        SyncMLDecodeError(kind, message, line: reader.line, column: reader.column, element: element?.name)
    }

    // MARK: Internals

    private func next() throws(SyncMLDecodeError) -> XMLNodeEvent {
        do {
            return try reader.next()
        } catch {
            throw SyncMLDecodeError(error)
        }
    }

    /// Skips the content of the current (non-empty) element through its end tag.
    private func skip() throws(SyncMLDecodeError) {
        do {
            try reader.skipElement()
        } catch {
            throw SyncMLDecodeError(error)
        }
    }

    private mutating func lookupTag() -> SyncMLTag? {
        guard let key = reader.internedLocalName else { return nil }
        if let cached = tagCache[key] { return cached }
        let tag = SyncMLTag(name: reader.localName)
        tagCache[key] = tag
        return tag
    }

    private func isWhitespaceText() -> Bool {
        reader.withTextBytes { bytes in
            bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
    }
}

extension Character {
    fileprivate var isXMLWhitespace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}
