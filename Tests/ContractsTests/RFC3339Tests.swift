import Contracts
import Foundation
import Testing

@Suite struct RFC3339Tests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_772_366_400.25, "2026-03-01T12:00:00.250Z"),
        (951_782_400.999_6, "2000-02-29T00:00:01.000Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
        (253_402_300_799.0, "9999-12-31T23:59:59.000Z"),
    ])
    func formatsUTCWithMilliseconds(seconds: Double, text: String) {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test(arguments: [
        ("2026-03-01T12:00:00Z", 1_772_366_400.0),
        ("2026-03-01T12:00:00.250Z", 1_772_366_400.25),
        ("2026-03-01T12:00:00.25Z", 1_772_366_400.25),
        ("2026-03-01T12:00:00.250000Z", 1_772_366_400.25),
        ("2026-03-01T12:00:00.250000000Z", 1_772_366_400.25),
        ("2026-03-01t12:00:00z", 1_772_366_400.0),
        ("2026-03-01T13:30:00+01:30", 1_772_366_400.0),
        ("2026-03-01T07:00:00.5-05:00", 1_772_366_400.5),
        ("2016-12-31T23:59:60Z", 1_483_228_800.0),
        ("2000-02-29T00:00:00Z", 951_782_400.0),
        ("1969-12-31T23:59:59.5Z", -0.5),
    ])
    func parsesWithAndWithoutFractions(text: String, seconds: Double) throws {
        let date = try #require(RFC3339.date(from: text))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "", "2026-03-01", "2026-03-01T12:00:00", "2026-03-01 12:00:00Z", "2026-3-01T12:00:00Z",
        "2026-13-01T12:00:00Z", "2026-02-29T12:00:00Z", "2026-03-01T24:00:00Z", "2026-03-01T12:60:00Z",
        "2026-03-01T12:00:61Z", "2026-03-01T12:00:00.Z", "2026-03-01T12:00:00+0100", "2026-03-01T12:00:00+24:00",
        "2026-03-01T12:00:00Zjunk", "1900-02-29T00:00:00Z",
    ])
    func refusesWhatIsNotADateTime(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    /// The text, computed another way: Foundation's Gregorian calendar in UTC (proleptic from 1583 on only).
    static func referenceText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let millisecond = ((milliseconds % 1000) + 1000) % 1000
        let second = Date(timeIntervalSince1970: Double((milliseconds - millisecond) / 1000))
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: second)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.year!, parts.month!, parts.day!, parts.hour!,
            parts.minute!, parts.second!, Int(millisecond))
    }

    @Test func formatsAsTheGregorianCalendarDoes() {
        var random = SeededGenerator(seed: 0x3339)
        // 1583-01-01 to 9999-12-31, and around 1970.
        let earliest = -12_212_553_600.0, latest = 253_402_300_799.0
        for round in 0..<5000 {
            let seconds = round % 2 == 0
                ? Double.random(in: earliest...latest, using: &random)
                : Double(Int64.random(in: -200_000_000_000...200_000_000_000, using: &random)) / 1000
            let date = Date(timeIntervalSince1970: seconds)
            #expect(RFC3339.string(from: date) == Self.referenceText(date), "\(seconds)")
        }
    }

    @Test(arguments: [
        (-62_135_596_800.0, "0001-01-01T00:00:00.000Z"), (-1e300, "0001-01-01T00:00:00.000Z"), (253_402_300_799.999, "9999-12-31T23:59:59.999Z"),
        (253_402_300_800.0, "9999-12-31T23:59:59.999Z"), (.infinity, "9999-12-31T23:59:59.999Z"),
        (-0.0004, "1970-01-01T00:00:00.000Z"), (-0.0006, "1969-12-31T23:59:59.999Z"),
    ])
    func formatsTheBoundsAndClampsBeyondThem(seconds: Double, text: String) {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func roundTripsMillisecondInstants() throws {
        for milliseconds in stride(from: Int64(-86_400_000), to: 4_102_444_800_000, by: 7_777_777_777) {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let parsed = try #require(RFC3339.date(from: RFC3339.string(from: date)))
            #expect(abs(parsed.timeIntervalSince(date)) < 0.000_001, "\(milliseconds)")
        }
    }

    @Test func payloadDatesUseTheSameFormat() throws {
        struct Stamp: Codable, Equatable { var at: Date }
        let stamp = Stamp(at: Date(timeIntervalSince1970: 1_772_366_400.25))
        let json = try ContractsJSON.encode(stamp)
        #expect(String(decoding: json, as: UTF8.self) == #"{"at":"2026-03-01T12:00:00.250Z"}"#)
        #expect(try ContractsJSON.decode(Stamp.self, from: json) == stamp)
        #expect(
            try ContractsJSON.decode(Stamp.self, from: Data(#"{"at":"2026-03-01T12:00:00.25+00:00"}"#.utf8)) == stamp)
        #expect(throws: DecodingError.self) {
            try ContractsJSON.decode(Stamp.self, from: Data(#"{"at":"yesterday"}"#.utf8))
        }
    }
}
