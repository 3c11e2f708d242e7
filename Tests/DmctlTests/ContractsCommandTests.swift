import Contracts
import Foundation
import Testing

@Suite struct ContractsCommandTests {
    @Test func listPrintsEveryCatalogName() throws {
        let run = try Dmctl.run(["contracts", "list"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText.split(separator: "\n").map(String.init) == ContractsCatalog.entries.map(\.name))
    }

    @Test func longListAddsKindVersionAndType() throws {
        let run = try Dmctl.run(["contracts", "list", "--long"])
        #expect(run.status == 0)
        let lines = run.stdoutText.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.first == ["dm.bus.publisher.started", "event", "v1", "CloudEvent<BusPublisherStarted>"])
        #expect(lines.count == ContractsCatalog.entries.count)
    }

    @Test func samplesAreJSONLinesWithTheWireEnvelope() throws {
        let run = try Dmctl.run(["contracts", "samples"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        try #require(lines.count == ContractsCatalog.entries.count)
        for (line, entry) in zip(lines, ContractsCatalog.entries) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["name"] as? String == entry.name)
            #expect(object["kind"] as? String == entry.kind.rawValue)
            #expect(object["schemaVersion"] as? Int == entry.schemaVersion)
            #expect(object["frame"] as? String == entry.frame)
            // "message" holds the wire bytes unchanged, and they decode to the catalog's sample.
            let prefix = "{\"name\":\"\(entry.name)\",\"kind\":\"\(entry.kind.rawValue)\","
            #expect(line.hasPrefix(prefix))
            let wire = String(decoding: try entry.sampleJSON(), as: UTF8.self)
            #expect(line.hasSuffix(",\"message\":\(wire)}"), "\(line)")
            #expect(try entry.decodesToSample(Data(wire.utf8)))
        }
    }

    @Test func eventSampleIsACloudEvent() throws {
        let run = try Dmctl.run(["contracts", "samples", "--name", "dm.bus.publisher.started"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        let message = try #require(object["message"] as? [String: Any])
        #expect(message["specversion"] as? String == "1.0")
        #expect(message["type"] as? String == "dm.bus.publisher.started")
        #expect(message["sequence"] as? Int == 1)
        #expect(message["time"] as? String == "2026-03-01T12:00:00.250Z")
        #expect((message["data"] as? [String: Any])?["service"] as? String == "dm-session")
    }

    @Test func resultSampleTravelsUnderTheResultFrame() throws {
        let run = try Dmctl.run(["contracts", "samples", "--name", "system.ping.result"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any])
        #expect(object["frame"] as? String == "result")
        let message = try #require(object["message"] as? [String: Any])
        #expect(message["ok"] as? Bool == true)
        #expect(message["id"] as? String == ContractsCatalog.sampleCommandID)
    }

    @Test func unknownNameIsInvalidInput() throws {
        let run = try Dmctl.run(["contracts", "samples", "--name", "dm.nothing.here.happened"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no bus message named dm.nothing.here.happened"))
    }
}
