/// A calendar date in the form DM's `date` format uses: ISO 8601 basic `YYYYMMDD` (e.g. `20010711`).
///
/// Parsing also accepts the extended form `YYYY-MM-DD`, which some clients send; ``description`` always
/// writes the basic form. The day is checked against the month, leap years included.
public struct DMDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 0...9999.
    public var year: Int
    /// The month, 1...12.
    public var month: Int
    /// The day of the month, 1...31.
    public var day: Int

    /// Creates a date, checking that it exists.
    /// - Parameters:
    ///   - year: 0...9999.
    ///   - month: 1...12.
    ///   - day: 1...the length of the month.
    /// - Throws: ``NodeValueError`` for a date that does not exist.
    public init(year: Int, month: Int, day: Int) throws(NodeValueError) {
        let text = "\(year)-\(month)-\(day)"
        guard (0...9999).contains(year) else { throw NodeValueError(format: .date, "year out of range", value: text) }
        guard (1...12).contains(month) else { throw NodeValueError(format: .date, "month out of range", value: text) }
        guard (1...DMDate.daysIn(month: month, year: year)).contains(day) else {
            throw NodeValueError(format: .date, "day out of range for the month", value: text)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYYMMDD` (or `YYYY-MM-DD`).
    /// - Parameter text: the value.
    /// - Throws: ``NodeValueError``.
    public init(parsing text: String) throws(NodeValueError) {
        let utf8 = Array(text.utf8)
        let fields: [Int]?
        switch utf8.count {
        case 8: fields = decimalFields(utf8, [0..<4, 4..<6, 6..<8])
        case 10 where utf8[4] == UInt8(ascii: "-") && utf8[7] == UInt8(ascii: "-"):
            fields = decimalFields(utf8, [0..<4, 5..<7, 8..<10])
        default: fields = nil
        }
        guard let fields else {
            throw NodeValueError(format: .date, "expected an ISO 8601 date YYYYMMDD", value: text)
        }
        do {
            try self.init(year: fields[0], month: fields[1], day: fields[2])
        } catch {
            throw NodeValueError(format: .date, error.message, value: text)
        }
    }

    /// The basic form `YYYYMMDD`.
    public var description: String { pad(year, 4) + pad(month, 2) + pad(day, 2) }

    /// Chronological order.
    public static func < (lhs: DMDate, rhs: DMDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// The decimal values of the given byte ranges, or nil when one holds a non-digit.
func decimalFields(_ utf8: [UInt8], _ ranges: [Range<Int>]) -> [Int]? {
    var values: [Int] = []
    for range in ranges {
        guard range.upperBound <= utf8.count else { return nil }
        var value = 0
        for byte in utf8[range] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        values.append(value)
    }
    return values
}

/// `value` in decimal, zero-padded to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
