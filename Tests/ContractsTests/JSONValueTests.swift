import Contracts
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test func readsEveryKindOfValue() throws {
        let text = #"""
            {"n":null,"t":true,"f":false,"i":-12,"big":9007199254740993,"d":1.5,"e":2.5e3,"s":"x\u00e9",
             "a":[1,"2"],"o":{}}
            """#
        let value = try ContractsJSON.decode(JSONValue.self, from: Data(text.utf8))
        #expect(
            value == [
                "n": nil, "t": true, "f": false, "i": -12, "big": .integer(9_007_199_254_740_993), "d": 1.5,
                "e": 2500, "s": "xé", "a": [1, "2"], "o": [:],
            ])
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        // Integers stay exact, and booleans are not numbers.
        #expect(members["big"].map { if case .integer(9_007_199_254_740_993) = $0 { true } else { false } } == true)
        #expect(members["t"].map { if case .bool(true) = $0 { true } else { false } } == true)
        #expect(members["i"].map { if case .integer(-12) = $0 { true } else { false } } == true)
        #expect(members["d"].map { if case .number(1.5) = $0 { true } else { false } } == true)
    }

    @Test func numbersCompareByValue() {
        #expect(JSONValue.integer(2) == .number(2.0))
        #expect(JSONValue.number(2.5) != .integer(2))
        #expect(JSONValue.integer(1) != .bool(true))
        #expect(JSONValue.string("1") != .integer(1))
        #expect(JSONValue.array([1, 2]) != [2, 1])
    }

    @Test func writesBackTheSameJSON() throws {
        let value: JSONValue = ["b": [true, nil, 1.25, "x"], "a": ["nested": -3]]
        let json = try ContractsJSON.encode(value)
        #expect(String(decoding: json, as: UTF8.self) == #"{"a":{"nested":-3},"b":[true,null,1.25,"x"]}"#)
        #expect(try ContractsJSON.decode(JSONValue.self, from: json) == value)
    }

    @Test func convertsToAndFromTypedValues() throws {
        let value = try JSONValue(encoding: SystemReplay(fromSequence: 5))
        #expect(value == ["fromSequence": 5])
        #expect(try value.decode(as: SystemReplay.self) == SystemReplay(fromSequence: 5))
        #expect(throws: DecodingError.self) { try JSONValue.string("x").decode(as: SystemReplay.self) }
    }
}
