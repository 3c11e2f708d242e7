extension NodeURI {
    /// Escapes a node name into a segment: `%`, `/`, `?` and control characters become `%HH`; everything
    /// else is kept as it is.
    /// - Parameter name: the node name.
    /// - Returns: the segment in wire form.
    ///
    /// ```swift
    /// NodeURI.escape(name: "a/b")   // "a%2Fb"
    /// ```
    public static func escape(name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")
                || isControl(byte)
            {
                appendEscape(byte, to: &bytes)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes every `%HH` escape of a segment; a `%` that starts no valid escape is kept as it is.
    /// Bytes that do not form valid UTF-8 are replaced by U+FFFD.
    /// - Parameter segment: a segment in wire form.
    /// - Returns: the node name.
    public static func unescape(_ segment: String) -> String {
        let utf8 = Array(segment.utf8)
        guard utf8.contains(UInt8(ascii: "%")) else { return segment }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Checks one wire-form segment and returns it normalised.
    static func checkedSegment(_ segment: String, index: Int) throws(NodeURIError) -> String {
        if segment.isEmpty { throw NodeURIError(.emptySegment, "segment \(index) is empty", input: segment) }
        if segment.utf8.contains(UInt8(ascii: "/")) {
            throw NodeURIError(.invalidCharacter, "segment \(index) contains '/' (escape it as %2F)", input: segment)
        }
        if segment.utf8.contains(UInt8(ascii: "?")) {
            throw NodeURIError(.unexpectedQuery, "segment \(index) contains '?' (escape it as %3F)", input: segment)
        }
        return try normalise(segment: Substring(segment), index: index, input: segment)
    }

    /// Validates the characters and escapes of a segment (known to hold no `/` or `?`) and normalises them.
    static func normalise(segment: Substring, index: Int, input: String) throws(NodeURIError) -> String {
        if segment == "." || segment == ".." {
            throw NodeURIError(.dotSegment, "segment \(index) is '\(segment)', which DM does not allow", input: input)
        }
        guard segment.utf8.contains(where: { $0 == UInt8(ascii: "%") || isControl($0) }) else { return String(segment) }
        let utf8 = Array(segment.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var position = 0
        while position < utf8.count {
            let byte = utf8[position]
            if isControl(byte) {
                throw NodeURIError(
                    .invalidCharacter, "segment \(index) contains control character 0x\(hex(byte)); escape it",
                    input: input)
            }
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                position += 1
                continue
            }
            guard position + 2 < utf8.count,
                let high = hexValue(utf8[position + 1]), let low = hexValue(utf8[position + 2])
            else {
                throw NodeURIError(
                    .invalidEscape, "segment \(index) has a '%' that is not followed by two hex digits", input: input)
            }
            let value = high << 4 | low
            if isUnreserved(value) { bytes.append(value) } else { appendEscape(value, to: &bytes) }
            position += 3
        }
        if bytes == [UInt8(ascii: ".")] || bytes == [UInt8(ascii: "."), UInt8(ascii: ".")] {
            throw NodeURIError(.dotSegment, "segment \(index) decodes to a '.' or '..' segment", input: input)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x7F }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func hex(_ byte: UInt8) -> String {
        String(decoding: [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "%"))
        bytes.append(hexDigits[Int(byte >> 4)])
        bytes.append(hexDigits[Int(byte & 0x0F)])
    }
}
