/// Parsers for the text form of node values, strict about what DM allows.
///
/// ```swift
/// try NodeValues.parseInt("42")             // 42
/// try NodeValues.parseInt("70000", in: 0...65_535)   // throws
/// try NodeValues.parseBool("true")          // true
/// ```
public enum NodeValues {
    /// The range of DM's `int` format: a signed 32-bit integer.
    public static let intRange: ClosedRange<Int64> = Int64(Int32.min)...Int64(Int32.max)

    /// Parses a decimal integer: an optional `-` or `+` and digits, nothing else (no spaces).
    /// - Parameters:
    ///   - text: the value.
    ///   - range: the accepted range (default: DM `int`, 32-bit signed).
    /// - Throws: ``NodeValueError`` when the text is not a decimal integer in `range`.
    public static func parseInt(_ text: String, in range: ClosedRange<Int64> = intRange) throws(NodeValueError) -> Int64
    {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw NodeValueError(format: .int, "not a decimal integer", value: text)
        }
        guard digits.utf8.count <= 19, let magnitude = Int64(digits) else {
            throw NodeValueError(format: .int, "out of range \(range.lowerBound)...\(range.upperBound)", value: text)
        }
        let value = negative ? -magnitude : magnitude
        guard range.contains(value) else {
            throw NodeValueError(format: .int, "out of range \(range.lowerBound)...\(range.upperBound)", value: text)
        }
        return value
    }

    /// Parses `true` or `false`. DM writes them in lower case; other casings are accepted.
    /// - Parameter text: the value.
    /// - Throws: ``NodeValueError`` for anything else (including `1`, `0` and surrounding spaces).
    public static func parseBool(_ text: String) throws(NodeValueError) -> Bool {
        if asciiCaseInsensitiveEquals(text, "true") { return true }
        if asciiCaseInsensitiveEquals(text, "false") { return false }
        throw NodeValueError(format: .bool, "expected true or false", value: text)
    }

    /// Parses a float in the XML Schema lexical form: `-1.5`, `3`, `.5`, `1E4`, `1.2e-3`, `INF`, `-INF`, `NaN`.
    /// - Parameter text: the value.
    /// - Throws: ``NodeValueError`` when the text is not in that form.
    public static func parseFloat(_ text: String) throws(NodeValueError) -> Double {
        switch text {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: break
        }
        guard isDecimalFloat(Array(text.utf8)), let value = Double(text) else {
            throw NodeValueError(format: .float, "not a floating-point number", value: text)
        }
        return value
    }

    /// Checks base64 text: the standard alphabet, `=` padding only at the end, a length that is a multiple of
    /// four once whitespace (line breaks in XML) is removed.
    /// - Parameter text: the value.
    /// - Throws: ``NodeValueError`` when the text is not base64.
    public static func validateBase64(_ text: String) throws(NodeValueError) {
        var count = 0
        var padding = 0
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "="): padding += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                if padding > 0 { throw NodeValueError(format: .b64, "data after '=' padding", value: text) }
            default:
                throw NodeValueError(format: .b64, "character outside the base64 alphabet", value: text)
            }
            count += 1
        }
        guard padding <= 2, count % 4 == 0 else {
            throw NodeValueError(format: .b64, "length is not a multiple of 4 or padding is wrong", value: text)
        }
    }

    private static func isDecimalFloat(_ utf8: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < utf8.count, utf8[index] >= UInt8(ascii: "0"), utf8[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
        var mantissa = digits()
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if index < utf8.count, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
            index += 1
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == utf8.count
    }
}
