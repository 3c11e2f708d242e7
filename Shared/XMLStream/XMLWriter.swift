/// A compact XML writer: UTF-8, no indentation, correct escaping.
///
/// It writes into one growing byte array and never re-reads what it wrote, so encoding is a single pass.
///
/// ```swift
/// var writer = XMLWriter()
/// writer.start("SyncML", namespace: "SYNCML:SYNCML1.2")
/// writer.element("VerDTD", text: "1.2")
/// writer.end("SyncML")
/// let bytes = writer.bytes
/// ```
public struct XMLWriter: Sendable {
    /// The document written so far.
    public private(set) var bytes: [UInt8]

    /// - Parameter reservingCapacity: bytes to reserve up front.
    public init(reservingCapacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(reservingCapacity)
    }

    /// Writes `<?xml version="1.0" encoding="UTF-8"?>`.
    public mutating func declaration() {
        bytes.append(contentsOf: #"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
    }

    /// Writes a start tag, with a default namespace declaration when `namespace` is given.
    public mutating func start(_ name: String, namespace: String? = nil) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        if let namespace {
            bytes.append(contentsOf: #" xmlns=""#.utf8)
            appendEscaped(namespace, attribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes an end tag.
    public mutating func end(_ name: String) {
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes an empty element such as `<Final/>`.
    public mutating func empty(_ name: String, namespace: String? = nil) {
        start(name, namespace: namespace)
        bytes[bytes.count - 1] = UInt8(ascii: "/")
        bytes.append(UInt8(ascii: ">"))
    }

    /// Writes `<name>text</name>` with the text escaped.
    public mutating func element(_ name: String, namespace: String? = nil, text: String) {
        start(name, namespace: namespace)
        self.text(text)
        end(name)
    }

    /// Writes escaped character data.
    public mutating func text(_ text: String) {
        appendEscaped(text, attribute: false)
    }

    /// Writes bytes that are already markup (nested XML kept exact), unchanged.
    public mutating func raw(_ markup: some Sequence<UInt8>) {
        bytes.append(contentsOf: markup)
    }

    private mutating func appendEscaped(_ text: String, attribute: Bool) {
        var utf8 = text.utf8
        // Fast path: nothing to escape.
        if utf8.withContiguousStorageIfAvailable({ !$0.contains(where: XMLWriter.needsEscape) }) == true
            || !utf8.contains(where: XMLWriter.needsEscape)
        {
            bytes.append(contentsOf: utf8)
            return
        }
        utf8 = text.utf8
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\"") where attribute: bytes.append(contentsOf: "&quot;".utf8)
            case 0x0D: bytes.append(contentsOf: "&#13;".utf8)  // keep CR through XML's newline normalisation
            default: bytes.append(byte)
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == 0x0D
    }
}
