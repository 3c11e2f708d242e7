internal import Foundation
internal import Contracts

/// The few envelope fields reliable messaging needs to read: event `id`/`source`/`sequence`, command `id`.
/// The full envelopes are the integrators' contract (Contracts, docs/asyncapi.yaml); this layer only routes,
/// deduplicates and orders them.
struct EventFields: Decodable {
    var id: String
    var source: String
    var type: String
    var sequence: Int64

    static func decode(_ payload: [UInt8]) -> EventFields? {
        try? JSONDecoder().decode(EventFields.self, from: Data(payload))
    }
}

/// The `id` of a command request, ack or result.
struct CommandID: Decodable {
    var id: String

    static func decode(_ payload: [UInt8]) -> String? {
        (try? JSONDecoder().decode(CommandID.self, from: Data(payload)))?.id
    }
}

/// The header fields of a command request: its `id` and, when present, its `source`.
struct CommandHeader: Decodable {
    var id: String
    var source: String?

    static func decode(_ payload: [UInt8]) -> CommandHeader? {
        try? JSONDecoder().decode(CommandHeader.self, from: Data(payload))
    }
}

/// JSON text for a string value (quoted and escaped).
func jsonString(_ value: String) -> String {
    let encoded = (try? JSONEncoder().encode(value)) ?? Data("\"\"".utf8)
    return String(decoding: encoded, as: UTF8.self)
}

/// The reply kinds of the command protocol (docs/bus.md).
enum ReplyKind {
    static let ack = Array("ack".utf8)
    static let result = Array("result".utf8)
}

/// The request envelope of docs/bus.md: `{"id", "name", "source", "time", "data"}`, `data` being JSON text.
func commandEnvelope(id: String, name: String, source: String, data: String) -> String {
    let time = RFC3339.string(from: Date())
    return #"{"id":\#(jsonString(id)),"name":\#(jsonString(name)),"source":\#(jsonString(source)),"time":\#(jsonString(time)),"data":\#(data)}"#
}
