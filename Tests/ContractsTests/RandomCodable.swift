import Contracts
import Foundation

/// Random values of synthesized-`Codable` types, for cross-checking the fast encoder against `JSONEncoder`: nested
/// structs, optionals nil and present, arrays, dictionaries with `String`, `Int` and enum keys, dates, `Data`,
/// URLs, doubles, integers of every width at their bounds, strings with escapes, enums with raw values and with
/// associated values. No `Float`, `Decimal` or `UInt64` above `Int64.max`: those have tests of their own.
enum RandomCodable {
    /// A `String`-backed enum; usable as a dictionary key (`CodingKeyRepresentable`), so it writes an object.
    enum Color: String, Codable, Sendable, CaseIterable, CodingKeyRepresentable {
        case red, green
        case blue = "bl/ue \"b\""
    }

    /// An `Int`-backed enum, not `CodingKeyRepresentable`: a dictionary keyed by it is written as an array of
    /// keys and values.
    enum Level: Int, Codable, Sendable, CaseIterable {
        case low = -1, zero = 0, high = 7
    }

    /// Associated values, labelled and not, and a case without any.
    indirect enum Shape: Codable, Sendable {
        case circle(radius: Double)
        case rect(Double, Double)
        case named(String, tag: Int?)
        case empty
        case nested(Shape?, [Shape])
    }

    struct Inner: Codable, Sendable {
        var id: Int64
        var label: String?
        var at: Date?
        var color: Color?
        var bytes: [UInt8]
    }

    struct Node: Codable, Sendable {
        var name: String
        var count: Int
        var small: Int8
        var medium: Int16
        var wide: Int32
        var wider: Int64
        var u8: UInt8
        var u16: UInt16
        var u32: UInt32
        var big: UInt64
        var ubig: UInt
        var ratio: Double
        var maybeRatio: Double?
        var flag: Bool
        var maybeFlag: Bool?
        var note: String?
        var when: Date
        var maybeWhen: Date?
        var blob: Data
        var maybeBlob: Data?
        var link: URL?
        var color: Color
        var level: Level?
        var shape: Shape?
        var tags: [String]
        var scores: [Double]
        var ids: [Int]
        var maybes: [Int?]
        var byName: [String: Int]
        var byNumber: [Int: String]
        var byColor: [Color: Bool]
        var byLevel: [Level: String]
        var inner: Inner
        var inners: [Inner]?
        var children: [Node]
        var extra: JSONValue?
        var grid: [[Double?]]
        var dates: [String: Date]
        var doubleOptional: Int??
    }

