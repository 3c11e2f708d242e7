import Contracts
import Foundation

/// A seeded generator (SplitMix64), so that a failing property case can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random JSON values and texts for the property tests of the byte codec.
enum RandomJSON {
    /// Characters strings are made of: ASCII, every escape JSONEncoder writes, `/`, DEL, Latin, CJK, combining
    /// marks, line separators, emoji (4-byte UTF-8), and the last code points of the planes.
    static let characters: [Character] = {
        var characters: [Character] = Array("abcXYZ019 _-.:/\\\"'{}[],")
        characters += (0..<0x20).map { Character(Unicode.Scalar($0)!) }
        characters += ["\u{7F}", "é", "ß", "Ω", "中", "文", "e\u{301}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}",
            "\u{FFFF}", "😀", "👍🏽", "🇫🇷", "\u{10FFFF}", "\u{0}"]
        return characters
    }()

    static func string(_ random: inout SeededGenerator, maxLength: Int = 12) -> String {
        let length = Int.random(in: 0...maxLength, using: &random)
        if Bool.random(using: &random) {
            // Plain ASCII, the common case, sometimes longer than a small string.
            let ascii = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:")
            return String((0..<(length * 3)).map { _ in ascii.randomElement(using: &random)! })
        }
        return String((0..<length).map { _ in characters.randomElement(using: &random)! })
    }

    static let specialDoubles: [Double] = [
        0.1, 0.2, 0.3, 1e20, 1e21, 1e22, 1e-7, 1e-5, 1e-4, 123456789.123, -0.0, 0.0, 1.0, -1.0, 2.5, 1e15, 1e16,
        1e17, 9007199254740992, 9007199254740993, 9.223372036854775807e18, -9.223372036854775808e18, 1.8446744073709552e19,
        1e300, 1e308, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e-300, 0.000001, 1234.5678,
        3.141592653589793, -2.718281828459045, 100, 1e2, 4.35, 0.1 + 0.2,
    ]

    static func double(_ random: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return specialDoubles.randomElement(using: &random)!
        case 1:
            // Any finite bit pattern: every exponent.
            while true {
                let value = Double(bitPattern: random.next())
                if value.isFinite { return value }
            }
        case 2: return Double(Int.random(in: -1_000_000...1_000_000, using: &random)) / 1000
        default:
            return Double.random(in: -1...1, using: &random)
                * pow(10, Double(Int.random(in: -30...30, using: &random)))
        }
    }

    static func integer(_ random: inout SeededGenerator) -> Int64 {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return [Int64.min, Int64.max, Int64.min + 1, Int64.max - 1, 0, -1, 1, 9, 10, -10, 1 << 53, (1 << 53) + 1]
            .randomElement(using: &random)!
        case 1: return Int64(bitPattern: random.next())
        default: return Int64.random(in: -100_000...100_000, using: &random)
        }
    }

    static func value(_ random: inout SeededGenerator, depth: Int = 0) -> JSONValue {
        let leaf = depth >= 4 || Int.random(in: 0..<3, using: &random) > 0
        if leaf {
            switch Int.random(in: 0..<6, using: &random) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &random))
            case 2: return .integer(integer(&random))
            case 3: return .number(double(&random))
            default: return .string(string(&random))
            }
        }
        let count = Int.random(in: 0...6, using: &random)
        if Bool.random(using: &random) {
            return .array((0..<count).map { _ in value(&random, depth: depth + 1) })
        }
        var object: [String: JSONValue] = [:]
        for _ in 0..<count { object[string(&random, maxLength: 6)] = value(&random, depth: depth + 1) }
        return .object(object)
    }

    /// A JSON text for `value`, written differently from the encoders: random whitespace, random key order,
    /// repeated keys (first value kept, as JSONDecoder keeps it), escaped characters, numbers in other forms.
    static func text(_ value: JSONValue, _ random: inout SeededGenerator) -> String {
        func space() -> String {
            guard Int.random(in: 0..<4, using: &random) == 0 else { return "" }
            return String((0..<Int.random(in: 1...3, using: &random)).map { _ in [" ", "\t", "\n", "\r"].randomElement(using: &random)! })
        }
        func quoted(_ string: String) -> String {
            var out = "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "/" where Bool.random(using: &random): out += "\\/"
                case "\n" where Bool.random(using: &random): out += "\\n"
                case _ where scalar.value < 0x20 || (scalar.value > 0x7F && Int.random(in: 0..<3, using: &random) == 0):
                    for unit in String(scalar).utf16 { out += String(format: Bool.random(using: &random) ? "\\u%04x" : "\\u%04X", unit) }
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let body: String
        switch value {
        case .null: body = "null"
        case .bool(let flag): body = flag ? "true" : "false"
        case .integer(let integer):
            // Other forms only below 2^53, where this reader and JSONDecoder agree (see JSONValue(jsonBytes:)).
            switch integer.magnitude < 1 << 53 ? Int.random(in: 0..<5, using: &random) : 4 {
            case 0: body = "\(integer).0"
            case 1 where integer != 0: body = "\(integer)e0"
            case 2 where integer % 100 == 0 && integer != 0: body = "\(integer / 100)E+2"
            default: body = "\(integer)"
            }
        case .number(let number):
            let text = "\(number)"
            body = Bool.random(using: &random) ? text.replacingOccurrences(of: "e", with: "E") : text
        case .string(let string): body = quoted(string)
        case .array(let array): body = "[" + array.map { text($0, &random) }.joined(separator: ",") + "]"
        case .object(let object):
            var members = object.map { (quoted($0.key), text($0.value, &random)) }
            members.shuffle(using: &random)
            if let repeated = members.first, Int.random(in: 0..<4, using: &random) == 0 {
                members.append((repeated.0, "\"a later value\""))
            }
            body = "{" + members.map { "\(space())\($0.0)\(space()):\($0.1)" }.joined(separator: ",") + "}"
        }
        return space() + body + space()
    }

    /// Whether `value` holds a Double at or above 2^53 that is an integer fitting Int64: the one place where
    /// `JSONValue(jsonBytes:)` reads the text JSONEncoder writes differently from JSONDecoder (it keeps the Double).
    static func hasLargeIntegralDouble(_ value: JSONValue) -> Bool {
        switch value {
        case .number(let number): return number.magnitude >= 9_007_199_254_740_992 && Int64(exactly: number) != nil
        case .array(let array): return array.contains(where: hasLargeIntegralDouble)
        case .object(let object): return object.values.contains(where: hasLargeIntegralDouble)
        default: return false
        }
    }
}
