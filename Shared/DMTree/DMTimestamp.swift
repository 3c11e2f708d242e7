/// A date and time as the `TStamp` property carries it: ISO 8601 basic `YYYYMMDDThhmmss` with an optional `Z`
/// or offset, e.g. `20010711T163817Z`.
public struct DMTimestamp: Sendable, Hashable, CustomStringConvertible {
    /// The date.
    public var date: DMDate
    /// The time of day, with its zone.
    public var time: DMTime

    /// Creates a timestamp.
    /// - Parameters:
    ///   - date: the date.
    ///   - time: the time.
    public init(date: DMDate, time: DMTime) {
        self.date = date
        self.time = time
    }

    /// Parses `<date>T<time>` where each part follows ``DMDate`` and ``DMTime``.
    /// - Parameter text: the value.
    /// - Throws: ``NodeValueError``.
    public init(parsing text: String) throws(NodeValueError) {
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" }) else {
            throw NodeValueError(format: nil, "expected an ISO 8601 timestamp YYYYMMDDThhmmss", value: text)
        }
        do {
            date = try DMDate(parsing: String(text[..<separator]))
            time = try DMTime(parsing: String(text[text.index(after: separator)...]))
        } catch {
            throw NodeValueError(format: nil, "timestamp: \(error.message)", value: text)
        }
    }

    /// The basic form, e.g. `20010711T163817Z`.
    public var description: String { "\(date)T\(time)" }
}
