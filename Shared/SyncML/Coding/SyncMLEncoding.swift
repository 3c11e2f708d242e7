/// The two encodings of a SyncML DM message and their HTTP content types.
public enum SyncMLEncoding: String, Sendable, Hashable, CaseIterable, Codable {
    case xml
    case wbxml

    /// The DM content type (`application/vnd.syncml.dm+xml` or `+wbxml`).
    public var contentType: String { "application/vnd.syncml.dm+\(rawValue)" }

    /// The encoding a content type names. Accepts the DM types and the plain SyncML types some clients send
    /// (`application/vnd.syncml+xml`), with parameters (`; charset=utf-8`) and any case.
    public init?(contentType: String) {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        switch mediaType.trimmingASCIIWhitespace().lowercased() {
        case "application/vnd.syncml.dm+xml", "application/vnd.syncml+xml": self = .xml
        case "application/vnd.syncml.dm+wbxml", "application/vnd.syncml+wbxml": self = .wbxml
        default: return nil
        }
    }

    /// Guesses the encoding from the first bytes: `<` (after an optional BOM and whitespace) is XML, a WBXML
    /// version byte (0x00-0x03) is WBXML. Nil for anything else.
    public init?(sniffing bytes: some Collection<UInt8>) {
        var index = bytes.startIndex
        var position = 0
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        while index != bytes.endIndex {
            let byte = bytes[index]
            if position < 3, byte == bom[position], position == bytes.distance(from: bytes.startIndex, to: index) {
                position += 1
                index = bytes.index(after: index)
                continue
            }
            switch byte {
            case 0x00...0x03 where index == bytes.startIndex: self = .wbxml; return
            case 0x20, 0x09, 0x0A, 0x0D: index = bytes.index(after: index)
            case UInt8(ascii: "<"): self = .xml; return
            default: return nil
            }
        }
        return nil
    }
}
