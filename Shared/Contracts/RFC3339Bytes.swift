internal import Foundation

/// RFC 3339 timestamps written straight into a byte buffer, for the JSON fast paths.
extension RFC3339 {
    /// Appends the UTF-8 bytes of ``string(from:)`` (no quotes) to `bytes`, without building a `String`: UTC,
    /// millisecond precision (rounded to the nearest millisecond), instants outside years 0001...9999 clamped to
    /// those bounds.
    /// - Parameters:
    ///   - date: the instant.
    ///   - bytes: where to append.
    static func appendUTF8(of date: Date, to bytes: inout [UInt8]) {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.isFinite, abs(milliseconds) < 253_402_300_800_000 else {
            let bound: StaticString = milliseconds < 0 ? "0001-01-01T00:00:00.000Z" : "9999-12-31T23:59:59.999Z"
            bytes.append(contentsOf: UnsafeBufferPointer(start: bound.utf8Start, count: bound.utf8CodeUnitCount))
            return
        }
        let total = Int64(milliseconds)
        let (seconds, millisecond) = floorDivide(total, 1000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civil(fromDays: days)
        appendPadded(year, 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(month, 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(day, 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendPadded(secondOfDay / 3600, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(secondOfDay % 3600 / 60, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(secondOfDay % 60, 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendPadded(millisecond, 3, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// `String(value)` left-padded with zeros to `width` characters (a sign counts as one).
    private static func appendPadded(_ value: Int64, _ width: Int, to bytes: inout [UInt8]) {
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
        }
        let length = count + (value < 0 ? 1 : 0)
        for _ in length..<max(length, width) { bytes.append(UInt8(ascii: "0")) }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        withUnsafeBytes(of: &digits) { buffer in
            for position in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[position]) }
        }
    }
}
