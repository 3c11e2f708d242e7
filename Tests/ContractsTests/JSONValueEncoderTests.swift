@testable import Contracts
import Foundation
import Testing

/// `ContractsJSON.encode` without `JSONEncoder` (`JSONValueEncoder`): byte for byte what `JSONEncoder` writes with
/// the bus configuration, and `JSONEncoder` itself for what the fast path leaves to it.
@Suite struct JSONValueEncoderTests {
    /// Checks every way of encoding `value` against `JSONEncoder`.
    /// - Parameters:
    ///   - fast: whether the fast path must take it (true) or leave it to Foundation (false); nil when either is fine.
    /// - Returns: whether the fast path took it.
    @discardableResult
    func expectSameAsFoundation<T: Encodable>(
        _ value: T, fast: Bool? = true, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Bool {
        let expected = Array(try ContractsJSON.makeEncoder().encode(value))
        let bytes = try ContractsJSON.fastBytes(value)
        if let fast {
            #expect((bytes != nil) == fast, comment, sourceLocation: sourceLocation)
        }
        if let bytes, bytes != expected {
            Issue.record(
                """
                \(comment.map { "\($0): " } ?? "")bytes differ
                mine:       \(String(decoding: bytes, as: UTF8.self))
                foundation: \(String(decoding: expected, as: UTF8.self))
                """, sourceLocation: sourceLocation)
        }
        if bytes != nil {
            // The JSONValue the encoder gives writes the same bytes.
            #expect(try JSONValueEncoder.encode(value).jsonBytes() == expected, comment, sourceLocation: sourceLocation)
        }
        #expect(Array(try ContractsJSON.encode(value)) == expected, comment, sourceLocation: sourceLocation)
        #expect(try ContractsJSON.encodeBytes(value) == expected, comment, sourceLocation: sourceLocation)
        return bytes != nil
    }

    // MARK: - Contract messages

    @Test(arguments: ContractsCatalog.entries.map(\.name))
    func catalogSamplesAreWrittenAsJSONEncoderWritesThem(name: String) throws {
        let entry = try #require(ContractsCatalog.entry(named: name))
        try expectSameAsFoundation(entry.sample, Comment(rawValue: name))
        #expect(try entry.sampleJSON() == (try ContractsJSON.makeEncoder().encode(entry.sample)))
    }

    static let messageTypes: [any BusMessage.Type] = [
        BusPublisherStarted.self, SystemPing.self, SystemPingResult.self, SystemReplay.self, SystemReplayResult.self,
        SessionStarted.self, SessionEnded.self, DeviceAuthenticated.self, DeviceAuthenticationFailed.self,
        CommandCompleted.self, AlertReceived.self, TreeValueChanged.self, SessionDeviceRegister.self,
        SessionDeviceRegistered.self, SessionDeviceDelete.self, SessionDeviceDeleted.self, SessionCommandEnqueue.self,
        SessionCommandEnqueued.self, SessionWakeup.self, SessionWakeupRequested.self, NotifyPackage0Deliver.self,
        NotifyPackage0Accepted.self,
    ]

    func expectEnvelopesSameAsFoundation<M: BusMessage>(_ type: M.Type, _ random: inout SeededGenerator) throws {
        let name = "\(M.self)"
        try expectSameAsFoundation(M.sample, Comment(rawValue: name))
        let time = RandomCodable.date(&random)
        try expectSameAsFoundation(
            CloudEvent(source: "dm-session-1", type: "dm.a.b.c", time: time, sequence: 1, data: M.sample),
            Comment(rawValue: name))
        var extensions: [String: JSONValue] = ["traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"]
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            extensions[RandomJSON.string(&random, maxLength: 8)] = RandomJSON.value(&random)
        }
        extensions["data"] = "reserved names are left out"
        try expectSameAsFoundation(
            CloudEvent(
                id: MessageID.random(), source: RandomJSON.string(&random), type: "dm.a.b.c", time: time,
                subject: "IMEI:493005100592800/ü", sequence: Int64.max, dataschema: "urn:dm-contracts:x:1",
                extensions: extensions, data: M.sample),
            Comment(rawValue: name))
        for event in [
            CloudEvent(source: "dm-session-1", type: "dm.a.b.c", time: time, subject: "IMEI:1", sequence: 7, data: M.sample),
            CloudEvent(
                id: MessageID.random(), source: RandomJSON.string(&random), type: "dm.a.b.c", time: time,
                subject: RandomJSON.string(&random), sequence: Int64.max, dataschema: "urn:dm-contracts:x:1",
                extensions: extensions, data: M.sample),
        ] {
            // The envelope written by hand around the fast encoder's data.
            let expected = Array(try ContractsJSON.makeEncoder().encode(event))
            #expect(try event.jsonBytes() == expected, Comment(rawValue: name))
        }
        try expectSameAsFoundation(
            CommandEnvelope(name: "x.y", source: "dmctl", time: time, data: M.sample), Comment(rawValue: name))
        try expectSameAsFoundation(CommandResult(id: "id", data: M.sample), Comment(rawValue: name))
        try expectSameAsFoundation(
            CommandResult<M>(id: "id", failure: CommandFailure(.internalError, message: "a \"quoted\"\nfailure")),
            Comment(rawValue: name))
    }

