internal import Contracts
internal import Foundation
internal import Contracts

/// The few envelope fields reliable messaging needs to read: event `id`/`source`/`sequence`, command `id`.
/// The full envelopes are the integrators' contract (Contracts, docs/asyncapi.yaml); this layer only routes,
/// deduplicates and orders them.
///
/// They are read with Contracts' byte-level JSON reader (``JSONValue/members(_:ofObjectIn:maximumDepth:)``), which
/// checks the whole payload but builds only these members, with the types `JSONDecoder` would require: strings,
/// and `sequence` an integer (`3.0` is 3, as `JSONDecoder` reads `Int64`). Unlike `JSONDecoder` it refuses trailing
/// commas.
struct EventFields {
    var id: String
    var source: String
    var type: String
    var sequence: Int64

    static func decode(_ payload: [UInt8]) -> EventFields? {
        guard let members = try? JSONValue.members(["id", "source", "type", "sequence"], ofObjectIn: payload),
            case .string(let id)? = members[0], case .string(let source)? = members[1],
            case .string(let type)? = members[2], case .integer(let sequence)? = members[3]
        else { return nil }
        return EventFields(id: id, source: source, type: type, sequence: sequence)
    }
}

/// The `id` of a command request, ack or result.
struct CommandID {
    var id: String

    static func decode(_ payload: [UInt8]) -> String? {
        guard let members = try? JSONValue.members(["id"], ofObjectIn: payload), case .string(let id)? = members[0]
        else { return nil }
        return id
    }
}

/// The header fields of a command request: its `id` and, when present, its `source`.
struct CommandHeader {
    var id: String
    var source: String?

    static func decode(_ payload: [UInt8]) -> CommandHeader? {
        guard let members = try? JSONValue.members(["id", "source"], ofObjectIn: payload),
            case .string(let id)? = members[0]
        else { return nil }
        switch members[1] {
        case nil, .null?: return CommandHeader(id: id, source: nil)
        case .string(let source)?: return CommandHeader(id: id, source: source)
        default: return nil
        }
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
