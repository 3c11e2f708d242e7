public import XMLStream

/// The XML implementation of ``SyncMLTokenWriter``: compact UTF-8, MetInf elements in the `syncml:metinf`
/// namespace declared on the outermost MetInf element of each Meta.
struct XMLTokenWriter: SyncMLTokenWriter {
    private var writer: XMLWriter
    /// How many MetInf elements are open (the namespace is declared only on the outermost).
    private var metInfDepth = 0

    private static let metInfNamespace = "syncml:metinf"

    init(reservingCapacity: Int = 2048) {
        writer = XMLWriter(reservingCapacity: reservingCapacity)
    }

    mutating func begin(version: SyncMLVersion) {
        writer.start(SyncMLTag.syncML.name, namespace: version.namespace)
    }

    mutating func start(_ tag: SyncMLTag) {
        writer.start(tag.name, namespace: namespace(for: tag))
        if tag.isMetInf { metInfDepth += 1 }
    }

    mutating func end(_ tag: SyncMLTag) {
        if tag.isMetInf { metInfDepth -= 1 }
        writer.end(tag.name)
    }

    mutating func empty(_ tag: SyncMLTag) {
        writer.empty(tag.name, namespace: namespace(for: tag))
    }

    mutating func leaf(_ tag: SyncMLTag, _ text: String) {
        writer.element(tag.name, namespace: namespace(for: tag), text: text)
    }

    mutating func data(_ tag: SyncMLTag, _ content: DataContent) {
        writer.start(tag.name, namespace: namespace(for: tag))
        switch content {
        case .text(let text):
            writer.text(text)
        case .markup(let markup):
            writer.raw(markup.utf8)
        case .opaque(let bytes):
            // XML cannot carry raw bytes: text that is valid UTF-8 goes as text, anything else as base64
            // (binary in XML is Format b64 in DM).
            if let text = String(validating: bytes, as: UTF8.self), text.unicodeScalars.allSatisfy(\.isXMLCharacter) {
                writer.text(text)
            } else {
                writer.text(Base64.encode(bytes))
            }
        }
        writer.end(tag.name)
    }

    mutating func finish() -> [UInt8] {
        writer.end(SyncMLTag.syncML.name)
        return writer.bytes
    }

    private func namespace(for tag: SyncMLTag) -> String? {
        tag.isMetInf && metInfDepth == 0 ? XMLTokenWriter.metInfNamespace : nil
    }
}

extension Unicode.Scalar {
    /// Characters XML 1.0 allows in content.
    fileprivate var isXMLCharacter: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
