internal import SyncML
/// The content type of a WSP PDU (WAP-230 §8.4.2.24), in one of the three encoded forms.
///
/// ```swift
/// WSPContentType.wellKnown(0x44)                                   // C4
/// WSPContentType.text("application/vnd.syncml.notification")       // text, NUL-terminated
/// ```
public enum WSPContentType: Sendable, Hashable {
    /// A well-known media type as a short integer, 0x00-0x7F (0x44 is `application/vnd.syncml.notification`);
    /// encoded as one octet with the high bit set.
    case wellKnown(UInt8)
    /// An extension media type as text (`Extension-media`), encoded NUL-terminated.
    case text(String)
    /// The general form (`Value-length Media-type Parameters`): the octets after the length, kept as carried.
    case general([UInt8])

    /// True for `application/vnd.syncml.notification` in any form (numeric 0x44 or the text, any case).
    public var isSyncMLNotification: Bool {
        switch self {
        case .wellKnown(let code):
            return code == WSPPushPDU.syncMLNotificationContentType
        case .text(let text):
            return text.lowercased() == PackageZero.mimeType
        case .general(let bytes):
            guard let first = bytes.first else { return false }
            if first == 0x80 | WSPPushPDU.syncMLNotificationContentType { return true }
            let media = bytes.prefix { $0 != 0 }
            return String(decoding: media, as: UTF8.self).lowercased() == PackageZero.mimeType
        }
    }

    /// The encoded content type.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` for a code above 0x7F, an empty or
    ///   NUL-containing text, or a general form longer than a `uintvar` can count.
    public func encoded() throws(NotificationError) -> [UInt8] {
        switch self {
        case .wellKnown(let code):
            guard code < 0x80 else {
                throw NotificationError(.invalidArgument, "well-known content type 0x\(Hex.encode([code])) exceeds 0x7F")
            }
            return [0x80 | code]
        case .text(let text):
            return try WSPText.encode(text, what: "content type")
        case .general(let bytes):
            var output: [UInt8] = []
            WSPValueLength.append(bytes.count, to: &output)
            output.append(contentsOf: bytes)
            return output
        }
    }

    /// Reads a content type at the reader's position.
    static func decode(from reader: inout ByteReader) throws(NotificationError) -> WSPContentType {
        let first = try reader.peek("content type")
        switch first {
        case 0x80...:
            _ = try reader.readByte("content type")
            return .wellKnown(first & 0x7F)
        case 0...31:
            let length = try WSPValueLength.read(from: &reader, "content type")
            return .general(try reader.readBytes(length, "content type"))
        default:
            return .text(try WSPText.read(from: &reader, "content type"))
        }
    }
}

/// WSP `Text-string` helpers: NUL-terminated, with a 0x7F quote when the first octet has its high bit set.
enum WSPText {
    static func encode(_ text: String, what: String) throws(NotificationError) -> [UInt8] {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw NotificationError(.invalidArgument, "empty \(what) text") }
        guard !bytes.contains(0) else { throw NotificationError(.invalidArgument, "\(what) text contains NUL") }
        var output: [UInt8] = []
        if bytes[0] >= 0x80 { output.append(0x7F) }
        output.append(contentsOf: bytes)
        output.append(0)
        return output
    }

    static func read(from reader: inout ByteReader, _ field: String) throws(NotificationError) -> String {
        let start = reader.offset
        if try reader.peek(field) == 0x7F { _ = try reader.readByte(field) }
        let bytes = try reader.readNulTerminated(field)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw NotificationError(.malformed, "the \(field) text is not valid UTF-8", offset: start)
        }
        return text
    }
}

/// WSP `Value-length`: a short length 0-30 in one octet, or 31 (Length-quote) followed by a `uintvar`.
enum WSPValueLength {
    static func append(_ length: Int, to output: inout [UInt8]) {
        if length <= 30 {
            output.append(UInt8(length))
        } else {
            output.append(31)
            Bytes.appendUintvar(UInt32(clamping: length), to: &output)
        }
    }

    static func read(from reader: inout ByteReader, _ field: String) throws(NotificationError) -> Int {
        let first = try reader.readByte(field)
        if first <= 30 { return Int(first) }
        guard first == 31 else {
            throw NotificationError(
                .malformed, "the \(field) does not start with a value length", offset: reader.offset - 1)
        }
        return Int(try reader.readUintvar(field))
    }

    /// Reads one encoded field value of any form (WAP-230 §8.4.1.2) and returns its octets as carried.
    static func readAnyValue(from reader: inout ByteReader, _ field: String) throws(NotificationError) -> [UInt8] {
        let start = reader.offset
        let first = try reader.peek(field)
        switch first {
        case 0x80...:
            return [try reader.readByte(field)]
        case 0...31:
            let length = try read(from: &reader, field)
            _ = try reader.readBytes(length, field)
        default:
            _ = try reader.readNulTerminated(field)
        }
        return Array(reader.bytes[start..<reader.offset])
    }
}
