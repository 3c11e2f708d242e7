import Contracts
import Foundation
import Testing

@Suite struct CloudEventTests {
    static let time = Date(timeIntervalSince1970: 1_772_366_400.25)

    func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func encodesCloudEventsAttributeNames() throws {
        let event = CloudEvent(
            BusPublisherStarted.sample, source: "dm-session-1", sequence: 42, subject: "IMEI:490154203237518",
            id: "c0ffee00-0000-4000-8000-000000000001", time: Self.time)
        let json = try object(try ContractsJSON.encode(event))
        #expect(
            Set(json.keys) == [
                "specversion", "id", "source", "type", "time", "datacontenttype", "subject", "sequence", "dataschema",
                "data",
            ])
        #expect(json["specversion"] as? String == "1.0")
        #expect(json["id"] as? String == "c0ffee00-0000-4000-8000-000000000001")
        #expect(json["source"] as? String == "dm-session-1")
        #expect(json["type"] as? String == "dm.bus.publisher.started")
        #expect(json["time"] as? String == "2026-03-01T12:00:00.250Z")
        #expect(json["datacontenttype"] as? String == "application/json")
        #expect(json["subject"] as? String == "IMEI:490154203237518")
        #expect(json["sequence"] as? Int == 42)
        #expect(json["dataschema"] as? String == "urn:dm-contracts:dm.bus.publisher.started:1")
        let data = try #require(json["data"] as? [String: Any])
        #expect(data["firstSequence"] as? Int == 1)
        #expect(data["service"] as? String == "dm-session")
    }

    @Test func optionalAttributesAreLeftOut() throws {
        let event = CloudEvent(source: "s", type: "dm.a.b.c", time: Self.time, sequence: 1, data: JSONValue.null)
        let json = try object(try ContractsJSON.encode(event))
        #expect(json["subject"] == nil)
        #expect(json["dataschema"] == nil)
        // A generated id is a lowercase UUID.
        let id = try #require(json["id"] as? String)
        #expect(UUID(uuidString: id) != nil)
        #expect(id == id.lowercased())
    }

    @Test func encodingIsCompactAndKeySorted() throws {
        let event = CloudEvent(
            BusPublisherStarted.sample, source: "dm-session-1", sequence: 1,
            id: "5f0c7a2e-3b9d-4e61-8c4f-1a2b3c4d5e6f", time: Self.time)
        let text = String(decoding: try ContractsJSON.encode(event), as: UTF8.self)
        #expect(
            text == """
                {"data":{"firstSequence":1,"instance":"dm-session-1","service":"dm-session","version":"0.1.0"},\
                "datacontenttype":"application/json","dataschema":"urn:dm-contracts:dm.bus.publisher.started:1",\
                "id":"5f0c7a2e-3b9d-4e61-8c4f-1a2b3c4d5e6f","sequence":1,"source":"dm-session-1","specversion":"1.0",\
                "time":"2026-03-01T12:00:00.250Z","type":"dm.bus.publisher.started"}
                """)
    }

    static let handWritten = """
        {
          "specversion": "1.0",
          "type": "dm.bus.publisher.started",
          "source": "dm-fumo-2",
          "id": "A234-1234-1234",
          "time": "2026-03-01T13:30:00+01:30",
          "datacontenttype": "application/json",
          "data": {"service": "dm-fumo", "instance": "dm-fumo-2", "version": "0.2.0", "firstSequence": 3, "x": 0},
          "sequence": 9,
          "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
          "comexampleflags": {"a": [true, null, 1.5]},
          "partitionkey": 7
        }
        """

    @Test func decodesHandWrittenEventWithExtensionAttributes() throws {
        let event = try ContractsJSON.decode(CloudEvent<BusPublisherStarted>.self, from: Data(Self.handWritten.utf8))
        #expect(event.id == "A234-1234-1234")
        #expect(event.source == "dm-fumo-2")
        #expect(event.sequence == 9)
        #expect(event.time == Date(timeIntervalSince1970: 1_772_366_400))
        #expect(event.subject == nil)
        #expect(event.dataschema == nil)
        #expect(
            event.data
                == BusPublisherStarted(
                    service: "dm-fumo", instance: "dm-fumo-2", version: "0.2.0", firstSequence: 3))
        #expect(
            event.extensions == [
                "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                "partitionkey": 7,
                "comexampleflags": ["a": [true, nil, 1.5]],
            ])
        // Extensions survive a round trip through the raw form, as a replay needs.
        let raw = try event.raw()
        let again = try ContractsJSON.decode(RawCloudEvent.self, from: try ContractsJSON.encode(raw))
        #expect(again.extensions == event.extensions)
        #expect(try again.decoded(as: BusPublisherStarted.self) == event)
    }

    static func replacing(_ member: String, with value: String?) -> Data {
        var lines = handWritten.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = lines.firstIndex { $0.hasPrefix("  \"\(member)\":") }!
        if let value {
            lines[index] = "  \"\(member)\": \(value),"
        } else {
            lines.remove(at: index)
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    @Test func missingSpecVersionIsAClearError() throws {
        let data = Self.replacing("specversion", with: nil)
        do {
            _ = try ContractsJSON.decode(CloudEvent<BusPublisherStarted>.self, from: data)
            Issue.record("decoded an event without specversion")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "specversion")
        }
        // The raw form checks the same.
        #expect(throws: DecodingError.self) { try ContractsJSON.decode(RawCloudEvent.self, from: data) }
    }

    @Test(arguments: ["\"0.3\"", "\"1.0.2\"", "\"\"", "1.0"])
    func wrongSpecVersionIsAClearError(value: String) throws {
        let data = Self.replacing("specversion", with: value)
        do {
            _ = try ContractsJSON.decode(RawCloudEvent.self, from: data)
            Issue.record("decoded an event with specversion \(value)")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.last?.stringValue == "specversion")
            #expect(context.debugDescription.contains("specversion"))
            #expect(context.debugDescription.contains("\"1.0\""))
        } catch DecodingError.typeMismatch(_, let context) {
            // A number where the string belongs.
            #expect(value == "1.0")
            #expect(context.codingPath.last?.stringValue == "specversion")
        }
    }

    @Test(arguments: [
        ("type", "\"dm.session.command.completed\"", "type"),
        ("sequence", "0", "sequence"),
        ("time", "\"2026-03-01 13:30:00\"", "time"),
        ("datacontenttype", "\"application/xml\"", "datacontenttype"),
        ("id", "\"\"", "id"),
        ("source", nil, "source"),
        ("data", nil, "data"),
    ])
    func otherMalformedAttributesNameTheAttribute(member: String, value: String?, attribute: String) throws {
        let data = Self.replacing(member, with: value)
        do {
            _ = try ContractsJSON.decode(CloudEvent<BusPublisherStarted>.self, from: data)
            Issue.record("decoded an event with \(member) = \(value ?? "nothing")")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.last?.stringValue == attribute, "\(context.debugDescription)")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(value == nil)
            #expect(key.stringValue == attribute)
        }
    }

    @Test func unknownSchemaVersionIsRefused() throws {
        let newer = Self.replacing(
            "sequence", with: "9, \"dataschema\": \"urn:dm-contracts:dm.bus.publisher.started:2\"")
        #expect(throws: DecodingError.self) {
            try ContractsJSON.decode(CloudEvent<BusPublisherStarted>.self, from: newer)
        }
        // The raw form does not know the type and keeps it, so a replay can pass it on.
        let raw = try ContractsJSON.decode(RawCloudEvent.self, from: newer)
        #expect(raw.dataschema == "urn:dm-contracts:dm.bus.publisher.started:2")
        #expect(throws: DecodingError.self) { try raw.decoded(as: BusPublisherStarted.self) }
        // A dataschema of another form is not the stack's to judge.
        let foreign = Self.replacing("sequence", with: "9, \"dataschema\": \"https://example.com/schema.json\"")
        #expect(try ContractsJSON.decode(CloudEvent<BusPublisherStarted>.self, from: foreign).sequence == 9)
    }

    @Test func contentTypeParametersAndAbsenceAreAccepted() throws {
        let withCharset = Self.replacing("datacontenttype", with: "\"application/json; charset=utf-8\"")
        #expect(
            try ContractsJSON.decode(RawCloudEvent.self, from: withCharset).datacontenttype
                == "application/json; charset=utf-8")
        let absent = Self.replacing("datacontenttype", with: nil)
        #expect(try ContractsJSON.decode(RawCloudEvent.self, from: absent).datacontenttype == "application/json")
    }

    @Test func timesAreWrittenInUTCWithMilliseconds() throws {
        let event = CloudEvent(
            source: "s", type: "dm.a.b.c", time: Date(timeIntervalSince1970: 1_772_366_400.123_4), sequence: 1,
            data: JSONValue.null)
        let json = try object(try ContractsJSON.encode(event))
        #expect(json["time"] as? String == "2026-03-01T12:00:00.123Z")
    }
}
