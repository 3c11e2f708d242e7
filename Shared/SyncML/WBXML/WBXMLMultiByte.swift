/// Writes WBXML `mb_u_int32` values: 7 bits per byte, most significant group first, the high bit set on
/// every byte but the last (0x1201 becomes `A4 01`). Reading lives in ``WBXMLByteReader``.
enum WBXMLMultiByte {
    /// Appends the shortest encoding of `value` to `bytes`.
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        var shift: UInt32 = 28
        // Skip leading zero groups; the last group is always written.
        while shift > 0 && value >> shift == 0 { shift -= 7 }
        while shift > 0 {
            bytes.append(UInt8(truncatingIfNeeded: value >> shift) & 0x7F | 0x80)
            shift -= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value) & 0x7F)
    }

    /// The encoding of `value` as a new array.
    static func encode(_ value: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return bytes
    }
}
