import Contracts
import Foundation
import GRDB
import Messaging
import Testing

/// What Messaging puts on the wire decodes with the Contracts types the AsyncAPI document describes.
@Suite struct WireContractTests {
    @Test func replayResultAndFailuresMatchTheContract() async throws {
        let publisher = try MessagingTests.database()
        try await publisher.write { db in
            for _ in 1...3 {
                try EventOutbox.append(id: UUID().uuidString, type: "dm.test.thing.happened", in: db) { sequence in
                    let event = CloudEvent(
                        id: MessageID.random(), source: "pub", type: "dm.test.thing.happened", time: Date(),
                        subject: nil, sequence: Int64(sequence), data: JSONValue.object(["n": .integer(sequence)]))
                    return Array(try ContractsJSON.encode(event))
                }
            }
        }
        let link = InMemoryCommandLink()
        let receiver = CommandReceiver(writer: publisher, endpoint: link.endpoint) { command, db in
            try ReplayResponder.handle(command, source: "pub", in: db)
        }
        let request = CommandEnvelope(SystemReplay(fromSequence: 2, limit: 10), source: "sub")
        let reply = try #require(
            try await receiver.receive([Array(SystemReplay.commandName.utf8), Array(try ContractsJSON.encode(request))]))
        #expect(reply[0] == Array(CommandReplyKind.result.rawValue.utf8))
        let result = try ContractsJSON.decode(CommandResult<SystemReplayResult>.self, from: Data(reply[1]))
        #expect(result.id == request.id)
        let page = try result.get()
        #expect(page.source == "pub")
        #expect(page.lastSequence == 3)
        #expect(page.events.map(\.sequence) == [2, 3])

        let broken = try #require(
            try await receiver.receive([Array(SystemReplay.commandName.utf8), Array(#"{"id":"x1","name":"system.replay","source":"s","time":"2026-11-23T10:00:00Z","data":{}}"#.utf8)]))
        let failure = try ContractsJSON.decode(CommandResult<SystemReplayResult>.self, from: Data(broken[1]))
        #expect(failure.error?.code == CommandFailure.WellKnownCode.invalidData.rawValue)
        link.close()
    }
}
