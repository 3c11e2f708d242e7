import Contracts
import Foundation
import Testing

/// `RawCloudEvent(jsonBytes:)` and `jsonBytes()`: the Codable path's checks and bytes, without JSONDecoder or
/// JSONEncoder.
@Suite struct RawCloudEventBytesTests {
    /// The outcome of reading an event: the event's bytes as JSONEncoder writes it, or the error's case and path.
    enum Outcome: Equatable, CustomStringConvertible {
        case event([UInt8])
        case error(String)

        var description: String {
            switch self {
            case .event(let bytes): "event \(String(decoding: bytes, as: UTF8.self))"
            case .error(let text): "error \(text)"
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String { context.codingPath.map(\.stringValue).joined(separator: ".") }
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "keyNotFound \(key.stringValue)"
        case .valueNotFound(_, let context)?: return "valueNotFound \(path(context))"
        case .typeMismatch(_, let context)?: return "typeMismatch \(path(context))"
        case .dataCorrupted(let context)?: return "dataCorrupted \(path(context))"
        default: return "other \(error)"
        }
    }

    static func foundation(_ bytes: [UInt8]) -> Outcome {
        do {
            return .event(Array(try ContractsJSON.encode(try ContractsJSON.decode(RawCloudEvent.self, from: Data(bytes)))))
        } catch {
            return .error(describe(error))
        }
    }

    static func fast(_ bytes: [UInt8]) -> Outcome {
        do {
            return .event(try RawCloudEvent(jsonBytes: bytes).jsonBytes())
        } catch {
            return .error(describe(error))
        }
    }

