import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders one log record as one line of logfmt or JSON.
///
/// Fields, in order: `ts` (RFC 3339 UTC with milliseconds), `level`, `label`, `msg`, `error` (when the record
/// carries one), then the metadata sorted by key. Nested metadata dictionaries become dotted keys
/// (`["dm": ["session": "7"]]` is `dm.session=7`); a metadata key that would shadow one of the fixed fields is
/// written as `metadata.<key>`.
struct LogLineFormatter: Sendable {
    let format: LogFormat

    static let reservedKeys: Set<String> = ["ts", "level", "label", "msg", "error"]

    func line(
        timestamp: Date, level: Logger.Level, label: String, message: String, error: (any Error)?,
        metadata: Logger.Metadata
    ) -> String {
        var fields: [(String, Logger.MetadataValue)] = []
        for (key, value) in metadata {
            Self.flatten(key: key, value: value, into: &fields)
        }
        fields.sort { $0.0 < $1.0 }
        let fixed: [(String, String)] =
            [
                ("ts", Self.timestamp(timestamp)), ("level", level.rawValue), ("label", label), ("msg", message),
            ] + (error.map { [("error", String(describing: $0))] } ?? [])
        switch format {
        case .logfmt:
            var parts = fixed.map { "\($0.0)=\(Self.logfmtValue($0.1))" }
            for (key, value) in fields {
                parts.append("\(Self.logfmtKey(Self.unshadowed(key)))=\(Self.logfmtValue(Self.plain(value)))")
            }
            return parts.joined(separator: " ")
        case .json:
            var parts = fixed.map { "\(Self.jsonString($0.0)):\(Self.jsonString($0.1))" }
            for (key, value) in fields {
                parts.append("\(Self.jsonString(Self.unshadowed(key))):\(Self.json(value))")
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }

    // MARK: Metadata

    private static func flatten(
        key: String, value: Logger.MetadataValue, into fields: inout [(String, Logger.MetadataValue)]
    ) {
        if case .dictionary(let nested) = value, !nested.isEmpty {
            for (nestedKey, nestedValue) in nested {
                flatten(key: "\(key).\(nestedKey)", value: nestedValue, into: &fields)
            }
        } else {
            fields.append((key, value))
        }
    }

    private static func unshadowed(_ key: String) -> String {
        reservedKeys.contains(key) ? "metadata.\(key)" : key
    }

    private static func plain(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): "[" + values.map(plain).joined(separator: ",") + "]"
        case .dictionary(let values):
            "{" + values.sorted { $0.key < $1.key }.map { "\($0.key)=\(plain($0.value))" }.joined(separator: ",") + "}"
        }
    }

    private static func json(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string): jsonString(string)
        case .stringConvertible(let convertible): jsonString(convertible.description)
        case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values):
            "{"
                + values.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):\(json($0.value))" }
                .joined(separator: ",") + "}"
        }
    }

    // MARK: logfmt

    private static func logfmtKey(_ key: String) -> String {
        guard !key.isEmpty else { return "_" }
        return String(
            String.UnicodeScalarView(
                key.unicodeScalars.map { scalar in
                    scalar == " " || scalar == "=" || scalar == "\"" || scalar.value < 0x20 || scalar.value == 0x7F
                        ? "_" : scalar
                }))
    }

    private static func logfmtValue(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty
            || value.unicodeScalars.contains {
                $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F
            }
        guard needsQuotes else { return value }
        return "\"" + escaped(value) + "\""
    }

    // MARK: JSON

    static func jsonString(_ value: String) -> String {
        "\"" + escaped(value) + "\""
    }

    /// Backslash escapes shared by quoted logfmt values and JSON strings.
    private static func escaped(_ value: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u" + hex4(scalar.value)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: Time

    /// `2025-11-23T13:41:00.123Z`.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        var seconds = time_t(Int64((milliseconds / 1000).rounded(.down)))
        let millis = Int(milliseconds - Double(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
            + "T\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
            + ".\(pad(millis, 3))Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
