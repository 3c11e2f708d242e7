import Contracts
import Foundation
import Testing

@Suite struct CommandTests {
    static let time = Date(timeIntervalSince1970: 1_772_366_400.25)

    @Test func envelopeHasTheWireMembers() throws {
        let envelope = CommandEnvelope(
            SystemReplay(fromSequence: 8), source: "dm-scheduler-1", id: "11111111-2222-4333-8444-555555555555",
            time: Self.time)
        #expect(envelope.name == "system.replay")
        let text = String(decoding: try ContractsJSON.encode(envelope), as: UTF8.self)
        #expect(
            text == """
                {"data":{"fromSequence":8},"id":"11111111-2222-4333-8444-555555555555","name":"system.replay",\
                "source":"dm-scheduler-1","time":"2026-03-01T12:00:00.250Z"}
                """)
        #expect(try ContractsJSON.decode(CommandEnvelope<SystemReplay>.self, from: Data(text.utf8)) == envelope)
        #expect(
            try ContractsJSON.decode(CommandEnvelope<SystemReplay>.self, from: Data(text.utf8)).data
                .effectiveLimit == 500)
    }

    @Test func pingDataIsAnEmptyObject() throws {
        let text = String(
            decoding: try ContractsJSON.encode(CommandEnvelope(SystemPing(), source: "dmctl")), as: UTF8.self)
        #expect(text.hasPrefix(#"{"data":{},"id":""#))
    }

    @Test func envelopeOfAnotherCommandIsRefused() throws {
        let ping = try ContractsJSON.encode(CommandEnvelope(SystemPing(), source: "dmctl"))
        do {
            _ = try ContractsJSON.decode(CommandEnvelope<SystemReplay>.self, from: ping)
            Issue.record("read a ping as a replay")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.last?.stringValue == "name")
        } catch DecodingError.keyNotFound(let key, _) {
            Issue.record("the name check should come before the data: \(key.stringValue)")
        }
        // Read generically, any command is fine.
        let raw = try ContractsJSON.decode(CommandEnvelope<JSONValue>.self, from: ping)
        #expect(raw.name == "system.ping")
        #expect(raw.data == [:])
    }

    @Test func ackIsJustTheID() throws {
        #expect(String(decoding: try ContractsJSON.encode(CommandAck(id: "x")), as: UTF8.self) == #"{"id":"x"}"#)
        #expect(CommandReplyKind.ack.rawValue == "ack")
        #expect(CommandReplyKind.result.rawValue == "result")
        #expect(CommandReplyKind(rawValue: "nack") == nil)
    }

    @Test func successfulResult() throws {
        let result = CommandResult(id: "c1", data: SystemPingResult.sample)
        #expect(result.ok)
        let text = String(decoding: try ContractsJSON.encode(result), as: UTF8.self)
        #expect(
            text == """
                {"data":{"instance":"dm-session-1","service":"dm-session","uptimeSeconds":12.5,"version":"0.1.0"},\
                "id":"c1","ok":true}
                """)
        let decoded = try ContractsJSON.decode(CommandResult<SystemPingResult>.self, from: Data(text.utf8))
        #expect(decoded == result)
        #expect(try decoded.get() == .sample)
    }

    @Test func failedResult() throws {
        let failure = CommandFailure(.unknownCommand, message: "no command fumo.start at dm-notify")
        let result = CommandResult<SystemPingResult>(id: "c2", failure: failure)
        #expect(!result.ok)
        let text = String(decoding: try ContractsJSON.encode(result), as: UTF8.self)
        #expect(
            text == """
                {"error":{"code":"unknown_command","message":"no command fumo.start at dm-notify"},\
                "id":"c2","ok":false}
                """)
        let decoded = try ContractsJSON.decode(CommandResult<SystemPingResult>.self, from: Data(text.utf8))
        #expect(decoded == result)
        #expect(decoded.data == nil)
        #expect(throws: failure) { try decoded.get() }
        #expect(failure.description == "unknown_command: no command fumo.start at dm-notify")
    }

    @Test(arguments: [
        #"{"id":"c","ok":true}"#,
        #"{"id":"c","ok":false,"data":{}}"#,
        #"{"id":"c","ok":true,"data":{},"error":{"code":"x","message":"y"}}"#,
        #"{"id":"c","data":{}}"#,
        #"{"id":"","ok":true,"data":{}}"#,
    ])
    func inconsistentResultsAreRefused(text: String) {
        #expect(throws: DecodingError.self) {
            try ContractsJSON.decode(CommandResult<SystemPing>.self, from: Data(text.utf8))
        }
    }

    @Test func wellKnownFailureCodes() {
        #expect(
            CommandFailure.WellKnownCode.allCases.map(\.rawValue) == [
                "unknown_command", "invalid_data", "internal_error",
            ])
    }

    @Test func namesAndVersions() {
        #expect(SystemPing.commandName == "system.ping")
        #expect(SystemPing.resultName == "system.ping.result")
        #expect(SystemReplay.resultName == "system.replay.result")
        #expect(BusPublisherStarted.eventType == "dm.bus.publisher.started")
        #expect(BusPublisherStarted.dataSchema == "urn:dm-contracts:dm.bus.publisher.started:1")
        #expect(DataSchema.parse("urn:dm-contracts:dm.a.b.c:12")! == ("dm.a.b.c", 12))
        #expect(DataSchema.parse("urn:dm-contracts:dm.a.b.c:0") == nil)
        #expect(DataSchema.parse("urn:dm-contracts::1") == nil)
        #expect(DataSchema.parse("urn:dm-contracts:1") == nil)
        #expect(DataSchema.parse("urn:dm-contracts:") == nil)
        #expect(DataSchema.parse("urn:dm-contracts:dm.a.b.c:") == nil)
        #expect(DataSchema.parse("urn:dm-contracts:dm.a.b.c:x") == nil)
        #expect(DataSchema.parse("https://example.com/x:1") == nil)
    }
}
