/// A strict RFC 8259 reader over UTF-8 bytes, building ``JSONValue``s without Foundation.
///
/// Numbers: an integer that fits `Int64` is ``JSONValue/integer(_:)``; so is a number with a fraction or exponent
/// whose `Double` value is an integer below 2^53 (`2.0`, `1e2`, `-0.0`), as `JSONDecoder` reads them into
/// `JSONValue`; the rest are ``JSONValue/number(_:)``, and a number too large for `Double` is an error. With
/// ``decimalIntegers`` a number with a fraction or exponent at or above 2^53 is read as `JSONDecoder` reads an
/// `Int64` (see ``integerAsJSONDecoderReadsIt(_:_:)``). A repeated object key keeps its first value, as
/// `JSONDecoder` does. Unlike `JSONDecoder` it refuses trailing commas. A leading UTF-8 byte order mark is skipped,
/// as `JSONDecoder` does.
struct JSONByteParser {
    let input: UnsafeBufferPointer<UInt8>
    var index = 0
    let maximumDepth: Int
    var depth = 0
    /// Members of the objects being read, innermost last; each object takes its own from the end.
    var memberStack: [(key: String, value: JSONValue)] = []
    /// Elements of the arrays being read, innermost last.
    var elementStack: [JSONValue] = []
    /// The decoded bytes of a string with escapes.
    var stringBytes: [UInt8] = []
    /// Whether numbers with a fraction or exponent at or above 2^53 are read as `JSONDecoder` reads an `Int64`
    /// (truncating the decimal text) rather than as the `Double` they are.
    var decimalIntegers = false

    init(_ input: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.input = input
        self.maximumDepth = maximumDepth
    }

    // MARK: - Documents

    /// Skips a byte order mark and whitespace: where the value starts.
    mutating func startDocument() {
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { index = 3 }
        skipWhitespace()
    }

