internal import SyncML
/// A WSP header other than the content type, with its value kept in encoded form so that headers this module
/// does not interpret survive a decode and re-encode unchanged.
///
/// ```swift
/// // X-WAP-Initiator-URI (0x37) as text:
/// let header = WSPHeader(name: .wellKnown(0x37), value: Array("http://dm.example\u{0}".utf8))
/// ```
public struct WSPHeader: Sendable, Hashable {
    /// A header field name.
    public enum Name: Sendable, Hashable {
        /// A well-known field code 0x00-0x7F (code page 1), encoded with the high bit set.
        case wellKnown(UInt8)
        /// An application header name (`Token-text`), encoded NUL-terminated.
        case text(String)
    }

    /// The field name.
    public var name: Name
    /// The encoded value: one short-integer octet, a value-length followed by its octets, or a
    /// NUL-terminated text.
    public var value: [UInt8]

    /// Creates a header.
    /// - Parameters:
    ///   - name: the field name.
    ///   - value: the encoded value.
    public init(name: Name, value: [UInt8]) {
        self.name = name
        self.value = value
    }

    /// The encoded header: name, then value.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when the name is not encodable or the value is
    ///   not exactly one encoded value.
    public func encoded() throws(NotificationError) -> [UInt8] {
        var output: [UInt8]
        switch name {
        case .wellKnown(let code):
            guard code < 0x80 else {
                throw NotificationError(.invalidArgument, "header field code 0x\(Hex.encode([code])) exceeds 0x7F")
            }
            output = [0x80 | code]
        case .text(let text):
            guard let first = text.utf8.first, first >= 0x20, first < 0x7F else {
                throw NotificationError(
                    .invalidArgument, "header name \"\(text)\" must start with a printable ASCII character")
            }
            output = try WSPText.encode(text, what: "header name")
        }
        var reader = ByteReader(value)
        let parsed: [UInt8]
        do throws(NotificationError) {
            parsed = try WSPValueLength.readAnyValue(from: &reader, "header value")
        } catch {
            throw NotificationError(.invalidArgument, "header value is not one encoded WSP value: \(error.message)")
        }
        guard parsed.count == value.count else {
            throw NotificationError(.invalidArgument, "header value has \(value.count - parsed.count) trailing bytes")
        }
        output.append(contentsOf: value)
        return output
    }

    /// Reads one header at the reader's position.
    static func decode(from reader: inout ByteReader) throws(NotificationError) -> WSPHeader {
        let start = reader.offset
        let first = try reader.peek("header name")
        let name: Name
        switch first {
        case 0x80...:
            _ = try reader.readByte("header name")
            name = .wellKnown(first & 0x7F)
        case 0x20..<0x7F:
            name = .text(try WSPText.read(from: &reader, "header name"))
        case 0:
            throw NotificationError(.malformed, "a header starts with a NUL octet", offset: start)
        default:
            throw NotificationError(
                .unsupported, "header code page shift 0x\(Hex.encode([first])) is not supported", offset: start)
        }
        let value = try WSPValueLength.readAnyValue(from: &reader, "header value")
        return WSPHeader(name: name, value: value)
    }
}