    static func int<T: FixedWidthInteger>(_ type: T.Type, _ random: inout SeededGenerator) -> T {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return [T.min, T.max, 0, 1].randomElement(using: &random)!
        case 1: return T.random(in: T.min...T.max, using: &random)
        default: return T(truncatingIfNeeded: Int.random(in: -100...100, using: &random))
        }
    }

    /// Instants across the calendar: RFC 3339's bounds (clamped beyond), before 1970, sub-millisecond fractions.
    static func date(_ random: inout SeededGenerator) -> Date {
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            return [Date.distantPast, .distantFuture, Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005),
                Date(timeIntervalSince1970: 253_402_300_799.999), Date(timeIntervalSince1970: -62_135_596_800),
                ContractsCatalog.sampleTime].randomElement(using: &random)!
        case 1: return Date(timeIntervalSince1970: Double.random(in: -1e11...1e11, using: &random))
        case 2: return Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_102_444_800_000, using: &random)) / 1000)
        default: return Date(timeIntervalSince1970: Double.random(in: 1.7e9...1.8e9, using: &random))
        }
    }

    static func data(_ random: inout SeededGenerator) -> Data {
        Data((0..<Int.random(in: 0...20, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
    }

    static let urls: [URL] = [
        URL(string: "https://example.com/a/b?c=d&e=%20f#frag")!, URL(string: "file:///tmp/x%20y")!,
        URL(string: "b/c?q", relativeTo: URL(string: "http://host:8080/a/")!)!, URL(string: "urn:dm:1")!,
        URL(fileURLWithPath: "/var/lib/dm/é"),
    ]

    static func optional<T>(_ random: inout SeededGenerator, _ make: (inout SeededGenerator) -> T) -> T? {
        Bool.random(using: &random) ? make(&random) : nil
    }

    static func array<T>(_ random: inout SeededGenerator, max: Int = 4, _ make: (inout SeededGenerator) -> T) -> [T] {
        (0..<Int.random(in: 0...max, using: &random)).map { _ in make(&random) }
    }

    static func shape(_ random: inout SeededGenerator, depth: Int = 0) -> Shape {
        switch Int.random(in: 0..<(depth > 2 ? 4 : 5), using: &random) {
        case 0: return .circle(radius: RandomJSON.double(&random))
        case 1: return .rect(RandomJSON.double(&random), RandomJSON.double(&random))
        case 2: return .named(RandomJSON.string(&random), tag: optional(&random) { int(Int.self, &$0) })
        case 3: return .empty
        default:
            return .nested(
                optional(&random) { shape(&$0, depth: depth + 1) }, array(&random, max: 2) { shape(&$0, depth: depth + 1) })
        }
    }

    static func inner(_ random: inout SeededGenerator) -> Inner {
        Inner(
            id: RandomJSON.integer(&random), label: optional(&random) { RandomJSON.string(&$0) },
            at: optional(&random) { date(&$0) }, color: optional(&random) { Color.allCases.randomElement(using: &$0)! },
            bytes: array(&random) { int(UInt8.self, &$0) })
    }

    static func node(_ random: inout SeededGenerator, depth: Int = 0) -> Node {
        Node(
            name: RandomJSON.string(&random), count: int(Int.self, &random), small: int(Int8.self, &random),
            medium: int(Int16.self, &random), wide: int(Int32.self, &random), wider: RandomJSON.integer(&random),
            u8: int(UInt8.self, &random), u16: int(UInt16.self, &random), u32: int(UInt32.self, &random),
            big: UInt64(int(Int64.self, &random).magnitude & UInt64(Int64.max)),
            ubig: [0, 1, UInt(Int64.max), UInt.random(in: 0...UInt(Int64.max), using: &random)]
                .randomElement(using: &random)!,
            ratio: RandomJSON.double(&random), maybeRatio: optional(&random) { RandomJSON.double(&$0) },
            flag: Bool.random(using: &random), maybeFlag: optional(&random) { Bool.random(using: &$0) },
            note: optional(&random) { RandomJSON.string(&$0, maxLength: 30) },
            when: date(&random), maybeWhen: optional(&random) { date(&$0) },
            blob: data(&random), maybeBlob: optional(&random) { data(&$0) },
            link: optional(&random) { urls.randomElement(using: &$0)! },
            color: Color.allCases.randomElement(using: &random)!,
            level: optional(&random) { Level.allCases.randomElement(using: &$0)! },
            shape: optional(&random) { shape(&$0) },
            tags: array(&random) { RandomJSON.string(&$0) }, scores: array(&random) { RandomJSON.double(&$0) },
            ids: array(&random) { int(Int.self, &$0) }, maybes: array(&random) { optional(&$0) { int(Int.self, &$0) } },
            byName: Dictionary(
                array(&random) { (RandomJSON.string(&$0, maxLength: 6), int(Int.self, &$0)) },
                uniquingKeysWith: { first, _ in first }),
            byNumber: Dictionary(
                array(&random) { (int(Int.self, &$0), RandomJSON.string(&$0)) }, uniquingKeysWith: { first, _ in first }),
            byColor: Dictionary(
                array(&random) { (Color.allCases.randomElement(using: &$0)!, Bool.random(using: &$0)) },
                uniquingKeysWith: { first, _ in first }),
            byLevel: Dictionary(
                array(&random) { (Level.allCases.randomElement(using: &$0)!, RandomJSON.string(&$0)) },
                uniquingKeysWith: { first, _ in first }),
            inner: inner(&random), inners: optional(&random) { array(&$0) { inner(&$0) } },
            children: depth >= 2 ? [] : array(&random, max: 2) { node(&$0, depth: depth + 1) },
            extra: optional(&random) { RandomJSON.value(&$0) },
            grid: array(&random, max: 3) { array(&$0, max: 3) { optional(&$0) { RandomJSON.double(&$0) } } },
            dates: Dictionary(
                array(&random) { (RandomJSON.string(&$0, maxLength: 4), date(&$0)) }, uniquingKeysWith: { first, _ in first }),
            doubleOptional: [nil, .some(nil), .some(int(Int.self, &random))].randomElement(using: &random)!)
    }
}