    /// Checks that only whitespace follows the value.
    mutating func finishDocument() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index == input.count else { throw failure("unexpected text after the JSON value") }
    }

    /// Reads one value with optional whitespace around it, and nothing else.
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        startDocument()
        let value = try parseValue()
        try finishDocument()
        return value
    }

    // MARK: - Errors and whitespace

    func failure(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? index, message: message)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < input.count {
            switch input[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Whether the next byte is `byte`; takes it if so.
    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
        guard index < input.count, input[index] == byte else { return false }
        index += 1
        return true
    }

    // MARK: - Values

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < input.count else { throw failure("unexpected end of input, expected a value") }
        switch input[index] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character, expected a value")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard input.count - index >= count else { throw failure("invalid literal, expected \(word)") }
        let expected = word.utf8Start
        for offset in 0..<count where input[index + offset] != expected[offset] {
            throw failure("invalid literal, expected \(word)", at: index + offset)
        }
        index += count
    }

    mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= maximumDepth else { throw failure("nesting deeper than \(maximumDepth) arrays and objects") }
    }

    /// After a member or element: takes the `,` (true) or the closing `close` (false).
    @inline(__always)
    mutating func separator(_ close: UInt8, _ what: StaticString) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard index < input.count else { throw failure("unexpected end of input in \(what)") }
        let byte = input[index]
        if byte == UInt8(ascii: ",") {
            index += 1
            skipWhitespace()
            return true
        }
        guard byte == close else { throw failure("expected ',' or '\(Unicode.Scalar(close))' in \(what)") }
        index += 1
        return false
    }

    /// Reads `"key" :` and leaves the index at the value.
    @inline(__always)
    mutating func parseKey() throws(JSONSyntaxError) -> String {
        guard index < input.count, input[index] == UInt8(ascii: "\"") else {
            throw failure(index < input.count ? "expected a string key" : "unexpected end of input in an object")
        }
        let key = try parseString()
        skipWhitespace()
        guard take(UInt8(ascii: ":")) else { throw failure("expected ':' after an object key") }
        skipWhitespace()
        return key
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        index += 1
        skipWhitespace()
        if take(UInt8(ascii: "}")) {
            depth -= 1
            return .object([:])
        }
        if memberStack.capacity == 0 { memberStack.reserveCapacity(16) }
        let start = memberStack.count
        repeat {
            let key = try parseKey()
            let value = try parseValue()
            memberStack.append((key, value))
        } while try separator(UInt8(ascii: "}"), "an object")
        var object = [String: JSONValue](minimumCapacity: memberStack.count - start)
        for position in start..<memberStack.count {
            let member = memberStack[position]
            // The first of repeated keys wins, as with JSONDecoder.
            if let first = object.updateValue(member.value, forKey: member.key) { object[member.key] = first }
        }
        memberStack.removeSubrange(start...)
        depth -= 1
        return .object(object)
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enterContainer()
        index += 1
        skipWhitespace()
        if take(UInt8(ascii: "]")) {
            depth -= 1
            return .array([])
        }
        if elementStack.capacity == 0 { elementStack.reserveCapacity(16) }
        let start = elementStack.count
        repeat {
            elementStack.append(try parseValue())
        } while try separator(UInt8(ascii: "]"), "an array")
        let array = Array(elementStack[start...])
        elementStack.removeSubrange(start...)
        depth -= 1
        return .array(array)
    }

    // MARK: - Strings

    /// Reads a string; the index is at its opening quote.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index + 1
        var position = start
        var seen: UInt8 = 0
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                index = position + 1
                let content = UnsafeBufferPointer(rebasing: input[start..<position])
                if seen < 0x80 { return String(decoding: content, as: UTF8.self) }
                guard let string = String(validating: content, as: UTF8.self) else {
                    throw failure("invalid UTF-8 in a string", at: start)
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(start: start, escape: position) }
            if byte < 0x20 { throw failure("unescaped control character in a string", at: position) }
            seen |= byte
            position += 1
        }
        throw failure("unterminated string", at: start - 1)
    }

    /// Reads the rest of a string from its first escape, decoding into `stringBytes`.
    mutating func parseEscapedString(start: Int, escape: Int) throws(JSONSyntaxError) -> String {
        stringBytes.removeAll(keepingCapacity: true)
        stringBytes.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<escape]))
        var position = escape
        while position < input.count {
            let byte = input[position]
            switch byte {
            case UInt8(ascii: "\""):
                index = position + 1
                guard let string = String(validating: stringBytes, as: UTF8.self) else {
                    throw failure("invalid UTF-8 in a string", at: start)
                }
                return string
            case UInt8(ascii: "\\"):
                guard position + 1 < input.count else { break }
                let escaped = input[position + 1]
                position += 2
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): stringBytes.append(escaped)
                case UInt8(ascii: "b"): stringBytes.append(0x08)
                case UInt8(ascii: "f"): stringBytes.append(0x0C)
                case UInt8(ascii: "n"): stringBytes.append(0x0A)
                case UInt8(ascii: "r"): stringBytes.append(0x0D)
                case UInt8(ascii: "t"): stringBytes.append(0x09)
                case UInt8(ascii: "u"):
                    let unit = try hex4(at: position)
                    position += 4
                    var scalar = unit
                    if (0xD800...0xDBFF).contains(unit) {
                        guard position + 6 <= input.count, input[position] == UInt8(ascii: "\\"),
                            input[position + 1] == UInt8(ascii: "u")
                        else { throw failure("high surrogate without a low surrogate", at: position - 6) }
                        let low = try hex4(at: position + 2)
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw failure("high surrogate without a low surrogate", at: position - 6)
                        }
                        position += 6
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(unit) {
                        throw failure("low surrogate without a high surrogate", at: position - 6)
                    }
                    appendUTF8(scalar)
                default: throw failure("invalid escape sequence", at: position - 2)
                }
                continue
            default:
                if byte < 0x20 { throw failure("unescaped control character in a string", at: position) }
                stringBytes.append(byte)
                position += 1
                continue
            }
            break
        }
        throw failure("unterminated string", at: start - 1)
    }

    func hex4(at position: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= input.count else { throw failure("truncated \\u escape", at: position - 2) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = input[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid hex digit in a \\u escape", at: position + offset)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            stringBytes.append(UInt8(scalar))
        case 0x80..<0x800:
            stringBytes.append(UInt8(0xC0 | scalar >> 6))
            stringBytes.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            stringBytes.append(UInt8(0xE0 | scalar >> 12))
            stringBytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            stringBytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            stringBytes.append(UInt8(0xF0 | scalar >> 18))
            stringBytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            stringBytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            stringBytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: - Numbers

    @inline(__always)
    func isDigit(_ position: Int) -> Bool {
        position < input.count && input[position] &- UInt8(ascii: "0") < 10
    }

    /// Checks the number grammar from the index; returns where it ends, whether it is a plain integer, and the
    /// integer's magnitude when it fits `UInt64`.
    func scanNumber() throws(JSONSyntaxError) -> (end: Int, plain: Bool, magnitude: UInt64?) {
        var position = index
        if input[position] == UInt8(ascii: "-") { position += 1 }
        guard isDigit(position) else { throw failure("expected a digit", at: position) }
        var magnitude: UInt64 = 0
        var overflow = false
        if input[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while isDigit(position) {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(input[position] &- UInt8(ascii: "0")))
                magnitude = sum
                overflow = overflow || o1 || o2
                position += 1
            }
        }
        var plain = true
        if position < input.count, input[position] == UInt8(ascii: ".") {
            plain = false
            position += 1
            guard isDigit(position) else { throw failure("expected a digit after '.'", at: position) }
            while isDigit(position) { position += 1 }
        }
        if position < input.count, input[position] | 0x20 == UInt8(ascii: "e") {
            plain = false
            position += 1
            if position < input.count, input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard isDigit(position) else { throw failure("expected a digit in the exponent", at: position) }
            while isDigit(position) { position += 1 }
        }
        return (position, plain, overflow ? nil : magnitude)
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        let (end, plain, magnitude) = try scanNumber()
        index = end
        let negative = input[start] == UInt8(ascii: "-")
        if plain, let magnitude {
            if negative {
                if magnitude <= UInt64(1) << 63 { return .integer(Int64(truncatingIfNeeded: 0 &- magnitude)) }
            } else if magnitude <= UInt64(Int64.max) {
                return .integer(Int64(magnitude))
            }
        }
        let text = UnsafeBufferPointer(rebasing: input[start..<end])
        guard let double = Double(String(decoding: text, as: UTF8.self)), double.isFinite else {
            throw failure("number out of range", at: start)
        }
        if !plain {
            if double.magnitude < 9_007_199_254_740_992 {
                if let integer = Int64(exactly: double) { return .integer(integer) }
            } else if decimalIntegers, let integer = Self.integerAsJSONDecoderReadsIt(text, double) {
                return .integer(integer)
            }
        }
        return .number(double)
    }

    /// The `Int64` that `JSONDecoder` reads from a number with a fraction or exponent, or nil when it reads none:
    /// the `Double` when it is an integer below 2^53; above that, the decimal value truncated toward zero when its
    /// significant digits fit `UInt64` and the result fits `Int64`.
    static func integerAsJSONDecoderReadsIt(_ text: UnsafeBufferPointer<UInt8>, _ double: Double) -> Int64? {
        guard let exact = Int64(exactly: double) else { return nil }
        if double.magnitude < 9_007_199_254_740_992 { return exact }
        var position = 0
        let negative = text[0] == UInt8(ascii: "-")
        if negative { position = 1 }
        // Significant digits and the decimal exponent of the last one.
        var digits: [UInt8] = []
        var exponent = 0
        var inFraction = false
        while position < text.count {
            let byte = text[position]
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte | 0x20 == UInt8(ascii: "e") {
                break
            } else {
                if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte - UInt8(ascii: "0")) }
                if inFraction { exponent -= 1 }
            }
            position += 1
        }
        if position < text.count {
            position += 1
            var sign = 1
            if text[position] == UInt8(ascii: "-") { sign = -1 }
            if text[position] == UInt8(ascii: "-") || text[position] == UInt8(ascii: "+") { position += 1 }
            var value = 0
            while position < text.count {
                value = min(value * 10 + Int(text[position] - UInt8(ascii: "0")), 1_000_000)
                position += 1
            }
            exponent += sign * value
        }
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        var magnitude: UInt64 = 0
        for digit in digits {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
            guard !o1, !o2 else { return nil }
            magnitude = sum
        }
        if exponent < 0 {
            for _ in 0..<min(-exponent, 21) { magnitude /= 10 }
        } else {
            for _ in 0..<exponent {
                let (times10, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                magnitude = times10
            }
        }
        guard let value = Int64(exactly: magnitude) else { return nil }
        return negative ? -value : value
    }

    // MARK: - Skipping

    /// Checks a value without building it (numbers are checked against the grammar only, as `JSONDecoder` does
    /// for members it does not read).
    mutating func skipValue() throws(JSONSyntaxError) {
        guard index < input.count else { throw failure("unexpected end of input, expected a value") }
        switch input[index] {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"):
            try enterContainer()
            index += 1
            skipWhitespace()
            if !take(UInt8(ascii: "}")) {
                repeat {
                    guard index < input.count, input[index] == UInt8(ascii: "\"") else {
                        throw failure(index < input.count ? "expected a string key" : "unexpected end of input in an object")
                    }
                    try skipString()
                    skipWhitespace()
                    guard take(UInt8(ascii: ":")) else { throw failure("expected ':' after an object key") }
                    skipWhitespace()
                    try skipValue()
                } while try separator(UInt8(ascii: "}"), "an object")
            }
            depth -= 1
        case UInt8(ascii: "["):
            try enterContainer()
            index += 1
            skipWhitespace()
            if !take(UInt8(ascii: "]")) {
                repeat { try skipValue() } while try separator(UInt8(ascii: "]"), "an array")
            }
            depth -= 1
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): index = try scanNumber().end
        default: throw failure("unexpected character, expected a value")
        }
    }

    /// Checks a string without keeping it (an escape-free ASCII string costs no allocation).
    mutating func skipString() throws(JSONSyntaxError) {
        let start = index + 1
        var position = start
        var seen: UInt8 = 0
        while position < input.count {
            let byte = input[position]
            if byte == UInt8(ascii: "\"") {
                index = position + 1
                if seen >= 0x80 { _ = try parseStringAgain(from: start - 1) }
                return
            }
            if byte == UInt8(ascii: "\\") {
                index = start - 1
                _ = try parseString()
                return
            }
            if byte < 0x20 { throw failure("unescaped control character in a string", at: position) }
            seen |= byte
            position += 1
        }
        throw failure("unterminated string", at: start - 1)
    }

    private mutating func parseStringAgain(from quote: Int) throws(JSONSyntaxError) -> String {
        index = quote
        return try parseString()
    }
}
