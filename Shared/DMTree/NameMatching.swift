/// Compares two strings ignoring ASCII case (node names, alert types and URNs are ASCII in practice).
func asciiCaseInsensitiveEquals(_ lhs: String, _ rhs: String) -> Bool {
    guard lhs.utf8.count == rhs.utf8.count else { return false }
    return zip(lhs.utf8, rhs.utf8).allSatisfy { asciiLowercased($0) == asciiLowercased($1) }
}

/// The ASCII lower-case form of `text`; non-ASCII characters are left alone.
func asciiLowercased(_ text: String) -> String {
    String(decoding: text.utf8.map(asciiLowercased), as: UTF8.self)
}

func asciiLowercased(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
}

/// `text` without leading and trailing ASCII whitespace (space, tab, CR, LF, FF, VT).
func trimmingASCIIWhitespace(_ text: some StringProtocol) -> String {
    let utf8 = Array(text.utf8)
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: utf8[first...last], as: UTF8.self)
}

/// A lookup table from node names (or alert types) to values, matched ignoring ASCII case.
struct CaseInsensitiveTable<Value: Sendable>: Sendable {
    private let entries: [String: Value]

    /// - Parameter pairs: names and the value each one means; a later duplicate name is ignored.
    init(_ pairs: [(String, Value)]) {
        var entries: [String: Value] = [:]
        for (name, value) in pairs where entries[asciiLowercased(name)] == nil {
            entries[asciiLowercased(name)] = value
        }
        self.entries = entries
    }

    subscript(_ name: String) -> Value? { entries[asciiLowercased(name)] }
}