    static let members: [(String, String)] = [
        ("specversion", #""1.0""#), ("id", #""5f0c7a2e-3b9d-4e61-8c4f-1a2b3c4d5e6f""#), ("source", #""dm-session""#),
        ("type", #""dm.session.command.completed""#), ("time", #""2026-03-01T12:00:00.250Z""#),
        ("datacontenttype", #""application/json""#), ("subject", #""IMEI:356938035643809""#), ("sequence", "42"),
        ("dataschema", #""urn:dm-contracts:dm.session.command.completed:1""#),
        ("data", #"{"status":200,"uri":"./DevDetail/FwV","value":"2.1.0-release"}"#),
    ]

    /// The event with `member` replaced by `value` (removed when nil), or `extra` members added.
    static func event(_ member: String? = nil, _ value: String? = nil, extra: String = "") -> [UInt8] {
        var parts: [String] = []
        for (name, text) in members {
            if name == member {
                if let value { parts.append("\"\(name)\":\(value)") }
            } else {
                parts.append("\"\(name)\":\(text)")
            }
        }
        if !extra.isEmpty { parts.append(extra) }
        return Array(("{" + parts.joined(separator: ",") + "}").utf8)
    }

    @Test func readsAndWritesTheCatalogSamplesAsTheCodablePathDoes() throws {
        let events = ContractsCatalog.entries.filter { $0.kind == .event }
        #expect(!events.isEmpty)
        for entry in events {
            let json = Array(try entry.sampleJSON())
            let expected = try ContractsJSON.decode(RawCloudEvent.self, from: Data(json))
            let event = try RawCloudEvent(jsonBytes: json)
            #expect(event == expected)
            #expect(event.jsonBytes() == json, "\(entry.name)")
            #expect(try entry.decodesToSample(Data(event.jsonBytes())))
        }
    }

    @Test func readsAndWritesTheBenchmarkEvent() throws {
        let event = CloudEvent(
            source: "dm-session", type: "dm.session.command.completed", subject: "IMEI:356938035643809",
            sequence: 7,
            data: JSONValue.object([
                "device": .string("IMEI:356938035643809"), "commandId": .string("7f3a9c1e-5b2d-4e8f-9a6c-1d2e3f4a5b6c"),
                "status": .integer(200), "uri": .string("./DevDetail/FwV"), "value": .string("2.1.0-release"),
            ]))
        let json = Array(try ContractsJSON.encode(event))
        #expect(event.jsonBytes() == json)
        #expect(try RawCloudEvent(jsonBytes: json) == ContractsJSON.decode(RawCloudEvent.self, from: Data(json)))
    }

    @Test func readsTheHandWrittenEventWithExtensions() throws {
        let json = Array(CloudEventTests.handWritten.utf8)
        let event = try RawCloudEvent(jsonBytes: json)
        #expect(event == (try ContractsJSON.decode(RawCloudEvent.self, from: Data(json))))
        #expect(event.extensions.count == 3)
        #expect(event.jsonBytes() == Array(try ContractsJSON.encode(event)))
        #expect(try event.decoded(as: BusPublisherStarted.self).data.firstSequence == 3)
    }

    static let cases: [(String?, String?, String)] = [
        // Each required attribute missing.
        ("specversion", nil, ""), ("id", nil, ""), ("source", nil, ""), ("type", nil, ""), ("time", nil, ""),
        ("sequence", nil, ""), ("data", nil, ""),
        // Optional ones missing or null.
        ("datacontenttype", nil, ""), ("subject", nil, ""), ("dataschema", nil, ""), ("datacontenttype", "null", ""),
        ("subject", "null", ""), ("dataschema", "null", ""), ("data", "null", ""),
        // Required ones null or of the wrong type.
        ("specversion", "null", ""), ("specversion", "1.0", ""), ("specversion", "true", ""), ("id", "null", ""),
        ("id", "7", ""), ("source", "[]", ""), ("type", "{}", ""), ("time", "0", ""), ("time", "null", ""),
        ("sequence", "null", ""), ("sequence", "\"1\"", ""), ("sequence", "true", ""), ("subject", "5", ""),
        ("dataschema", "[1]", ""), ("datacontenttype", "false", ""),
        // Wrong values.
        ("specversion", #""0.3""#, ""), ("specversion", #""1.0.2""#, ""), ("specversion", #""""#, ""),
        ("specversion", #"" 1.0""#, ""), ("id", #""""#, ""), ("source", #""""#, ""), ("type", #""""#, ""),
        ("time", #""2026-03-01 13:30:00""#, ""), ("time", #""""#, ""), ("time", #""2026-02-30T00:00:00Z""#, ""),
        ("time", #""2026-03-01T12:00:00""#, ""), ("time", #""2026-03-01T13:30:00+01:30""#, ""),
        ("time", #""2016-12-31T23:59:60.5z""#, ""), ("time", #""2026-03-01T12:00:00.250Z ""#, ""),
        ("datacontenttype", #""application/xml""#, ""), ("datacontenttype", #""text/plain""#, ""),
        ("datacontenttype", #"" Application/JSON ; charset=utf-8""#, ""), ("datacontenttype", #""application/json+x""#, ""),
        ("datacontenttype", #""""#, ""), ("datacontenttype", #""application/cloudevents+json""#, ""),
        // Sequence: integers only, from 1.
        ("sequence", "0", ""), ("sequence", "-1", ""), ("sequence", "1.5", ""), ("sequence", "1.0", ""),
        ("sequence", "1e2", ""), ("sequence", "9223372036854775807", ""), ("sequence", "9223372036854775808", ""),
        ("sequence", "1e400", ""), ("sequence", "-0", ""), ("sequence", "0.5", ""), ("sequence", "2E0", ""),
        ("sequence", "1e17", ""), ("sequence", "9007199254740993.5", ""), ("sequence", "9.3e18", ""),
        // Escapes in attributes, data of every kind.
        ("id", #""\u0061b\/c\n""#, ""), ("subject", #""\ud83d\ude00 é""#, ""), ("data", "[1,2.5,\"x\",null,true]", ""),
        ("data", "\"text\"", ""), ("data", "-3", ""), ("data", "1e400", ""), ("data", "{\"a\":{\"b\":[{}]}}", ""),
        // Extensions, reserved names, repeated members (the first wins).
        (nil, nil, #""traceparent":"00-0af7","partitionkey":7,"flags":{"a":[true,null,1.5]},"a":1,"zz":null"#),
        (nil, nil, #""data_base64":"AAEC","datax":1,"dat":2,"sequence":0,"id":"","type":5"#),
        (nil, nil, #""data_base64":1e400"#), (nil, nil, #""x":1e400"#), (nil, nil, #""x":1,"x":2"#),
        ("sequence", "0", #""sequence":3"#),
    ]

    @Test func refusesWhatTheCodablePathRefusesAndReadsTheRestAlike() {
        for (member, value, extra) in Self.cases {
            let bytes = Self.event(member, value, extra: extra)
            let expected = Self.foundation(bytes)
            var outcome = Self.fast(bytes)
            // JSONDecoder names no attribute for a number that does not fit Int64; this reader does.
            if outcome == .error("dataCorrupted sequence"), expected == .error("dataCorrupted ") { outcome = expected }
            #expect(outcome == expected, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test(arguments: ["[]", "\"x\"", "1", "null", "true", "[{}]", " 1.5 "])
    func refusesATopLevelThatIsNotAnObject(text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.fast(bytes) == Self.foundation(bytes))
        #expect(Self.fast(bytes) == .error(text == "null" ? "valueNotFound " : "typeMismatch "))
    }

    @Test(arguments: ["", "{", "{]", "{\"specversion\":\"1.0\",}", "{} {}", "nul", "{\"a\":1} x"])
    func refusesTextThatIsNotJSON(text: String) {
        let outcome = Self.fast(Array(text.utf8))
        #expect(outcome == .error("dataCorrupted "))
    }

    @Test func errorsNameTheAttribute() throws {
        do {
            _ = try RawCloudEvent(jsonBytes: Self.event("sequence", "0"))
            Issue.record("read sequence 0")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map(\.stringValue) == ["sequence"])
            #expect(context.debugDescription == "sequence 0 is below 1")
        }
        do {
            _ = try RawCloudEvent(jsonBytes: Self.event("specversion", #""0.3""#))
            Issue.record("read specversion 0.3")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map(\.stringValue) == ["specversion"])
            #expect(context.debugDescription.contains("\"1.0\""))
        }
        do {
            _ = try RawCloudEvent(jsonBytes: Self.event("source", nil))
            Issue.record("read an event without source")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "source")
        }
        do {
            _ = try RawCloudEvent(jsonBytes: Array("{\"id\":\"x\",\"data\":[\"\u{1}\"]}".utf8))
            Issue.record("read a control character")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map(\.stringValue) == ["data"])
            #expect(context.underlyingError is JSONSyntaxError)
        }
        do {
            _ = try RawCloudEvent(jsonBytes: Array(#"{"id":"x",}"#.utf8))
            Issue.record("read a trailing comma")
        } catch DecodingError.dataCorrupted(let context) {
            let syntax = try #require(context.underlyingError as? JSONSyntaxError)
            #expect(syntax.offset == 10)
        }
    }

    @Test func refusesEveryTruncationOfARealEvent() throws {
        let json = Array(try ContractsCatalog.entries.first { $0.kind == .event }!.sampleJSON())
        _ = try RawCloudEvent(jsonBytes: json)
        for length in 0..<json.count {
            let prefix = Array(json[..<length])
            #expect(throws: DecodingError.self, "\(length)") { try RawCloudEvent(jsonBytes: prefix) }
            #expect(throws: DecodingError.self, "\(length)") {
                try ContractsJSON.decode(RawCloudEvent.self, from: Data(prefix))
            }
        }
    }

    static func randomEvent(_ random: inout SeededGenerator) -> RawCloudEvent {
        func nonEmpty() -> String {
            let string = RandomJSON.string(&random)
            return string.isEmpty ? "x" : string
        }
        var extensions: [String: JSONValue] = [:]
        for _ in 0..<[0, 0, 1, 3].randomElement(using: &random)! {
            let names = ["traceparent", "a", "zz", "datax", "dat", "idx", "sequence", "data_base64", "subjects", "tim"]
            let name = Bool.random(using: &random) ? names.randomElement(using: &random)! : RandomJSON.string(&random, maxLength: 5)
            extensions[name] = RandomJSON.value(&random, depth: 2)
        }
        let milliseconds = Int64.random(in: -62_135_596_800_000...253_402_300_799_999, using: &random)
        return RawCloudEvent(
            id: nonEmpty(), source: nonEmpty(), type: nonEmpty(),
            time: Date(timeIntervalSince1970: Double(milliseconds) / 1000),
            datacontenttype: ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON"]
                .randomElement(using: &random)!,
            subject: Bool.random(using: &random) ? RandomJSON.string(&random) : nil,
            sequence: Bool.random(using: &random) ? Int64.random(in: 1...1000, using: &random) : Int64.random(in: 1...Int64.max, using: &random),
            dataschema: Bool.random(using: &random) ? RandomJSON.string(&random) : nil,
            extensions: extensions, data: RandomJSON.value(&random))
    }

    @Test func randomEventsAreWrittenAndReadAsTheCodablePathDoes() throws {
        var random = SeededGenerator(seed: 0xC10D_E7E4)
        for round in 0..<1500 {
            let event = Self.randomEvent(&random)
            let bytes = event.jsonBytes()
            let expected = Array(try ContractsJSON.encode(event))
            #expect(bytes == expected, "round \(round)")
            let fast = try RawCloudEvent(jsonBytes: bytes)
            let codable = try ContractsJSON.decode(RawCloudEvent.self, from: Data(bytes))
            // Read back, it is the same event (but for extensions named like attributes, which are not written,
            // and times, which are written in milliseconds), and it writes the same bytes again.
            let reserved: Set = ["specversion", "id", "source", "type", "time", "datacontenttype", "subject",
                "sequence", "dataschema", "data", "data_base64"]
            #expect(fast.data == event.data, "round \(round)")
            #expect(fast.extensions == event.extensions.filter { !reserved.contains($0.key) }, "round \(round)")
            #expect(
                [fast.id, fast.source, fast.type, fast.datacontenttype, fast.subject ?? "-", fast.dataschema ?? "-"]
                    == [event.id, event.source, event.type, event.datacontenttype, event.subject ?? "-", event.dataschema ?? "-"])
            #expect(fast.sequence == event.sequence)
            #expect(abs(fast.time.timeIntervalSince(event.time)) < 0.001)
            #expect(try RawCloudEvent(jsonBytes: fast.jsonBytes()).jsonBytes() == fast.jsonBytes(), "round \(round)")
            // JSONDecoder reads the same, but for Doubles at or above 2^53 (see JSONValue(jsonBytes:)).
            if !RandomJSON.hasLargeIntegralDouble(.array([event.data, .object(event.extensions)])) {
                #expect(fast == codable, "round \(round)")
                #expect(fast.jsonBytes() == Array(try ContractsJSON.encode(codable)), "round \(round)")
            }
        }
    }

    @Test func writesTimesAsRFC3339Does() {
        var random = SeededGenerator(seed: 0x71E)
        var times = [0.0, -0.5, 0.0005, -0.0005, 1_772_366_400.123_4, 253_402_300_799.999, 253_402_300_800, -62_135_596_800,
            -62_135_596_801, -1e12, 1e15, -1e15, .infinity, -.infinity, .nan, -200_000_000_000]
        for _ in 0..<2000 { times.append(Double.random(in: -300_000_000_000...300_000_000_000, using: &random)) }
        for seconds in times {
            let event = RawCloudEvent(
                id: "i", source: "s", type: "t", time: Date(timeIntervalSince1970: seconds), sequence: 1, data: nil)
            let text = String(decoding: event.jsonBytes(), as: UTF8.self)
            #expect(text.contains("\"time\":\"\(RFC3339.string(from: event.time))\""), "\(seconds)")
        }
    }
}
