internal import Foundation

/// Reading a ``RawCloudEvent`` straight from UTF-8 JSON bytes, without Foundation's `JSONDecoder`.
extension CloudEvent where Payload == JSONValue {
    /// Reads a structured-mode CloudEvents JSON object with the same checks as ``init(from:)`` through
    /// ``ContractsJSON/decode(_:from:)``, in the same order and with the same `DecodingError` cases naming the
    /// attribute: `specversion` "1.0"; `id`, `source`, `type` non-empty strings; `time` RFC 3339;
    /// `datacontenttype` absent, null or JSON; `subject` and `dataschema` strings when present and not null;
    /// `sequence` an integer (as `JSONDecoder` reads `Int64`: `3.0` is 3) of at least 1; `data` present (null is a
    /// value). Other members are ``extensions`` (`data_base64` is ignored); a repeated member keeps its first value.
    ///
    /// Text that is not JSON is `DecodingError.dataCorrupted` with a ``JSONSyntaxError`` as underlying error; this
    /// reader is strict where `JSONDecoder` is lenient (see ``JSONValue/init(jsonBytes:maximumDepth:)``).
    ///
    /// ```swift
    /// let event = try RawCloudEvent(jsonBytes: frames[1])
    /// ```
    /// - Parameter jsonBytes: the event's JSON.
    /// - Throws: `DecodingError`.
    public init(jsonBytes: some Collection<UInt8>) throws {
        var members = RawCloudEventMembers()
        do {
            try JSONValue.withContiguousBytes(jsonBytes) { buffer throws(JSONSyntaxError) in
                var parser = JSONByteParser(buffer, maximumDepth: 512)
                parser.startDocument()
                if parser.index < buffer.count, buffer[parser.index] != UInt8(ascii: "{") {
                    members.topLevelNull = try parser.parseDocument() == .null
                    members.notAnObject = true
                    return
                }
                try parser.forEachMember { parser, key throws(JSONSyntaxError) in try members.read(key, &parser) }
            }
        } catch {
            // Named after the member whose value is wrong, when it is inside one.
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: members.failingKey.map { [CloudEventAttributeKey($0)] } ?? [],
                    debugDescription: "The given data was not valid JSON: \(error)", underlyingError: error))
        }
        if members.topLevelNull {
            throw DecodingError.valueNotFound(
                [String: JSONValue].self, .init(codingPath: [], debugDescription: "Expected a CloudEvent object but found null"))
        }
        if members.notAnObject {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self,
                .init(codingPath: [], debugDescription: "Expected to decode a CloudEvent object but found another JSON value"))
        }
        try self.init(members)
    }

    private init(_ members: RawCloudEventMembers) throws {
        typealias Key = CloudEventAttributeKey
        let version = try members.string(members.specversion, .specversion)
        guard version == Self.specVersion else {
            throw Self.corrupted(
                .specversion, "CloudEvents specversion \"\(version)\" is not supported: the bus speaks \"1.0\"")
        }
        id = try members.nonEmptyString(members.id, .id)
        source = try members.nonEmptyString(members.source, .source)
        type = try members.nonEmptyString(members.type, .type)
        if let time = members.parsedTime {
            self.time = time
        } else {
            let timeText = try members.string(members.time, .time)
            guard let time = RFC3339.date(from: timeText) else {
                throw Self.corrupted(.time, "time \"\(timeText)\" is not an RFC 3339 date-time")
            }
            self.time = time
        }
        datacontenttype = try members.optionalString(members.datacontenttype, .datacontenttype) ?? Self.jsonContentType
        if datacontenttype != Self.jsonContentType {
            let mediaType = datacontenttype.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) }
            guard mediaType?.lowercased() == Self.jsonContentType else {
                throw Self.corrupted(.datacontenttype, "datacontenttype \"\(datacontenttype)\" is not application/json")
            }
        }
        subject = try members.optionalString(members.subject, .subject)
        sequence = try members.integer(members.sequence, .sequence)
        guard sequence >= 1 else { throw Self.corrupted(.sequence, "sequence \(sequence) is below 1") }
        dataschema = try members.optionalString(members.dataschema, .dataschema)
        guard let data = members.data else { throw RawCloudEventMembers.missing(.data) }
        self.data = data
        extensions = members.extensions
    }

    private static func corrupted(_ key: CloudEventAttributeKey, _ description: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [key], debugDescription: description))
    }
}

/// The members of an event object as read, before they are checked.
private struct RawCloudEventMembers {
    var specversion: JSONValue?
    var id: JSONValue?
    var source: JSONValue?
    var type: JSONValue?
    var time: JSONValue?
    /// `time`, read straight from the bytes when it is a valid plain string.
    var parsedTime: Date?
    var datacontenttype: JSONValue?
    var subject: JSONValue?
    var sequence: JSONValue?
    var dataschema: JSONValue?
    var data: JSONValue?
    var extensions: [String: JSONValue] = [:]
    var notAnObject = false
    var topLevelNull = false
    /// The member being read when the text turned out not to be JSON.
    var failingKey: String?

