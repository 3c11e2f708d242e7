/// A bounds-checked cursor over a byte array: every read checks what is left first and throws a
/// ``NotificationError`` of kind `truncated` naming the field when the input is too short.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// Bytes not yet read.
    var remaining: Int { bytes.count - offset }

    /// True when every byte has been read.
    var isAtEnd: Bool { offset >= bytes.count }

    /// The next byte without consuming it.
    func peek(_ field: String) throws(NotificationError) -> UInt8 {
        guard offset < bytes.count else {
            throw NotificationError(.truncated, "input ends before the \(field)", offset: offset)
        }
        return bytes[offset]
    }

    mutating func readByte(_ field: String) throws(NotificationError) -> UInt8 {
        let byte = try peek(field)
        offset += 1
        return byte
    }

    mutating func readBytes(_ count: Int, _ field: String) throws(NotificationError) -> [UInt8] {
        guard count >= 0, count <= remaining else {
            throw NotificationError(
                .truncated, "the \(field) needs \(count) bytes but only \(max(remaining, 0)) remain", offset: offset)
        }
        let slice = Array(bytes[offset..<(offset + count)])
        offset += count
        return slice
    }

    mutating func readUInt16(_ field: String) throws(NotificationError) -> UInt16 {
        let pair = try readBytes(2, field)
        return UInt16(pair[0]) << 8 | UInt16(pair[1])
    }

    /// Everything not yet read.
    mutating func readRest() -> [UInt8] {
        guard offset < bytes.count else { return [] }
        let rest = Array(bytes[offset...])
        offset = bytes.count
        return rest
    }

    /// A WSP `uintvar`: 7 bits per octet, most significant first, continuation bit 0x80, at most 5 octets
    /// and 32 bits.
    mutating func readUintvar(_ field: String) throws(NotificationError) -> UInt32 {
        let start = offset
        var value: UInt64 = 0
        for index in 0..<5 {
            let byte = try readByte(field)
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                guard value <= UInt64(UInt32.max) else {
                    throw NotificationError(.malformed, "the \(field) uintvar exceeds 32 bits", offset: start)
                }
                return UInt32(value)
            }
            if index == 4 { break }
        }
        throw NotificationError(.malformed, "the \(field) uintvar is longer than 5 octets", offset: start)
    }

    /// A NUL-terminated string; returns the bytes without the terminator.
    mutating func readNulTerminated(_ field: String) throws(NotificationError) -> [UInt8] {
        guard let end = bytes[offset...].firstIndex(of: 0) else {
            throw NotificationError(.truncated, "the \(field) has no terminating NUL", offset: offset)
        }
        let text = Array(bytes[offset..<end])
        offset = end + 1
        return text
    }
}

/// Byte helpers shared by the encoders.
enum Bytes {
    /// Appends a WSP `uintvar` (the shortest form).
    static func appendUintvar(_ value: UInt32, to output: inout [UInt8]) {
        var groups: [UInt8] = [UInt8(value & 0x7F)]
        var rest = value >> 7
        while rest > 0 {
            groups.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        output.append(contentsOf: groups.reversed())
    }
}
