public import Foundation

/// The one JSON configuration every producer and consumer of bus messages uses.
///
/// Keys are sorted and slashes are not escaped, so the same message always has the same bytes; `Date` values
/// (in any payload) are RFC 3339 strings as ``RFC3339`` writes and reads them. Output is compact: one message,
/// one line.
///
/// ```swift
/// let bytes = try ContractsJSON.encode(CloudEvent(BusPublisherStarted.sample, source: "dm-session-1", sequence: 1))
/// let event = try ContractsJSON.decode(CloudEvent<BusPublisherStarted>.self, from: bytes)
/// ```
public enum ContractsJSON {
    /// A new encoder with the bus configuration (encoders are not shared between threads).
    /// - Returns: the encoder.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(from: date))
        }
        return encoder
    }

    /// A new decoder with the bus configuration.
    /// - Returns: the decoder.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not an RFC 3339 date-time")
            }
            return date
        }
        return decoder
    }

    /// Encodes `value` as compact, key-sorted UTF-8 JSON.
    ///
    /// The bytes are those of ``makeEncoder()``'s `JSONEncoder`; most values are written without it (by an encoder
    /// of this module that writes the same bytes), the rest by it (see ``encodeBytes(_:)``).
    /// - Parameter value: the message or value.
    /// - Returns: the JSON bytes.
    /// - Throws: `EncodingError`.
    public static func encode(_ value: some Encodable) throws -> Data {
        if let bytes = try fastBytes(value) { return Data(bytes) }
        return try makeEncoder().encode(value)
    }

    /// Encodes `value` as ``encode(_:)`` does, into a byte array (no `Data` in between), for hot paths.
    ///
    /// ```swift
    /// let frames = [Array(event.type.utf8), try ContractsJSON.encodeBytes(event)]
    /// ```
    /// - Parameter value: the message or value.
    /// - Returns: the JSON bytes, the same as ``encode(_:)``'s.
    /// - Throws: `EncodingError`.
    public static func encodeBytes(_ value: some Encodable) throws -> [UInt8] {
        if let bytes = try fastBytes(value) { return bytes }
        return Array(try makeEncoder().encode(value))
    }

    /// The JSON of `value` written without `JSONEncoder` (by ``JSONValueEncoder``); nil when the value holds
    /// something only `JSONEncoder` is sure to write right, and the caller must use it.
    /// - Parameter value: the message or value.
    /// - Returns: the JSON bytes, or nil.
    /// - Throws: what `JSONEncoder` would throw for the value (`EncodingError`, or the value's own error).
    static func fastBytes(_ value: some Encodable) throws -> [UInt8]? {
        do {
            return try JSONValueEncoder.encodeBytes(value)
        } catch is JSONValueEncoder.NeedsFoundation {
            return nil
        }
    }

    /// Decodes a value of `type` from UTF-8 JSON.
    /// - Parameters:
    ///   - type: the type to read.
    ///   - data: the JSON bytes.
    /// - Returns: the value.
    /// - Throws: `DecodingError`, naming the attribute that is missing or wrong.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try makeDecoder().decode(type, from: data)
    }
}
