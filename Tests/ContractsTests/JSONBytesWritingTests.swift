import Contracts
import Foundation
import Testing

/// `JSONValue.jsonBytes()`: byte for byte what `ContractsJSON.encode` writes.
@Suite struct JSONBytesWritingTests {
    func expectSameAsFoundation(_ value: JSONValue, _ comment: Comment? = nil) throws {
        let expected = Array(try ContractsJSON.encode(value))
        let bytes = value.jsonBytes()
        #expect(bytes == expected, comment)
        if bytes != expected {
            print("mine:       \(String(decoding: bytes, as: UTF8.self))")
            print("foundation: \(String(decoding: expected, as: UTF8.self))")
        }
    }

    @Test func writesCompactSortedJSON() throws {
        let value: JSONValue = ["b": [true, nil, 1.25, "x/y"], "a": ["nested": -3], "B": [:], "": []]
        #expect(String(decoding: value.jsonBytes(), as: UTF8.self) == #"{"":[],"B":{},"a":{"nested":-3},"b":[true,null,1.25,"x/y"]}"#)
        try expectSameAsFoundation(value)
    }

    @Test(arguments: RandomJSON.specialDoubles + [1e-10, 1e-100, 1.5e300, -1e-320, 0.01, 123e-20, 1e23, 8.41e21])
    func formatsDoublesAsJSONEncoderDoes(number: Double) throws {
        try expectSameAsFoundation(.number(number), "\(number)")
        try expectSameAsFoundation(.number(-number), "\(-number)")
    }

    @Test func formatsRandomDoublesAsJSONEncoderDoes() throws {
        var random = SeededGenerator(seed: 0xD0_0B1E)
        for _ in 0..<5000 {
            let number = RandomJSON.double(&random)
            try expectSameAsFoundation(.number(number), "\(number)")
        }
    }

    @Test(arguments: [Int64.min, Int64.min + 1, -10, -9, -1, 0, 1, 9, 10, 99, 100, 1 << 53, Int64.max])
    func formatsIntegers(integer: Int64) throws {
        try expectSameAsFoundation(.integer(integer))
        #expect(JSONValue.integer(integer).jsonBytes() == Array(String(integer).utf8))
    }

    @Test func escapesStringsAsJSONEncoderDoes() throws {
        var all = ""
        for code in 0..<0x80 { all.unicodeScalars.append(Unicode.Scalar(code)!) }
        try expectSameAsFoundation(.string(all))
        try expectSameAsFoundation(.string("é中😀👍🏽\u{2028}\u{FEFF}\u{10FFFF}e\u{301}"))
        #expect(
            String(decoding: JSONValue.string("\"\\/\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F}").jsonBytes(), as: UTF8.self)
                == #""\"\\/\b\f\n\r\t\u0000\u001f"# + "\u{7F}\"")
        // Keys are escaped the same way.
        try expectSameAsFoundation(["a\"b\n": 1, "/": 2])
    }

    @Test func escapesAtEveryPositionOfAnEightByteChunk() throws {
        // The writer skips eight clean bytes at a time: each special character at each offset, in strings of
        // lengths around the chunk size.
        let specials = ["\u{0}", "\u{1F}", "\"", "\\", "\n", " ", "!", "#", "[", "]", "\u{7F}", "é", "😀", "/", "\u{2028}"]
        for length in [7, 8, 9, 15, 16, 17, 24] {
            for offset in 0..<length {
                for special in specials {
                    var characters = Array(repeating: "a" as Character, count: length)
                    characters[offset] = Character(special)
                    try expectSameAsFoundation(.string(String(characters)), "\(length) \(offset) \(special.debugDescription)")
                }
            }
        }
    }

    @Test func sortsKeysByTheirUTF8Bytes() throws {
        let keys = ["b", "B", "a", "é", "e", "aa", "a1", "a10", "a2", "😀", "\u{FFFF}", "", "Z", "_", "~", "\u{7F}",
            "\u{80}", "ab", "a\u{0}", "\u{1}"]
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: keys.map { ($0, JSONValue.null) }))
        try expectSameAsFoundation(value)
    }

    @Test func writesNonFiniteNumbersAsNull() {
        #expect(JSONValue.number(.nan).jsonBytes() == Array("null".utf8))
        #expect(JSONValue.array([.number(.infinity), .number(-.infinity)]).jsonBytes() == Array("[null,null]".utf8))
        // JSONEncoder refuses them instead.
        #expect(throws: EncodingError.self) { try ContractsJSON.encode(JSONValue.number(.nan)) }
    }

    @Test func randomValuesAreWrittenAsJSONEncoderWritesThemAndReadBack() throws {
        var random = SeededGenerator(seed: 0x0BAD_5EED)
        for round in 0..<3000 {
            let value = RandomJSON.value(&random)
            let bytes = value.jsonBytes()
            #expect(bytes == Array(try ContractsJSON.encode(value)), "round \(round)")
            let again = try JSONValue(jsonBytes: bytes, maximumDepth: 512)
            #expect(again == value, "round \(round)")
            // Writing what was read is a fixed point.
            let written = again.jsonBytes()
            #expect(try JSONValue(jsonBytes: written, maximumDepth: 512).jsonBytes() == written, "round \(round)")
            // JSONDecoder reads the same, but for Doubles at or above 2^53 (see JSONValue(jsonBytes:)).
            if !RandomJSON.hasLargeIntegralDouble(value) {
                let foundation = try ContractsJSON.decode(JSONValue.self, from: Data(bytes))
                #expect(written == Array(try ContractsJSON.encode(foundation)), "round \(round)")
            }
        }
    }
}
