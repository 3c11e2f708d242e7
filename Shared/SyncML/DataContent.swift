/// What a `Data` element holds, kept exactly as it arrived.
///
/// - `text`: character data (XML text or CDATA, WBXML inline or string-table strings).
/// - `opaque`: WBXML OPAQUE bytes: raw binary (`Format bin`), text sent opaque, or a nested WBXML document
///   such as DevInf.
/// - `markup`: nested XML elements inside `Data` (DevInf, TNDS), serialised as XML text.
public enum DataContent: Sendable, Hashable {
    case text(String)
    case opaque([UInt8])
    case markup(String)

    /// The content as bytes: UTF-8 for text and markup, raw for opaque.
    public var bytes: [UInt8] {
        switch self {
        case .text(let text), .markup(let text): Array(text.utf8)
        case .opaque(let bytes): bytes
        }
    }

    /// The content as a string, when it is text, markup, or opaque bytes that are valid UTF-8.
    public var string: String? {
        switch self {
        case .text(let text), .markup(let text): text
        case .opaque(let bytes): String(validating: bytes, as: UTF8.self)
        }
    }

    /// Size of the content in bytes (UTF-8 for text).
    public var byteCount: Int {
        switch self {
        case .text(let text), .markup(let text): text.utf8.count
        case .opaque(let bytes): bytes.count
        }
    }
}
