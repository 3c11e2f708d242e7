/// The two encodings of a SyncML DM message and their HTTP content types.
public enum SyncMLEncoding: String, Sendable, Hashable, CaseIterable, Codable {
    case xml
    case wbxml

    /// The DM content type (`application/vnd.syncml.dm+xml` or `+wbxml`).
    public var contentType: String { "application/vnd.syncml.dm+\(rawValue)" }

    /// The encoding a content type names. Accepts the DM types and the plain SyncML types some clients send
    /// (`application/vnd.syncml+xml`), with parameters (`; charset=utf-8`) and any case.
    public init?(contentType: String) {
        guard let named = Self.named(byContentType: contentType) else { return nil }
        self = named.encoding
    }

    /// The encoding a content type names and its media type in lowercase without parameters (what an answer in
    /// the client's own type carries), or nil when it names neither encoding.
    public static func named(byContentType contentType: String) -> (encoding: SyncMLEncoding, mediaType: String)? {
        // Nearly every client sends one of the four types exactly as written here.
        for (mediaType, encoding) in knownMediaTypes where contentType == mediaType { return (encoding, mediaType) }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        let normalized = mediaType.trimmingASCIIWhitespace().lowercased()
        guard let encoding = knownMediaTypes.first(where: { $0.mediaType == normalized })?.encoding else { return nil }
        return (encoding, normalized)
    }

    private static let knownMediaTypes: [(mediaType: String, encoding: SyncMLEncoding)] = [
        ("application/vnd.syncml.dm+xml", .xml), ("application/vnd.syncml.dm+wbxml", .wbxml),
        ("application/vnd.syncml+xml", .xml), ("application/vnd.syncml+wbxml", .wbxml),
    ]

    /// Guesses the encoding from the first bytes: `<` (after an optional BOM and whitespace) is XML, a WBXML
    /// version byte (0x00-0x03) is WBXML. Nil for anything else.
    public init?(sniffing bytes: some Collection<UInt8>) {
        guard let first = bytes.first else { return nil }
        if first <= 0x03 {
            self = .wbxml
            return
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = bytes.starts(with: bom) ? bytes.dropFirst(3) : bytes.dropFirst(0)
        guard let start = text.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }),
            start == UInt8(ascii: "<")
        else { return nil }
        self = .xml
    }
}
