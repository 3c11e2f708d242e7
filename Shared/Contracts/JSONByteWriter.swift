/// Compact JSON output into a byte array, formatted exactly as ``ContractsJSON``'s `JSONEncoder` formats it.
struct JSONByteWriter {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// About how many bytes `value` takes (exact unless strings need escapes or numbers are long).
    static func estimatedCount(of value: JSONValue) -> Int {
        switch value {
        case .null, .bool: return 5
        case .integer, .number: return 20
        case .string(let string): return string.utf8.count + 2
        case .array(let array):
            var count = 2 + array.count
            for element in array { count += estimatedCount(of: element) }
            return count
        case .object(let object):
            var count = 2 + object.count
            for (key, member) in object { count += key.utf8.count + 3 + estimatedCount(of: member) }
            return count
        }
    }

    @inline(__always)
    mutating func writeRaw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeRaw("null")
        case .bool(let flag): flag ? writeRaw("true") : writeRaw("false")
        case .integer(let integer): write(integer)
        case .number(let number): write(number)
        case .string(let string): write(string)
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            var first = true
            for element in array {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object): write(object)
        }
    }

    mutating func write(_ object: [String: JSONValue]) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for (key, value) in object.sorted(by: { Self.precedes($0.key, $1.key) }) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            write(key)
            bytes.append(UInt8(ascii: ":"))
            write(value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// `JSONEncoder`'s `.sortedKeys` order: the UTF-8 bytes, lexicographically.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { a in
            b.utf8.withContiguousStorageIfAvailable { b in
                let common = min(a.count, b.count)
                var position = 0
                while position < common {
                    if a[position] != b[position] { return a[position] < b[position] }
                    position += 1
                }
                return a.count < b.count
            }
        }
        if let fast, let result = fast { return result }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    mutating func write(_ integer: Int64) {
        var magnitude = integer.magnitude
        if integer < 0 { bytes.append(UInt8(ascii: "-")) }
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// `JSONEncoder`'s form: Swift's shortest round-trip `description` without a trailing `.0`; `null` when not
    /// finite.
    mutating func write(_ number: Double) {
        guard number.isFinite else {
            writeRaw("null")
            return
        }
        var text = number.description
        text.withUTF8 { utf8 in
            var count = utf8.count
            if count >= 2, utf8[count - 2] == UInt8(ascii: "."), utf8[count - 1] == UInt8(ascii: "0") { count -= 2 }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[0..<count]))
        }
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { writeString(utf8: $0) }
    }

    /// A quoted string with `JSONEncoder`'s escapes: `\"`, `\\`, `\b \f \n \r \t`, `\u00XX` (lowercase hex) for
    /// the other control characters; `/` and everything else as is.
    mutating func writeString(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var mark = 0
        var position = 0
        while position < utf8.count {
            // Eight bytes at a time while none needs an escape (the usual case).
            if position + 8 <= utf8.count, !Self.needsEscape(UnsafeRawPointer(utf8.baseAddress! + position)) {
                position += 8
                continue
            }
            let byte = utf8[position]
            position += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            let position = position - 1
            if mark < position { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<position])) }
            mark = position + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                let hex: StaticString = "0123456789abcdef"
                writeRaw("u00")
                bytes.append(hex.utf8Start[Int(byte >> 4)])
                bytes.append(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        if mark < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<utf8.count])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the 8 bytes at `pointer` is a control character, `"` or `\` (SWAR: exact for the chunk, not
    /// per byte).
    @inline(__always)
    static func needsEscape(_ pointer: UnsafeRawPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let word = UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
        // A byte below 0x20; a byte equal to `"`; a byte equal to `\` (each: a zero byte after the xor).
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let zero = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highs
        return control | zero != 0
    }
}