    /// Reads the value of member `key`; a repeated member is checked and skipped.
    mutating func read(_ key: JSONMemberKey, _ parser: inout JSONByteParser) throws(JSONSyntaxError) {
        do throws(JSONSyntaxError) {
            try readValue(key, &parser)
        } catch {
            failingKey = parser.string(of: key)
            throw error
        }
    }

    private mutating func readValue(_ key: JSONMemberKey, _ parser: inout JSONByteParser) throws(JSONSyntaxError) {
        if parser.key(key, is: "data") {
            try Self.first(&data, &parser)
        } else if parser.key(key, is: "id") {
            try Self.first(&id, &parser)
        } else if parser.key(key, is: "source") {
            try Self.first(&source, &parser)
        } else if parser.key(key, is: "type") {
            try Self.first(&type, &parser)
        } else if parser.key(key, is: "time") {
            if time != nil || parsedTime != nil {
                try parser.skipValue()
                return
            }
            let start = parser.index
            if let range = parser.parseSimpleString(),
                let date = RFC3339.date(utf8: UnsafeBufferPointer(rebasing: parser.input[range]))
            {
                parsedTime = date
            } else {
                // Not a plain string that is a date: read it as any value, for the checks and their messages.
                parser.index = start
                time = try parser.parseValue()
            }
        } else if parser.key(key, is: "sequence") {
            // As JSONDecoder reads an Int64: 1e17 is 100000000000000000.
            parser.decimalIntegers = true
            defer { parser.decimalIntegers = false }
            try Self.first(&sequence, &parser)
        } else if parser.key(key, is: "specversion") {
            try Self.first(&specversion, &parser)
        } else if parser.key(key, is: "datacontenttype") {
            if datacontenttype == nil, let range = parser.parseSimpleString() {
                let bytes = UnsafeBufferPointer(rebasing: parser.input[range])
                datacontenttype = .string(
                    bytes.elementsEqual("application/json".utf8)
                        ? "application/json" : String(decoding: bytes, as: UTF8.self))
            } else {
                try Self.first(&datacontenttype, &parser)
            }
        } else if parser.key(key, is: "subject") {
            try Self.first(&subject, &parser)
        } else if parser.key(key, is: "dataschema") {
            try Self.first(&dataschema, &parser)
        } else if parser.key(key, is: "data_base64") {
            try parser.skipValue()
        } else {
            let name = parser.string(of: key)
            if extensions[name] == nil {
                extensions[name] = try parser.parseValue()
            } else {
                try parser.skipValue()
            }
        }
    }

    @inline(__always)
    private static func first(_ slot: inout JSONValue?, _ parser: inout JSONByteParser) throws(JSONSyntaxError) {
        if slot == nil { slot = try parser.parseValue() } else { try parser.skipValue() }
    }

    static func missing(_ key: CloudEventAttributeKey) -> DecodingError {
        .keyNotFound(
            key, .init(codingPath: [], debugDescription: "No value associated with key \"\(key.stringValue)\""))
    }

    static func mismatch(_ type: Any.Type, _ key: CloudEventAttributeKey, _ value: JSONValue) -> DecodingError {
        if case .null = value {
            return .valueNotFound(
                type, .init(codingPath: [key], debugDescription: "Expected \(type) value but found null instead"))
        }
        return .typeMismatch(
            type, .init(codingPath: [key], debugDescription: "Expected to decode \(type) but found another JSON value"))
    }

    func string(_ value: JSONValue?, _ key: CloudEventAttributeKey) throws -> String {
        guard let value else { throw Self.missing(key) }
        guard case .string(let string) = value else { throw Self.mismatch(String.self, key, value) }
        return string
    }

    func nonEmptyString(_ value: JSONValue?, _ key: CloudEventAttributeKey) throws -> String {
        let string = try self.string(value, key)
        guard !string.isEmpty else {
            throw DecodingError.dataCorrupted(.init(codingPath: [key], debugDescription: "\(key.stringValue) is empty"))
        }
        return string
    }

    func optionalString(_ value: JSONValue?, _ key: CloudEventAttributeKey) throws -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let string)?: return string
        case let value?: throw Self.mismatch(String.self, key, value)
        }
    }

    func integer(_ value: JSONValue?, _ key: CloudEventAttributeKey) throws -> Int64 {
        guard let value else { throw Self.missing(key) }
        switch value {
        case .integer(let integer): return integer
        case .number(let number):
            throw DecodingError.dataCorrupted(
                .init(codingPath: [key], debugDescription: "Parsed JSON number <\(number)> does not fit in Int64."))
        default: throw Self.mismatch(Int64.self, key, value)
        }
    }
}
