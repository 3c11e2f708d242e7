/// A time of day in the form DM's `time` format uses: ISO 8601 basic `hhmmss`, local time, or with `Z` for UTC
/// or a `+hhmm`/`-hhmm` (or `±hh`) offset: `113000`, `113000Z`, `113000+0100`.
///
/// Parsing also accepts the extended form `hh:mm:ss` (with `±hh:mm` offsets); ``description`` writes the basic
/// form. Seconds may be 60 (a leap second); hour 24 is refused.
public struct DMTime: Sendable, Hashable, CustomStringConvertible {
    /// Where the time is measured.
    public enum Zone: Sendable, Hashable {
        /// Device-local time (no designator).
        case local
        /// UTC (`Z`).
        case utc
        /// A fixed offset from UTC, in minutes (east positive).
        case offset(minutes: Int)
    }

    /// 0...23.
    public var hour: Int
    /// 0...59.
    public var minute: Int
    /// 0...60.
    public var second: Int
    /// The zone.
    public var zone: Zone

    /// Creates a time, checking the ranges.
    /// - Parameters:
    ///   - hour: 0...23.
    ///   - minute: 0...59.
    ///   - second: 0...60.
    ///   - zone: local (default), UTC or an offset within ±14 hours.
    /// - Throws: ``NodeValueError``.
    public init(hour: Int, minute: Int, second: Int, zone: Zone = .local) throws(NodeValueError) {
        let text = "\(hour):\(minute):\(second)"
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else {
            throw NodeValueError(format: .time, "hour, minute or second out of range", value: text)
        }
        if case .offset(let minutes) = zone, !(-14 * 60...14 * 60).contains(minutes) {
            throw NodeValueError(format: .time, "UTC offset out of range", value: text)
        }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.zone = zone
    }

    /// Parses `hhmmss[Z|±hhmm|±hh]` (or the extended `hh:mm:ss` forms).
    /// - Parameter text: the value.
    /// - Throws: ``NodeValueError``.
    public init(parsing text: String) throws(NodeValueError) {
        let utf8 = Array(text.utf8)
        let extended = utf8.count >= 8 && utf8[2] == UInt8(ascii: ":") && utf8[5] == UInt8(ascii: ":")
        let clockLength = extended ? 8 : 6
        let ranges = extended ? [0..<2, 3..<5, 6..<8] : [0..<2, 2..<4, 4..<6]
        guard utf8.count >= clockLength, let clock = decimalFields(utf8, ranges),
            let zone = DMTime.parseZone(Array(utf8[clockLength...]), extended: extended)
        else {
            throw NodeValueError(
                format: .time, "expected an ISO 8601 time hhmmss with optional Z or ±hhmm", value: text)
        }
        do {
            try self.init(hour: clock[0], minute: clock[1], second: clock[2], zone: zone)
        } catch {
            throw NodeValueError(format: .time, error.message, value: text)
        }
    }

    /// The basic form, e.g. `113000`, `113000Z`, `113000+0130`.
    public var description: String {
        let clock = pad(hour, 2) + pad(minute, 2) + pad(second, 2)
        switch zone {
        case .local: return clock
        case .utc: return clock + "Z"
        case .offset(let minutes):
            let sign = minutes < 0 ? "-" : "+"
            return clock + sign + pad(abs(minutes) / 60, 2) + pad(abs(minutes) % 60, 2)
        }
    }

    private static func parseZone(_ utf8: [UInt8], extended: Bool) -> Zone? {
        guard let first = utf8.first else { return .local }
        if first == UInt8(ascii: "Z") { return utf8.count == 1 ? .utc : nil }
        guard first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else { return nil }
        let sign = first == UInt8(ascii: "-") ? -1 : 1
        let fields: [Int]?
        switch utf8.count {
        case 3: fields = decimalFields(utf8, [1..<3]).map { $0 + [0] }
        case 5 where !extended: fields = decimalFields(utf8, [1..<3, 3..<5])
        case 6 where extended && utf8[3] == UInt8(ascii: ":"): fields = decimalFields(utf8, [1..<3, 4..<6])
        default: fields = nil
        }
        guard let fields, fields[1] < 60 else { return nil }
        return .offset(minutes: sign * (fields[0] * 60 + fields[1]))
    }
}
