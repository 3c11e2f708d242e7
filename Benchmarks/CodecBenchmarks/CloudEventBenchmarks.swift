import Benchmark
import Contracts
import Foundation

/// Encode and decode of a generic bus event (`CloudEvent<JSONValue>`, about 400 bytes): the byte-level codec
/// (`RawCloudEvent(jsonBytes:)`, `jsonBytes()`) against the Foundation path (`ContractsJSON`). The event is the one
/// `dmctl bench events` publishes.
enum CloudEventBenchmarks {
    static let event = RawCloudEvent(
        id: "0b7c3f5e-2a4d-4c8e-9f1a-6d5e4c3b2a19", source: "dm-session", type: "dm.session.command.completed",
        time: Date(timeIntervalSince1970: 1_772_366_400.25), subject: "IMEI:356938035643809", sequence: 42,
        data: JSONValue.object([
            "device": .string("IMEI:356938035643809"), "commandId": .string("7f3a9c1e-5b2d-4e8f-9a6c-1d2e3f4a5b6c"),
            "status": .integer(200), "uri": .string("./DevDetail/FwV"), "value": .string("2.1.0-release"),
        ]))

    static func register() {
        let bytes = event.jsonBytes()
        let data = Data(bytes)
        precondition(bytes == Array(try! ContractsJSON.encode(event)), "the byte codec and JSONEncoder disagree")
        let size = bytes.count

        Benchmark("CloudEvent decode, byte codec (\(size) B)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try RawCloudEvent(jsonBytes: bytes)) }
        }
        Benchmark("CloudEvent decode, Foundation JSONDecoder (\(size) B)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ContractsJSON.decode(RawCloudEvent.self, from: data)) }
        }
        Benchmark("CloudEvent encode, byte codec (\(size) B)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(event.jsonBytes()) }
        }
        Benchmark("CloudEvent encode, Foundation JSONEncoder (\(size) B)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try ContractsJSON.encode(event)) }
        }
        Benchmark("CloudEvent decode + encode, byte codec (\(size) B)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try RawCloudEvent(jsonBytes: bytes).jsonBytes()) }
        }
        Benchmark("CloudEvent header fields (id, source, type, sequence), byte codec (\(size) B)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try JSONValue.members(["id", "source", "type", "sequence"], ofObjectIn: bytes))
            }
        }
    }
}
