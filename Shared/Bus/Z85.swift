import CZeroMQ

/// Z85 text of 32-byte CurveZMQ keys (ZeroMQ RFC 32), through libzmq's own encoder and decoder.
enum Z85 {
    /// The 32 key bytes of a 40-character Z85 key.
    /// - Throws: ``BusError/invalidKey`` for anything else.
    static func decodeKey(_ text: String) throws(BusError) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count == 40 else {
            throw BusError.invalidKey(message: "a Z85 key has 40 characters, got \(utf8.count)")
        }
        var key = [UInt8](repeating: 0, count: 32)
        let decoded = key.withUnsafeMutableBufferPointer { buffer in
            zmq_z85_decode(buffer.baseAddress, text) != nil
        }
        guard decoded else { throw BusError.invalidKey(message: "not a Z85 key") }
        return key
    }

    /// The 40-character Z85 text of a 32-byte key.
    static func encodeKey(_ key: [UInt8]) -> String? {
        guard key.count == 32 else { return nil }
        var text = [CChar](repeating: 0, count: 41)
        let encoded = key.withUnsafeBufferPointer { zmq_z85_encode(&text, $0.baseAddress, 32) != nil }
        return encoded ? string(text) : nil
    }

    /// The text of a NUL-terminated C buffer.
    static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
