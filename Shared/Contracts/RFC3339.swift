public import Foundation

/// RFC 3339 timestamps as the bus carries them.
///
/// Producers write UTC with exactly three fractional digits, e.g. `2026-03-01T12:00:00.250Z`. Readers accept any
/// RFC 3339 `date-time`: with or without a fraction (any number of digits), `Z`/`z` or a numeric offset
/// (`+02:00`), `T` or `t` as the separator. Leap second 60 is read as the first instant of the next minute.
///
/// ```swift
/// let text = RFC3339.string(from: Date(timeIntervalSince1970: 0.25))  // "1970-01-01T00:00:00.250Z"
/// let date = RFC3339.date(from: "1970-01-01T02:00:00+02:00")          // 1970-01-01T00:00:00Z
/// ```
public enum RFC3339 {
    /// Formats `date` in UTC with millisecond precision (rounded to the nearest millisecond).
    /// - Parameter date: the instant.
    /// - Returns: e.g. `2026-03-01T12:00:00.250Z`.
    public static func string(from date: Date) -> String {
        // Through the bytes: a few times faster than joining padded strings, and the same text.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendUTF8(of: date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses an RFC 3339 `date-time`.
    /// - Parameter text: the timestamp.
    /// - Returns: the instant, or nil when `text` is not an RFC 3339 date-time.
    public static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { date(utf8: $0) }
    }

    /// Parses an RFC 3339 `date-time` from its UTF-8 bytes.
    /// - Parameter utf8: the timestamp's bytes.
    /// - Returns: the instant, or nil when the bytes are not an RFC 3339 date-time.
    static func date(utf8: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = Scanner(utf8)
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
            let day = scanner.digits(2), scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")),
            let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
            let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
            let second = scanner.digits(2)
        else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24,
            minute < 60, second <= 60
        else { return nil }
        var fraction = 0.0
        if scanner.take(UInt8(ascii: ".")) {
            // Digits past the 18th are below an attosecond: read, checked, and ignored.
            var numerator: Int64 = 0, denominator: Int64 = 1, count = 0
            while let digit = scanner.digit() {
                if count < 18 {
                    numerator = numerator * 10 + digit
                    denominator *= 10
                }
                count += 1
            }
            guard count > 0 else { return nil }
            fraction = Double(numerator) / Double(denominator)
        }
        var offsetSeconds: Int64 = 0
        if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
            offsetSeconds = 0
        } else if let sign = scanner.sign(), let offsetHour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
            let offsetMinute = scanner.digits(2), offsetHour < 24, offsetMinute < 60
        {
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        } else {
            return nil
        }
        guard scanner.atEnd else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, days since 1970-01-01)

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    /// A cursor over the timestamp's bytes.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int64? {
            guard index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else {
                return nil
            }
            index += 1
            return Int64(bytes[index - 1] - UInt8(ascii: "0"))
        }

        mutating func digits(_ count: Int) -> Int64? {
            var value: Int64 = 0
            for _ in 0..<count {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        mutating func sign() -> Int64? {
            if take(UInt8(ascii: "+")) { return 1 }
            if take(UInt8(ascii: "-")) { return -1 }
            return nil
        }
    }
}
