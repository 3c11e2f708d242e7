import XMLStream

/// Reads the elements and attributes of a small PAP document.
///
/// XMLStream's pull reader checks well-formedness and safety but reports no attributes, and PAP responses
/// carry everything in attributes. So the document is read twice: this scanner lists every start tag with
/// its decoded attributes, and ``checkWellFormed(_:)`` runs the secure libxml2 reader over the same bytes and
/// requires the same element sequence. The scanner never reads past the input and throws on anything it does
/// not understand.
enum PAPMarkupScanner {
    /// One start tag.
    struct Element {
        /// The qualified name as written.
        var name: String
        /// The attributes in document order, values decoded.
        var attributes: [(name: String, value: String)]
        /// Nesting depth: 0 for the root element.
        var depth: Int
        /// Index of this element in ``Document/elements``.
        var index: Int
        /// Index of the parent element in ``Document/elements``, nil for the root.
        var parent: Int?

        /// The name without a namespace prefix.
        var localName: Substring { name.split(separator: ":").last ?? Substring(name) }

        /// The value of the attribute with this (qualified) name, or nil.
        subscript(_ attribute: String) -> String? {
            attributes.first { $0.name == attribute }?.value
        }

        /// The value of a required attribute.
        func required(_ attribute: String) throws(NotificationError) -> String {
            guard let value = self[attribute] else {
                throw NotificationError(.malformed, "<\(name)> has no \(attribute) attribute")
            }
            return value
        }
    }

    /// The scanned document.
    struct Document {
        /// Every element in document order.
        var elements: [Element]
        /// The input with a harmless DOCTYPE internal subset removed; what libxml2 reads.
        var sanitized: [UInt8]

        /// The direct children of `element`.
        func children(of element: Element) -> [Element] {
            elements.filter { $0.parent == element.index }
        }
    }

    /// Lists the elements of `bytes`.
    static func scan(_ bytes: [UInt8]) throws(NotificationError) -> Document {
        var cursor = Cursor(bytes: bytes)
        var elements: [Element] = []
        var open: [Int] = []
        var subset: Range<Int>?
        var sawRoot = false
        while let start = cursor.bytes[cursor.position...].firstIndex(of: UInt8(ascii: "<")) {
            cursor.position = start
            if cursor.has("<?") {
                try cursor.skip(past: "?>", what: "processing instruction")
            } else if cursor.has("<!--") {
                try cursor.skip(past: "-->", what: "comment")
            } else if cursor.has("<![CDATA[") {
                try cursor.skip(past: "]]>", what: "CDATA section")
            } else if cursor.has("<!DOCTYPE") {
                guard !sawRoot, subset == nil else {
                    throw NotificationError(.malformed, "misplaced DOCTYPE", offset: start)
                }
                subset = try cursor.doctype()
            } else if cursor.has("<!") {
                throw NotificationError(.malformed, "unexpected markup declaration", offset: start)
            } else if cursor.has("</") {
                guard open.popLast() != nil else {
                    throw NotificationError(.malformed, "end tag without a start tag", offset: start)
                }
                try cursor.skip(past: ">", what: "end tag")
            } else {
                guard open.isEmpty == false || !sawRoot else {
                    throw NotificationError(.malformed, "content after the root element", offset: start)
                }
                let (name, attributes, isEmpty) = try cursor.startTag()
                elements.append(
                    Element(
                        name: name, attributes: attributes, depth: open.count, index: elements.count, parent: open.last)
                )
                sawRoot = true
                if !isEmpty { open.append(elements.count - 1) }
            }
        }
        guard open.isEmpty else {
            throw NotificationError(.malformed, "the document ends inside <\(elements[open[open.count - 1]].name)>")
        }
        var sanitized = bytes
        if let subset { sanitized.removeSubrange(subset) }
        return Document(elements: elements, sanitized: sanitized)
    }

    /// Runs XMLStream's secure reader over the document and requires the element sequence the scanner found.
    static func checkWellFormed(_ document: Document) throws(NotificationError) {
        var names: [String] = []
        do throws(XMLDecodeError) {
            let reader = try XMLPullReader(
                bytes: document.sanitized,
                limits: XMLLimits(maxBytes: PAPResponse.maxDocumentLength, maxDepth: 16, maxElements: 10_000))
            while true {
                let event = try reader.next()
                if event == .endOfDocument { break }
                if case .start = event { names.append(reader.localName) }
            }
        } catch {
            let kind: NotificationError.Kind = error.kind == .forbiddenConstruct ? .forbiddenConstruct : .malformed
            throw NotificationError(kind, "PAP document: \(error.description)")
        }
        guard names.elementsEqual(document.elements.map { String($0.localName) }) else {
            throw NotificationError(.malformed, "PAP document: the element structure could not be read consistently")
        }
    }

    /// A position in the input with bounds-checked helpers.
    private struct Cursor {
        let bytes: [UInt8]
        var position = 0

        func has(_ text: String) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= bytes.count else { return false }
            return bytes[position..<(position + pattern.count)].elementsEqual(pattern)
        }

        func find(_ text: String, from start: Int) -> Int? {
            let pattern = Array(text.utf8)
            var index = start
            while index + pattern.count <= bytes.count {
                if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
                index += 1
            }
            return nil
        }

        mutating func skip(past terminator: String, what: String) throws(NotificationError) {
            guard let end = find(terminator, from: position + 1) else {
                throw NotificationError(.malformed, "unterminated \(what)", offset: position)
            }
            position = end + terminator.utf8.count
        }

