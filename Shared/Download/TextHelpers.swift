/// True for the whitespace XML and `\s` know: space, tab, LF, VT, FF, CR.
func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

/// `text` without leading and trailing ASCII whitespace.
func trimmed(_ text: some StringProtocol) -> String {
    let utf8 = Array(text.utf8)
    guard let first = utf8.firstIndex(where: { !isASCIIWhitespace($0) }),
        let last = utf8.lastIndex(where: { !isASCIIWhitespace($0) })
    else { return "" }
    return String(decoding: utf8[first...last], as: UTF8.self)
}

/// Parses a byte count: decimal digits, optionally grouped by `,` thousands separators in groups of three
/// (`1,200,000`). Returns nil for anything else, including zero-padded groups in the wrong places (`12,00`),
/// signs, spaces inside, and values beyond `Int64`.
func parseByteCount(_ text: String) -> Int64? {
    let groups = text.split(separator: ",", omittingEmptySubsequences: false)
    guard let first = groups.first, !first.isEmpty else { return nil }
    if groups.count > 1 {
        guard first.utf8.count <= 3, groups.dropFirst().allSatisfy({ $0.utf8.count == 3 }) else { return nil }
    }
    let digits = groups.joined()
    guard digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
    return Int64(digits)
}

/// Parses an XML Schema boolean: `true`, `false`, `1`, `0` (any case for the words).
func parseSchemaBoolean(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "true", "1": true
    case "false", "0": false
    default: nil
    }
}

/// True for a plausible MIME type: `type/subtype` with no spaces or controls, parameters allowed after `;`.
func isPlausibleMediaType(_ text: String) -> Bool {
    let essence = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    let parts = essence.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count == 2
        && parts.allSatisfy { part in
            !part.isEmpty && part.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") }
        }
}

/// Escapes text for a double-quoted XML attribute value.
func escapedAttribute(_ text: String) -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        default: result.append(character)
        }
    }
    return result
}
