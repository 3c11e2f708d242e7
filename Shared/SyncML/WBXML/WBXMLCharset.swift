/// The character sets a WBXML document may declare (IANA MIBenum numbers) that this decoder accepts.
///
/// Strings are delivered as UTF-8. US-ASCII is read as UTF-8 (its superset, so mislabelled UTF-8 still
/// decodes); ISO-8859-1 is converted byte by byte.
enum WBXMLCharset: Sendable, Hashable {
    case utf8
    case usASCII
    case latin1

    /// The charset with the given MIBenum, or nil when it is not supported.
    init?(mibEnum: UInt32) {
        switch mibEnum {
        case 106: self = .utf8
        case 3: self = .usASCII
        case 4: self = .latin1
        default: return nil
        }
    }

    /// Appends `source` converted to UTF-8 to `buffer`.
    func appendUTF8(of source: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        guard self == .latin1 else {
            buffer.append(contentsOf: source)
            return
        }
        for byte in source {
            if byte < 0x80 {
                buffer.append(byte)
            } else {
                buffer.append(0xC0 | byte >> 6)
                buffer.append(0x80 | byte & 0x3F)
            }
        }
    }

    /// Decodes `source` as a String, or nil when it is not valid in this charset.
    func string(from source: UnsafeBufferPointer<UInt8>) -> String? {
        if self == .latin1 && source.contains(where: { $0 >= 0x80 }) {
            var utf8: [UInt8] = []
            utf8.reserveCapacity(source.count * 2)
            appendUTF8(of: source, to: &utf8)
            return String(decoding: utf8, as: UTF8.self)
        }
        return String(validating: source, as: UTF8.self)
    }
}