        mutating func skipSpace() {
            while position < bytes.count, Cursor.isSpace(bytes[position]) { position += 1 }
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        /// Reads a DOCTYPE; returns the range of an internal subset to remove (brackets included), or nil.
        mutating func doctype() throws(NotificationError) -> Range<Int>? {
            let start = position
            position += 9
            var quote: UInt8?
            while position < bytes.count {
                let byte = bytes[position]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    position += 1
                    return nil
                } else if byte == UInt8(ascii: "[") {
                    let subsetStart = position
                    position += 1
                    while true {
                        skipSpace()
                        guard position < bytes.count else { break }
                        if bytes[position] == UInt8(ascii: "]") {
                            let subsetEnd = position + 1
                            position += 1
                            skipSpace()
                            guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                                throw NotificationError(.malformed, "unterminated DOCTYPE", offset: start)
                            }
                            position += 1
                            return subsetStart..<subsetEnd
                        } else if has("<?") {
                            try skip(past: "?>", what: "processing instruction")
                        } else if has("<!--") {
                            try skip(past: "-->", what: "comment")
                        } else {
                            throw NotificationError(
                                .forbiddenConstruct, "a DOCTYPE internal subset with declarations is not accepted",
                                offset: position)
                        }
                    }
                    break
                }
                position += 1
            }
            throw NotificationError(.malformed, "unterminated DOCTYPE", offset: start)
        }

        /// Reads a start tag at `<`.
        mutating func startTag() throws(NotificationError) -> (String, [(name: String, value: String)], Bool) {
            let start = position
            position += 1
            let name = readName()
            guard !name.isEmpty else { throw NotificationError(.malformed, "a tag has no name", offset: start) }
            var attributes: [(name: String, value: String)] = []
            while true {
                skipSpace()
                guard position < bytes.count else { break }
                if has("/>") {
                    position += 2
                    return (name, attributes, true)
                }
                if bytes[position] == UInt8(ascii: ">") {
                    position += 1
                    return (name, attributes, false)
                }
                let attributeOffset = position
                let attribute = readName()
                guard !attribute.isEmpty else {
                    throw NotificationError(.malformed, "unexpected character in <\(name)>", offset: attributeOffset)
                }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                    throw NotificationError(.malformed, "attribute \(attribute) has no value", offset: attributeOffset)
                }
                position += 1
                skipSpace()
                guard position < bytes.count,
                    bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
                else {
                    throw NotificationError(
                        .malformed, "attribute \(attribute) value is not quoted", offset: attributeOffset)
                }
                let quote = bytes[position]
                guard let end = bytes[(position + 1)...].firstIndex(of: quote) else {
                    throw NotificationError(
                        .malformed, "attribute \(attribute) value is not terminated", offset: attributeOffset)
                }
                let value = try Cursor.decodeAttribute(bytes[(position + 1)..<end], offset: position + 1)
                attributes.append((attribute, value))
                position = end + 1
            }
            throw NotificationError(.malformed, "unterminated <\(name)> tag", offset: start)
        }

        private mutating func readName() -> String {
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                if Cursor.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
                {
                    break
                }
                position += 1
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        /// Decodes an attribute value: the five predefined entities, character references, and whitespace
        /// normalised to spaces as XML requires.
        static func decodeAttribute(_ raw: ArraySlice<UInt8>, offset: Int) throws(NotificationError) -> String {
            var output: [UInt8] = []
            var index = raw.startIndex
            while index < raw.endIndex {
                let byte = raw[index]
                switch byte {
                case UInt8(ascii: "<"):
                    throw NotificationError(.malformed, "'<' inside an attribute value", offset: index)
                case 0x0D:
                    output.append(0x20)
                    if index + 1 < raw.endIndex, raw[index + 1] == 0x0A { index += 1 }
                case 0x09, 0x0A:
                    output.append(0x20)
                case UInt8(ascii: "&"):
                    guard let semicolon = raw[index...].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 12
                    else {
                        throw NotificationError(
                            .malformed, "unterminated reference in an attribute value", offset: index)
                    }
                    let name = String(decoding: raw[(index + 1)..<semicolon], as: UTF8.self)
                    output.append(contentsOf: try reference(name, offset: index))
                    index = semicolon
                default:
                    output.append(byte)
                }
                index += 1
            }
            guard let text = String(validating: output, as: UTF8.self) else {
                throw NotificationError(.malformed, "attribute value is not valid UTF-8", offset: offset)
            }
            return text
        }

        private static func reference(_ name: String, offset: Int) throws(NotificationError) -> [UInt8] {
            switch name {
            case "lt": return [UInt8(ascii: "<")]
            case "gt": return [UInt8(ascii: ">")]
            case "amp": return [UInt8(ascii: "&")]
            case "quot": return [UInt8(ascii: "\"")]
            case "apos": return [UInt8(ascii: "'")]
            default: break
            }
            var number: UInt32?
            if name.hasPrefix("#x") {
                number = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                number = UInt32(name.dropFirst(), radix: 10)
            } else {
                throw NotificationError(
                    .forbiddenConstruct, "entity reference &\(name); is not accepted", offset: offset)
            }
            guard let number, number != 0, let scalar = Unicode.Scalar(number) else {
                throw NotificationError(.malformed, "invalid character reference &\(name);", offset: offset)
            }
            return Array(String(Character(scalar)).utf8)
        }
    }
}
