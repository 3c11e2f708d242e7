/// Hexadecimal text for bytes, as logs, JSON reports and the command line show them.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex with no separators: `[0x0B, 0x84]` gives `0b84`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Bytes from hex text in either case; spaces, tabs, newlines and colons may stand between byte pairs.
    /// Nil when the text is not hex or a pair is split.
    public static func decode(_ text: String) -> [UInt8]? {
        var result: [UInt8] = []
        var high: UInt8?
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == ":" {
                guard high == nil else { return nil }
                continue
            }
            guard let nibble = value(scalar) else { return nil }
            if let pending = high {
                result.append(pending << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return high == nil ? result : nil
    }

    private static func value(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: UInt8(scalar.value - 0x30)
        case 0x41...0x46: UInt8(scalar.value - 0x41 + 10)
        case 0x61...0x66: UInt8(scalar.value - 0x61 + 10)
        default: nil
        }
    }
}
