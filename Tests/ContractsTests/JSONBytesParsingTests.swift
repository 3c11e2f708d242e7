import Contracts
import Foundation
import Testing

/// `JSONValue(jsonBytes:)`: strict RFC 8259, and value for value what JSONDecoder reads.
@Suite struct JSONBytesParsingTests {
    func parse(_ text: String, maximumDepth: Int = 64) throws(JSONSyntaxError) -> JSONValue {
        try JSONValue(jsonBytes: Array(text.utf8), maximumDepth: maximumDepth)
    }

    func foundation(_ bytes: [UInt8]) -> JSONValue? {
        try? ContractsJSON.decode(JSONValue.self, from: Data(bytes))
    }

    /// Same value, and the same case for numbers (checked by re-encoding both through JSONEncoder).
    func expectSameAsFoundation(_ bytes: [UInt8], _ comment: Comment? = nil) throws {
        let expected = try #require(foundation(bytes), comment)
        let value = try JSONValue(jsonBytes: bytes, maximumDepth: 512)
        #expect(value == expected, comment)
        #expect(try ContractsJSON.encode(value) == ContractsJSON.encode(expected), comment)
    }

    @Test func readsEveryKindOfValue() throws {
        let text = #"""
            {"n":null,"t":true,"f":false,"i":-12,"big":9007199254740993,"d":1.5,"e":2.5e3,"s":"x\u00e9\n\/",
             "a":[1,"2",[],{}],"o":{"k":[null]}}
            """#
        let value = try parse(text)
        #expect(
            value == [
                "n": nil, "t": true, "f": false, "i": -12, "big": .integer(9_007_199_254_740_993), "d": 1.5,
                "e": 2500, "s": "xé\n/", "a": [1, "2", [], [:]], "o": ["k": [nil]],
            ])
        try expectSameAsFoundation(Array(text.utf8))
    }

    @Test(arguments: [
        "0", "-0", "1", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890", "2.0", "-0.0", "0.0", "1e2",
        "1E2", "1e+2", "1.0e0", "2.5e3", "10e-1", "1.5e1", "0.1", "1e-400", "2e-324", "4.9e-324", "1e308",
        "-9223372036854775808.0", "9223372036854775807.0", "9007199254740992.0", "-9007199254740991e0",
        "4611686018427387904.5", "18446744073709551616.0", "9.223372036854775807e18", "1e19", "0.5", "-0.5",
        "1.7976931348623157e308", "123456789.123", "1e-7", "100000000000000000000", "0e5", "-0e-0",
    ])
    func readsNumbersAsJSONDecoderDoes(text: String) throws {
        try expectSameAsFoundation(Array(text.utf8), "\(text)")
        try expectSameAsFoundation(Array("[\(text)]".utf8), "[\(text)]")
    }

    /// Where JSONDecoder makes an Int64 of the decimal text of a number at or above 2^53 with a fraction or exponent,
    /// this reader keeps the Double, so that what `jsonBytes()` writes reads back equal; `members` (for header fields
    /// such as `sequence`) reads them as JSONDecoder does.
    @Test(arguments: [
        ("9007199254740993.0", 9_007_199_254_740_993), ("9007199254740993.5", 9_007_199_254_740_993),
        ("-9007199254740993.9", -9_007_199_254_740_993), ("90071992547409930e-1", 9_007_199_254_740_993),
        ("9007199254740993.00000000000", 9_007_199_254_740_993), ("123456789012345678.0", 123_456_789_012_345_678),
        ("1e18", 1_000_000_000_000_000_000), ("1.8e18", 1_800_000_000_000_000_000),
        ("-7.553625833454805e+16", -75_536_258_334_548_050),
    ] as [(String, Int64)])
    func keepsLargeNonIntegerFormsAsDoubles(text: String, foundationInteger: Int64) throws {
        let expected = try #require(foundation(Array(text.utf8)))
        #expect(expected.isInteger(foundationInteger))
        guard case .number(let number) = try parse(text) else {
            Issue.record("\(text) is not a number")
            return
        }
        #expect(number == Double(text))
        let member = try JSONValue.members(["n"], ofObjectIn: Array(#"{"n":\#(text)}"#.utf8))[0]
        #expect(member.map { $0.isInteger(foundationInteger) } == true)
    }

    @Test func integersStayExactAndTheRestAreDoubles() throws {
        #expect(try parse("9223372036854775807").isInteger(Int64.max))
        #expect(try parse("-9223372036854775808").isInteger(Int64.min))
        #expect(try parse("2.0").isInteger(2))
        #expect(try parse("-0.0").isInteger(0))
        guard case .number(let big) = try parse("9223372036854775808") else {
            Issue.record("not a number")
            return
        }
        #expect(big == 9_223_372_036_854_775_808.0)
        guard case .number(let half) = try parse("0.5") else {
            Issue.record("not a number")
            return
        }
        #expect(half == 0.5)
    }

    @Test func readsStringsWithEveryEscape() throws {
        #expect(try parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u0000\u001f\u00e9\u4E2D\uFFFF""#) == .string("\u{0}\u{1F}é中\u{FFFF}"))
        #expect(try parse(#""\ud83d\ude00 \uD83D\uDE00""#) == .string("😀 😀"))
        #expect(try parse("\"é中😀\u{7F}\"") == .string("é中😀\u{7F}"))
        #expect(try parse("\"a\\u00e9bé\"") == .string("aébé"))
    }

    @Test(arguments: [
        ("", 0), (" ", 1), ("nul", 0), ("nulx", 3), ("tru", 0), ("[1,]", 3), ("{\"a\":1,}", 7), ("[1 2]", 3),
        ("{\"a\" 1}", 5), ("{\"a\":}", 5), ("{1:2}", 1), ("[", 1), ("{", 1), ("\"abc", 0), ("01", 1), ("-", 1),
        ("1.", 2), ("1.e3", 2), (".5", 0), ("+1", 0), ("1e", 2), ("1e+", 3), ("-01", 2), ("1 2", 2), ("{}{}", 2),
        ("\"\\x\"", 1), ("\"\\u12\"", 1), ("\"\\u12G4\"", 5), ("\"\\ud800\"", 1), ("\"\\ud800\\u0041\"", 1),
        ("\"\\udc00\"", 1), ("\"\\udc00\\ud800\"", 1), ("\"a\tb\"", 2), ("\"\n\"", 1), ("1e400", 0), ("-1e400", 0),
        ("[1e999]", 1), ("NaN", 0), ("Infinity", 0), ("'a'", 0), ("[1]x", 3), ("\u{0B}1", 0), ("\u{A0}1", 0),
    ])
    func refusesMalformedText(text: String, offset: Int) {
        do {
            let value = try parse(text)
            Issue.record("read \(value) from \(text.debugDescription)")
        } catch {
            #expect(error.offset == offset, "\(text.debugDescription): \(error)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func refusesWhatJSONDecoderRefusesToo() {
        // Everything above but the trailing commas, which JSONDecoder accepts.
        for text in ["", "nul", "[1 2]", "{\"a\":}", "01", "1.", "\"\\ud800\"", "\"a\tb\"", "1e400", "[1]x", "NaN"] {
            #expect(foundation(Array(text.utf8)) == nil, "\(text.debugDescription)")
            #expect(throws: JSONSyntaxError.self) { try parse(text) }
        }
    }

    @Test func refusesTrailingCommasThatJSONDecoderAccepts() throws {
        #expect(foundation(Array("[1,]".utf8)) == [1])
        #expect(throws: JSONSyntaxError.self) { try parse("[1,]") }
        #expect(throws: JSONSyntaxError.self) { try parse("{\"a\":1,}") }
    }

    @Test(arguments: [
        [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0x80, 0x22],
        [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22], [0x22, 0x80, 0x22],
        [0x22, 0xC3, 0x5C, 0x6E, 0x22], [0x22, 0x5C, 0x6E, 0xA9, 0x22],
        [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D],
    ] as [[UInt8]])
    func refusesInvalidUTF8(bytes: [UInt8]) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(jsonBytes: bytes) }
        #expect(foundation(bytes) == nil)
    }

    @Test func skipsAByteOrderMarkAndSurroundingWhitespace() throws {
        #expect(try JSONValue(jsonBytes: [0xEF, 0xBB, 0xBF] + Array(" \t\r\n[1] \n".utf8)) == [1])
        try expectSameAsFoundation([0xEF, 0xBB, 0xBF, 0x31])
    }

    @Test func repeatedKeysKeepTheFirstValueAsJSONDecoderDoes() throws {
        let text = #"{"a":1,"b":{"c":true,"c":false},"a":2,"\u0061":3}"#
        #expect(try parse(text) == ["a": 1, "b": ["c": true]])
        try expectSameAsFoundation(Array(text.utf8))
    }

    @Test func limitsNesting() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        }
        _ = try parse(nested(64))
        #expect(throws: JSONSyntaxError.self) { try parse(nested(65)) }
        #expect(throws: JSONSyntaxError.self) { try parse("{\"a\":" + nested(64) + "}") }
        // JSONDecoder's limit is 512.
        _ = try parse(nested(512), maximumDepth: 512)
        #expect(foundation(Array(nested(512).utf8)) != nil)
        #expect(throws: JSONSyntaxError.self) { try parse(nested(513), maximumDepth: 512) }
        #expect(foundation(Array(nested(513).utf8)) == nil)
    }

    @Test func readsAnyCollectionOfBytes() throws {
        let text = #"{"a":[1,"x"]}"#
        #expect(try JSONValue(jsonBytes: Data(text.utf8)) == ["a": [1, "x"]])
        #expect(try JSONValue(jsonBytes: text.utf8) == ["a": [1, "x"]])
        #expect(try JSONValue(jsonBytes: Array(text.utf8)[...]) == ["a": [1, "x"]])
        // Not contiguous.
        #expect(try JSONValue(jsonBytes: Array(text.utf8).lazy.map { $0 }) == ["a": [1, "x"]])
    }

    @Test func readsRandomTextsAsJSONDecoderDoes() throws {
        var random = SeededGenerator(seed: 0x5EED_0001)
        for round in 0..<1500 {
            let value = RandomJSON.value(&random)
            let text = RandomJSON.text(value, &random)
            // JSONDecoder reads the same, but for Doubles at or above 2^53 (see keepsLargeNonIntegerFormsAsDoubles).
            if RandomJSON.hasLargeIntegralDouble(value) { continue }
            try expectSameAsFoundation(Array(text.utf8), "round \(round): \(text.debugDescription)")
        }
    }

    @Test func membersReadsOnlyTheNamedMembers() throws {
        let text = #"{"skip":[1e400,{"x":"\u00e9"}],"id":"a","sequence":3.0,"id":"b","other":"é"}"#
        let values = try JSONValue.members(["id", "sequence", "absent"], ofObjectIn: Array(text.utf8))
        #expect(values.count == 3)
        #expect(values[0] == "a")
        #expect(values[1].map { $0.isInteger(3) } == true)
        #expect(values[2] == nil)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.members(["id"], ofObjectIn: Array("[1]".utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONValue.members(["id"], ofObjectIn: Array(#"{"id":"a""#.utf8)) }
        #expect(throws: JSONSyntaxError.self) {
            try JSONValue.members(["id"], ofObjectIn: Array(#"{"id":"a","x":[1,]}"#.utf8))
        }
        #expect(throws: JSONSyntaxError.self) {
            try JSONValue.members(["id"], ofObjectIn: [0x7B, 0x22, 0x78, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D])
        }
    }
}

extension JSONValue {
    /// Whether this is exactly `.integer(value)` (not an equal `.number`).
    func isInteger(_ value: Int64) -> Bool {
        if case .integer(let integer) = self { integer == value } else { false }
    }
}