    @Test func messagesInEnvelopesAreWrittenAsJSONEncoderWritesThem() throws {
        var random = SeededGenerator(seed: 0xE7E7_0001)
        for type in Self.messageTypes {
            for _ in 0..<5 { try expectEnvelopesSameAsFoundation(type, &random) }
        }
        // What dm-session appends to its outbox.
        let event = CloudEvent(SessionStarted.sample, source: "dm-session-1", sequence: 42, subject: "IMEI:1")
        #expect(try ContractsJSON.encodeBytes(event) == Array(try ContractsJSON.makeEncoder().encode(event)))
        #expect(try event.jsonBytes() == Array(try ContractsJSON.makeEncoder().encode(event)))
    }

    @Test func rawCloudEventsMatchTheirByteWriter() throws {
        var random = SeededGenerator(seed: 0xE7E7_0002)
        for _ in 0..<300 {
            var extensions: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                extensions[RandomJSON.string(&random, maxLength: 8)] = RandomJSON.value(&random)
            }
            let event = RawCloudEvent(
                source: RandomJSON.string(&random), type: "dm.a.b.c", time: RandomCodable.date(&random),
                subject: RandomCodable.optional(&random) { RandomJSON.string(&$0) },
                sequence: Int64.random(in: 1...Int64.max, using: &random),
                dataschema: RandomCodable.optional(&random) { RandomJSON.string(&$0) }, extensions: extensions,
                data: RandomJSON.value(&random))
            try expectSameAsFoundation(event)
            #expect(try ContractsJSON.encodeBytes(event) == event.jsonBytes())
        }
    }

    // MARK: - Random Codable values

    @Test func randomCodableValuesAreWrittenAsJSONEncoderWritesThem() throws {
        var random = SeededGenerator(seed: 0xC0DA_B1E5)
        for round in 0..<2000 {
            let node = RandomCodable.node(&random)
            try expectSameAsFoundation(node, "round \(round)")
            if round % 10 == 0 {
                try expectSameAsFoundation(
                    CloudEvent(
                        source: "s", type: "dm.a.b.c", time: RandomCodable.date(&random), sequence: 1, data: node),
                    "round \(round) in an event")
                try expectSameAsFoundation([node.inner], "round \(round) inner")
            }
        }
    }

    @Test func randomShapesAndLeavesAreWrittenAsJSONEncoderWritesThem() throws {
        var random = SeededGenerator(seed: 0x5AA9_E5)
        for round in 0..<2000 {
            try expectSameAsFoundation(RandomCodable.shape(&random), "round \(round)")
            try expectSameAsFoundation(RandomJSON.double(&random), "round \(round)")
            try expectSameAsFoundation(RandomJSON.string(&random), "round \(round)")
            try expectSameAsFoundation(RandomCodable.date(&random), "round \(round)")
            try expectSameAsFoundation(RandomCodable.data(&random), "round \(round)")
        }
    }

    @Test(arguments: [
        0.1, 1e300, -0.0, 0.0, 2.0, -2.0, 1.5e-7, 1e-7, 1e16, 1e21, 1e22, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        9007199254740994, 123456789.125, 0.1 + 0.2, -1e-300, Double(Int64.max), -Double(Int64.max),
    ])
    func doublesAreWrittenAsJSONEncoderWritesThem(number: Double) throws {
        try expectSameAsFoundation(number, "\(number)")
        try expectSameAsFoundation(["value": number], "\(number)")
        try expectSameAsFoundation([number, -number], "\(number)")
        try expectSameAsFoundation(Optional(number), "\(number)")
    }

    @Test func integersOfEveryWidthAreWrittenAsJSONEncoderWritesThem() throws {
        try expectSameAsFoundation([Int64.min, Int64.max, Int64.min + 1, 0, -1])
        try expectSameAsFoundation([Int.min, Int.max])
        try expectSameAsFoundation([Int8.min, Int8.max])
        try expectSameAsFoundation([Int16.min, Int16.max])
        try expectSameAsFoundation([Int32.min, Int32.max])
        try expectSameAsFoundation([UInt8.max, UInt8.min])
        try expectSameAsFoundation([UInt16.max])
        try expectSameAsFoundation([UInt32.max])
        try expectSameAsFoundation([UInt64(Int64.max), 0])
        try expectSameAsFoundation(UInt(Int64.max))
        try expectSameAsFoundation(["big": UInt64(Int64.max)])
        try expectSameAsFoundation([Int128(Int64.min), Int128(Int64.max)])
        try expectSameAsFoundation(UInt128(Int64.max))
        try expectSameAsFoundation(Int64.min)
    }

    @Test func topLevelLeavesAndOptionals() throws {
        try expectSameAsFoundation("a/b \"c\" \u{1}\u{2028}😀")
        try expectSameAsFoundation(true)
        try expectSameAsFoundation(Int?.none)
        try expectSameAsFoundation(Int??.some(nil))
        try expectSameAsFoundation(Date?.some(ContractsCatalog.sampleTime))
        try expectSameAsFoundation(ContractsCatalog.sampleTime)
        try expectSameAsFoundation(Data())
        try expectSameAsFoundation(Data([0, 1, 2, 0xFF, 0xFE]))
        for url in RandomCodable.urls { try expectSameAsFoundation(url, "\(url)") }
        try expectSameAsFoundation([String]())
        try expectSameAsFoundation([String: Int]())
        try expectSameAsFoundation([-3: "a", 10: "b", 2: "c"])
        try expectSameAsFoundation([RandomCodable.Color.blue: 1, .red: 2])
        try expectSameAsFoundation([RandomCodable.Level.high: "h", .low: "l"])
        try expectSameAsFoundation(JSONValue.object(["b": [1, 2.5, nil, "x/y"], "a": [:]]))
    }

    // MARK: - Hand-written encode(to:)

    struct AnyKey: CodingKey, ExpressibleByStringLiteral {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        init(stringLiteral value: String) { stringValue = value }
    }

    enum OtherKey: String, CodingKey {
        case name, count, small
    }

    /// Encodes nothing at all.
    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct EmptyKeyed: Encodable {
        func encode(to encoder: any Encoder) throws { _ = encoder.container(keyedBy: AnyKey.self) }
    }

    struct EmptyUnkeyed: Encodable {
        func encode(to encoder: any Encoder) throws { _ = encoder.unkeyedContainer() }
    }

    /// Every container operation JSONEncoder supports, in one value.
    struct Containers: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            try container.encodeNil(forKey: "nil")
            try container.encode(Nothing(), forKey: "nothing")
            var nested = container.nestedContainer(keyedBy: AnyKey.self, forKey: "nested")
            try nested.encode(1, forKey: "x")
            var again = container.nestedContainer(keyedBy: AnyKey.self, forKey: "nested")
            try again.encode(2, forKey: "y")
            var deeper = again.nestedUnkeyedContainer(forKey: "deeper")
            try deeper.encode(Int8(-8))
            var list = container.nestedUnkeyedContainer(forKey: "list")
            try list.encode(true)
            try list.encodeNil()
            try list.encode(Nothing())
            var element = list.nestedContainer(keyedBy: AnyKey.self)
            try element.encode("z", forKey: "z")
            var inner = list.nestedUnkeyedContainer()
            try inner.encode(3.5)
            try inner.encode(Float(0.25))
            try list.encode(UInt16(7))
            // A value encoded as an object, then reopened as a nested container: JSONEncoder extends it.
            try container.encode(["a": 1], forKey: "object")
            var reopened = container.nestedContainer(keyedBy: AnyKey.self, forKey: "object")
            try reopened.encode(2, forKey: "b")
            try container.encode([1, 2], forKey: "array")
            var reopenedArray = container.nestedUnkeyedContainer(forKey: "array")
            try reopenedArray.encode(3)
            // The last value for a key wins, a nested container too.
            try container.encode(1, forKey: "repeated")
            try container.encode("two", forKey: "repeated")
            var replaced = container.nestedContainer(keyedBy: AnyKey.self, forKey: "replaced")
            try replaced.encode(1, forKey: "gone")
            try container.encode(false, forKey: "replaced")
            // The keyed container asked for again, with another key type: the same object.
            var same = encoder.container(keyedBy: OtherKey.self)
            try same.encode("name", forKey: .name)
            try same.encodeIfPresent(nil as Int?, forKey: .count)
            try same.encode(nil as Int?, forKey: .small)
        }
    }

    /// `superEncoder()` in every container, kept across later encodes.
    struct SuperEncoders: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            try container.encode(1, forKey: "a")
            let parent = container.superEncoder()
            var parentContainer = parent.container(keyedBy: AnyKey.self)
            try parentContainer.encode(2, forKey: "b")
            try EmptyKeyed().encode(to: container.superEncoder(forKey: "emptySuper"))
            try Nothing().encode(to: container.superEncoder(forKey: "nothingSuper"))
            var list = container.nestedUnkeyedContainer(forKey: "list")
            try list.encode(1)
            let element = list.superEncoder()
            var single = element.singleValueContainer()
            try single.encode("two")
            try list.encode(3)
            withExtendedLifetime(element) {}
            try RandomCodable.Shape.rect(1, 2).encode(to: container.superEncoder(forKey: "shape"))
        }
    }

    class Base: Encodable {
        var base = "base"
        private enum CodingKeys: String, CodingKey { case base }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(base, forKey: .base)
        }
    }

    /// Its superclass under `super`.
    final class Derived: Base {
        var own = 1.5
        private enum CodingKeys: String, CodingKey { case own }
        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(own, forKey: .own)
            try super.encode(to: container.superEncoder())
        }
    }

    /// Its superclass's members among its own (the same encoder).
    final class Merged: Base {
        var own = [1, 2]
        private enum CodingKeys: String, CodingKey { case own }
        override func encode(to encoder: any Encoder) throws {
            try super.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(own, forKey: .own)
        }
    }

    /// A single value that is an object, then extended through the keyed container.
    struct SingleThenKeyed: Encodable {
        func encode(to encoder: any Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode(["a": 1])
            var container = encoder.container(keyedBy: AnyKey.self)
            try container.encode(2, forKey: "b")
        }
    }

    /// Wraps a value through the single-value container.
    struct Single<Wrapped: Encodable>: Encodable {
        var wrapped: Wrapped
        func encode(to encoder: any Encoder) throws {
            var single = encoder.singleValueContainer()
            try single.encode(wrapped)
        }
    }

    @Test func containersWorkAsInJSONEncoder() throws {
        try expectSameAsFoundation(Containers())
        try expectSameAsFoundation(SuperEncoders())
        try expectSameAsFoundation(Derived())
        try expectSameAsFoundation(Merged())
        try expectSameAsFoundation([Base(), Derived(), Merged()])
        try expectSameAsFoundation(SingleThenKeyed())
        try expectSameAsFoundation(EmptyKeyed())
        try expectSameAsFoundation(EmptyUnkeyed())
        try expectSameAsFoundation([Nothing()])
        try expectSameAsFoundation(["nothing": Nothing()])
        try expectSameAsFoundation(Single(wrapped: Nothing()))
        try expectSameAsFoundation(Single(wrapped: Single(wrapped: ["k": Derived()])))
        try expectSameAsFoundation(Single(wrapped: ContractsCatalog.sampleTime))
        try expectSameAsFoundation(["x": Single(wrapped: Data([1]))])
        #expect(String(decoding: try ContractsJSON.encode(Containers()), as: UTF8.self).contains(#""nothing":{}"#))
    }

    // MARK: - Left to Foundation

    /// A member the value's own code encodes with `try?`: the fast path's signal is swallowed, yet it falls back.
    struct SwallowsErrors: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            _ = try? container.encode(UInt64.max, forKey: "big")
            try container.encode(1, forKey: "small")
        }
    }

    /// A single value after a keyed container: JSONEncoder keeps the container.
    struct KeyedThenSingle: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            try container.encode(1, forKey: "a")
            var single = encoder.singleValueContainer()
            try single.encode("lost")
        }
    }

    struct WithDecimal: Encodable {
        var amount = Decimal(string: "12.340")!
        var label = "x"
    }

    struct WithUInt64: Codable {
        var value: UInt64
    }

    @Test func whatOnlyJSONEncoderWritesRightFallsBack() throws {
        try expectSameAsFoundation(UInt64.max, fast: false)
        try expectSameAsFoundation(UInt64(Int64.max) + 1, fast: false)
        try expectSameAsFoundation(UInt.max, fast: false)
        try expectSameAsFoundation([WithUInt64(value: 1), WithUInt64(value: .max)], fast: false)
        try expectSameAsFoundation(CloudEvent(source: "s", type: "t", sequence: 1, data: WithUInt64(value: .max)), fast: false)
        try expectSameAsFoundation(Int128.max, fast: false)
        try expectSameAsFoundation(Int128(Int64.min) - 1, fast: false)
        try expectSameAsFoundation(UInt128.max, fast: false)
        try expectSameAsFoundation(Decimal(string: "3.14159")!, fast: false)
        try expectSameAsFoundation(WithDecimal(), fast: false)
        try expectSameAsFoundation(["d": Decimal(1)], fast: false)
        try expectSameAsFoundation(SwallowsErrors(), fast: false)
        try expectSameAsFoundation(KeyedThenSingle(), fast: false)
        try expectSameAsFoundation(Float(1e8), fast: false)
        try expectSameAsFoundation(["f": Float(1e10)], fast: false)
        try expectSameAsFoundation(["f": Float(16_777_216)], fast: true)
        // What the fast path cannot do, it says so.
        #expect(throws: JSONValueEncoder.NeedsFoundation.self) { try JSONValueEncoder.encode(UInt64.max) }
        #expect(throws: JSONValueEncoder.NeedsFoundation.self) { try JSONValueEncoder.encode(Decimal(2)) }
    }

    @Test func aTopLevelValueThatEncodesNothingThrowsAsJSONEncoderDoes() throws {
        #expect(try ContractsJSON.fastBytes(Nothing()) == nil)
        #expect(throws: EncodingError.self) { try ContractsJSON.encode(Nothing()) }
        #expect(throws: EncodingError.self) { try ContractsJSON.encodeBytes(Nothing()) }
    }

    @Test func floatsAreWrittenAsJSONEncoderWritesThemOrFallBack() throws {
        for number: Float in [0.1, 0.25, -0.0, 1, 1.5e-7, .greatestFiniteMagnitude, .leastNonzeroMagnitude, 123.456, 16_777_215] {
            try expectSameAsFoundation(number, fast: nil, "\(number)")
        }
        try expectSameAsFoundation(Float(0.1), fast: true)
        try expectSameAsFoundation([Float(0.5), 2.75], fast: true)
        var random = SeededGenerator(seed: 0xF10A7)
        var fast = 0
        var fallback = 0
        for _ in 0..<3000 {
            var number = Float(bitPattern: UInt32(truncatingIfNeeded: random.next()))
            if !number.isFinite { number = Float(Double.random(in: -1e6...1e6, using: &random)) }
            if try expectSameAsFoundation(number, fast: nil, "\(number)") { fast += 1 } else { fallback += 1 }
            let small = Float(Int.random(in: -100_000...100_000, using: &random)) / 100
            if try expectSameAsFoundation(["f": small], fast: nil, "\(small)") { fast += 1 } else { fallback += 1 }
        }
        #expect(fast > 0)
        #expect(fallback > 0)
    }

    // MARK: - Errors

    struct Failing: Encodable {
        struct Failure: Error, Equatable {}
        func encode(to encoder: any Encoder) throws { throw Failure() }
    }

    /// The coding path of the `EncodingError` the fast path throws for `value`, and that JSONEncoder throws too.
    func nonFinitePath<T: Encodable>(
        _ value: T, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String] {
        #expect(throws: EncodingError.self, sourceLocation: sourceLocation) {
            try ContractsJSON.makeEncoder().encode(value)
        }
        #expect(throws: EncodingError.self, sourceLocation: sourceLocation) { try ContractsJSON.encode(value) }
        #expect(throws: EncodingError.self, sourceLocation: sourceLocation) { try ContractsJSON.encodeBytes(value) }
        do {
            _ = try JSONValueEncoder.encode(value)
            Issue.record("no error", sourceLocation: sourceLocation)
            return []
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.debugDescription.hasPrefix("Unable to encode"), sourceLocation: sourceLocation)
            return context.codingPath.map(\.stringValue)
        }
    }

    struct Measure: Codable, Sendable {
        var value: Double
        var values: [String: [Double]] = [:]
    }

    @Test func nonFiniteNumbersThrowEncodingErrorWithTheirPath() throws {
        #expect(try nonFinitePath(Double.nan) == [])
        #expect(try nonFinitePath(-Double.infinity) == [])
        #expect(try nonFinitePath(Float.infinity) == [])
        #expect(try nonFinitePath(Measure(value: .nan)) == ["value"])
        #expect(try nonFinitePath(Measure(value: 1, values: ["a": [1, .infinity]])) == ["values", "a", "Index 1"])
        #expect(try nonFinitePath(["x": Float.nan]) == ["x"])
        #expect(try nonFinitePath([Optional(1.0), Optional(Double.nan)]) == ["Index 1"])
        #expect(try nonFinitePath(JSONValue.array([1, .number(.nan)])) == ["Index 1"])
        #expect(
            try nonFinitePath(CloudEvent(source: "s", type: "t", sequence: 1, data: Measure(value: -.infinity)))
                == ["data", "value"])
        // In nested containers, the path has their keys.
        struct Nested: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                var nested = container.nestedContainer(keyedBy: AnyKey.self, forKey: "outer")
                var list = nested.nestedUnkeyedContainer(forKey: "list")
                try list.encode(1.0)
                try list.encode(Measure(value: .nan))
            }
        }
        #expect(try nonFinitePath(Nested()) == ["outer", "list", "Index 1", "value"])
        let description = try #require(
            { () throws -> String? in
                do { _ = try JSONValueEncoder.encode(Measure(value: .nan)) } catch let EncodingError.invalidValue(_, context) {
                    return context.debugDescription
                }
                return nil
            }())
        #expect(description == "Unable to encode Double.nan directly in JSON.")
    }

    @Test func theValuesOwnErrorsComeThrough() throws {
        #expect(throws: Failing.Failure()) { try ContractsJSON.encode(Failing()) }
        #expect(throws: Failing.Failure()) { try ContractsJSON.encodeBytes(["a": [Failing()]]) }
        #expect(throws: Failing.Failure()) { try JSONValueEncoder.encode(["a": [Failing()]]) }
    }

    @Test func codingPathsSeenByTheValueAreTheFullPath() throws {
        struct RecordsPath: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(encoder.codingPath.map(\.stringValue).joined(separator: "."))
            }
        }
        struct Outer: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyKey.self)
                try container.encode(RecordsPath(), forKey: "direct")
                try container.encode([RecordsPath()], forKey: "list")
                var nested = container.nestedContainer(keyedBy: AnyKey.self, forKey: "nested")
                try nested.encode(RecordsPath(), forKey: "inner")
                try RecordsPath().encode(to: container.superEncoder())
            }
        }
        let json = try JSONValueEncoder.encode(Outer())
        #expect(
            json == [
                "direct": "direct", "list": ["list.Index 0"], "nested": ["inner": "nested.inner"], "super": "super",
            ])
    }
}
