import XMLStream

/// Reads the elements and attributes of a small PAP document with the secure libxml2 reader.
///
/// PPGs put a `<?wap-pap-ver supported-versions="2.0"?>` processing instruction inside the DOCTYPE's internal
/// subset, which the reader refuses on principle (entities are declared there). So an internal subset that
/// holds only processing instructions, comments and spaces is cut out first; one with any declaration is
/// refused as `forbiddenConstruct`.
enum PAPMarkupScanner {
    /// The attributes PAP 2.0 responses carry; the reader is asked for these by name.
    static let attributeNames = [
        "push-id", "sender-address", "sender-name", "reply-time", "received-time", "event-time", "message-state",
        "code", "desc", "address-value", "bad-message-fragment",
    ]

    /// One element.
    struct Element {
        /// The local name (no prefix).
        var localName: String
        /// The PAP attributes present on the element, values decoded.
        var attributes: [String: String]
        /// Nesting depth: 0 for the root element.
        var depth: Int
        /// Index of this element in ``Document/elements``.
        var index: Int
        /// Index of the parent element in ``Document/elements``, nil for the root.
        var parent: Int?

        /// The element name, for messages.
        var name: String { localName }

        /// The value of the attribute, or nil.
        subscript(_ attribute: String) -> String? { attributes[attribute] }

        /// The value of a required attribute.
        func required(_ attribute: String) throws(NotificationError) -> String {
            guard let value = self[attribute] else {
                throw NotificationError(.malformed, "<\(name)> has no \(attribute) attribute")
            }
            return value
        }
    }

    /// The elements of a document, in document order.
    struct Document {
        var elements: [Element]

        /// The direct children of `element`.
        func children(of element: Element) -> [Element] {
            elements.filter { $0.parent == element.index }
        }
    }

    /// Lists the elements of `bytes`.
    static func scan(_ bytes: [UInt8]) throws(NotificationError) -> Document {
        let input = try withoutHarmlessInternalSubset(bytes)
        var elements: [Element] = []
        var open: [Int] = []
        do {
            let reader = try XMLPullReader(bytes: input, limits: XMLLimits(maxBytes: input.count, maxDepth: 16, maxElements: 1000))
            while true {
                switch try reader.next() {
                case .start(let isEmpty):
                    var attributes: [String: String] = [:]
                    for name in attributeNames { attributes[name] = reader.attribute(name) }
                    let element = Element(
                        localName: reader.localName, attributes: attributes, depth: open.count, index: elements.count,
                        parent: open.last)
                    elements.append(element)
                    if !isEmpty { open.append(element.index) }
                case .end:
                    open.removeLast()
                case .text:
                    continue
                case .endOfDocument:
                    return Document(elements: elements)
                }
            }
        } catch {
            let kind: NotificationError.Kind = error.kind == .forbiddenConstruct ? .forbiddenConstruct : .malformed
            throw NotificationError(kind, "PAP document: \(error)")
        }
    }

    /// `bytes` with a DOCTYPE internal subset removed when it holds nothing but processing instructions,
    /// comments and spaces; unchanged when there is none.
    static func withoutHarmlessInternalSubset(_ bytes: [UInt8]) throws(NotificationError) -> [UInt8] {
        guard let doctype = find(Array("<!DOCTYPE".utf8), in: bytes, from: 0) else { return bytes }
        var position = doctype + 9
        var quote: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return bytes
            } else if byte == UInt8(ascii: "[") {
                let subsetStart = position
                position += 1
                while position < bytes.count {
                    switch bytes[position] {
                    case 0x20, 0x09, 0x0A, 0x0D:
                        position += 1
                    case UInt8(ascii: "]"):
                        var result = Array(bytes[..<subsetStart])
                        result.append(contentsOf: bytes[(position + 1)...])
                        return result
                    default:
                        let terminator: [UInt8]
                        if starts(Array("<?".utf8), in: bytes, at: position) {
                            terminator = Array("?>".utf8)
                        } else if starts(Array("<!--".utf8), in: bytes, at: position) {
                            terminator = Array("-->".utf8)
                        } else {
                            throw NotificationError(
                                .forbiddenConstruct, "a DOCTYPE internal subset with declarations is not accepted",
                                offset: position)
                        }
                        guard let end = find(terminator, in: bytes, from: position + 2) else { break }
                        position = end + terminator.count
                    }
                }
                break
            }
            position += 1
        }
        throw NotificationError(.malformed, "unterminated DOCTYPE", offset: doctype)
    }

    private static func starts(_ needle: [UInt8], in bytes: [UInt8], at position: Int) -> Bool {
        position + needle.count <= bytes.count && Array(bytes[position..<(position + needle.count)]) == needle
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var position = start
        while position + needle.count <= bytes.count {
            if starts(needle, in: bytes, at: position) { return position }
            position += 1
        }
        return nil
    }
}
