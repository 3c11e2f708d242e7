import Contracts
import Foundation
import Testing

/// Every catalog sample against `docs/asyncapi.yaml`, with a real JSON Schema validator (Python's jsonschema),
/// and proof that the validation can fail.
@Suite(.enabled(if: SchemaValidator.available(), "needs python3 with the jsonschema and yaml modules"))
struct SchemaValidationTests {
    static var catalogLines: [String] {
        get throws { try ContractsCatalog.entries.map(SchemaValidator.line) }
    }

    /// The entry's sample as a JSON object, changed by `change`.
    static func brokenLine(_ entry: ContractsCatalogEntry, _ change: (inout [String: JSONValue]) -> Void) throws
        -> String
    {
        guard case .object(var message) = try ContractsJSON.decode(JSONValue.self, from: entry.sampleJSON()) else {
            throw SchemaValidator.Unavailable(reason: "\(entry.name): sample is not a JSON object")
        }
        change(&message)
        return try SchemaValidator.line(
            name: entry.name, kind: entry.kind.rawValue, schemaVersion: entry.schemaVersion, frame: entry.frame,
            message: .object(message))
    }

    @Test func everyCatalogSampleValidatesAndTheDocumentListsNothingElse() throws {
        let run = try SchemaValidator.validate(try Self.catalogLines, flags: ["--complete"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(ContractsCatalog.entries.count) sample(s) valid"), "\(run.stdout)")
    }

    @Test func acksAndFailedResultsValidate() throws {
        var lines = [
            try SchemaValidator.line(
                name: "ack", kind: "ack", schemaVersion: 1, frame: "ack",
                message: try JSONValue(encoding: CommandAck(id: ContractsCatalog.sampleCommandID)))
        ]
        for entry in ContractsCatalog.entries where entry.kind == .result {
            let failure = CommandResult<JSONValue>(
                id: MessageID.random(), failure: CommandFailure(.unknownCommand, message: "not here"))
            lines.append(
                try SchemaValidator.line(
                    name: entry.name, kind: "result", schemaVersion: entry.schemaVersion, frame: "result",
                    message: try JSONValue(encoding: failure)))
        }
        let run = try SchemaValidator.validate(lines)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func aBrokenSampleFailsAndIsNamed() throws {
        let ping = try #require(ContractsCatalog.entry(named: "system.ping"))
        let broken = try Self.brokenLine(ping) { $0["data"] = ["unexpected": 1] }
        let run = try SchemaValidator.validate(try Self.catalogLines + [broken])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("system.ping: sample does not validate against its payload schema"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "only the broken sample is reported: \(run.stderr)")
    }

    @Test func everyBrokenVariantOfEveryMessageIsRejected() throws {
        var lines: [String] = []
        for entry in ContractsCatalog.entries {
            lines.append(try Self.brokenLine(entry) { $0["data"] = ["notAMember": true] })
            lines.append(try Self.brokenLine(entry) { $0["id"] = nil })
            lines.append(try Self.brokenLine(entry) { $0["id"] = "not-a-uuid" })
            switch entry.kind {
            case .event:
                lines.append(try Self.brokenLine(entry) { $0["specversion"] = nil })
                lines.append(try Self.brokenLine(entry) { $0["specversion"] = "0.3" })
                lines.append(try Self.brokenLine(entry) { $0["sequence"] = 0 })
                lines.append(try Self.brokenLine(entry) { $0["time"] = "2026-03-01 12:00" })
                lines.append(try Self.brokenLine(entry) { $0["dataschema"] = .string(entry.name + ":99") })
            case .command:
                lines.append(try Self.brokenLine(entry) { $0["name"] = "system.other" })
                lines.append(try Self.brokenLine(entry) { $0["extra"] = 1 })
            case .result:
                lines.append(try Self.brokenLine(entry) { $0["ok"] = false })
                lines.append(try Self.brokenLine(entry) { $0["data"] = nil })
            }
        }
        let run = try SchemaValidator.validate(lines, flags: ["--expect-invalid"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\(lines.count) sample(s) rejected as expected"), "\(run.stdout)")
    }

    @Test func expectInvalidFailsOnAValidSample() throws {
        let run = try SchemaValidator.validate(
            [try SchemaValidator.line(ContractsCatalog.entries[0])],
            flags: [
                "--expect-invalid"
            ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(ContractsCatalog.entries[0].name): a deliberately broken sample validates"))
    }

    @Test func aTypeMissingFromTheDocumentFails() throws {
        let stranger = try SchemaValidator.line(
            name: "dm.example.widget.polished", kind: "event", schemaVersion: 1, frame: "dm.example.widget.polished",
            message: try JSONValue(
                encoding: CloudEvent(
                    source: "dm-example-1", type: "dm.example.widget.polished", sequence: 1, data: JSONValue.null)))
        let run = try SchemaValidator.validate(try Self.catalogLines + [stranger])
        #expect(run.status == 1)
        #expect(run.stderr.contains("dm.example.widget.polished: no message of this name"), "\(run.stderr)")
    }

    @Test func aDocumentedTypeMissingFromTheCatalogFails() throws {
        let run = try SchemaValidator.validate(Array(try Self.catalogLines.dropLast()), flags: ["--complete"])
        let last = try #require(ContractsCatalog.entries.last).name
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(last): in the document but not in the code's catalog"), "\(run.stderr)")
    }

    @Test func aDifferentSchemaVersionOrKindFails() throws {
        let ping = try #require(ContractsCatalog.entry(named: "system.ping"))
        let message = try ContractsJSON.decode(JSONValue.self, from: ping.sampleJSON())
        let run = try SchemaValidator.validate([
            try SchemaValidator.line(
                name: ping.name, kind: "command", schemaVersion: 2, frame: ping.frame, message: message),
            try SchemaValidator.line(
                name: ping.name, kind: "event", schemaVersion: 1, frame: ping.frame, message: message),
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("system.ping: schemaVersion is 2 in the code"), "\(run.stderr)")
        #expect(run.stderr.contains("system.ping: kind is 'event' in the code"), "\(run.stderr)")
    }
}
