internal import XMLStream

/// An install-notify report as a device POSTed it: a status code and whatever phrase followed.
///
/// Parsing follows `^\s*(\d{3})`: leading whitespace is skipped and the first three digits are the code, whatever
/// follows them. Bodies seen in the wild all parse: Chromium's `"900 Success \n\r"`, lower-case phrases
/// (`901 insufficient memory`), a bare `900`, and vendor codes (`461 Blocked by AFW Policy`, kept with
/// ``InstallNotifyStatus/isKnown`` false). A body that starts with `<` is read as XML (a DL 2.0 report format
/// that could not be confirmed) and its first text that starts with three digits is taken.
///
/// ```swift
/// let report = try InstallNotifyReport.parse(Array("900 Success \n\r".utf8))
/// report.status == .success   // true
/// report.phrase               // "Success"
/// ```
public struct InstallNotifyReport: Sendable, Hashable, Codable {
    /// The status code.
    public var status: InstallNotifyStatus
    /// The text after the code, trimmed of whitespace (possibly empty, in any case the device chose).
    public var phrase: String

    /// Creates a report.
    /// - Parameters:
    ///   - status: the status code.
    ///   - phrase: the phrase; defaults to the standard one.
    public init(status: InstallNotifyStatus, phrase: String? = nil) {
        self.status = status
        self.phrase = phrase ?? status.reasonPhrase ?? ""
    }

    /// True when the device reported 900 Success.
    public var isSuccess: Bool { status.isSuccess }

    /// The body to POST: the code, a space and the phrase (just the code when the phrase is empty).
    public var body: String { phrase.isEmpty ? String(status.rawValue) : "\(status.rawValue) \(phrase)" }

    /// Why a body could not be read as a report.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// A one-line explanation.
        public var message: String

        /// Creates an error.
        /// - Parameter message: a one-line explanation.
        public init(_ message: String) {
            self.message = message
        }

        /// `invalid install-notify report: ` and the message.
        public var description: String { "invalid install-notify report: \(message)" }
    }

    /// Reads a report body.
    /// - Parameter body: the POSTed bytes (any charset; only ASCII matters).
    /// - Throws: ``ParseError`` when no three-digit code starts the body.
    public static func parse(_ body: some Collection<UInt8>) throws(ParseError) -> InstallNotifyReport {
        let bytes = Array(body)
        let start = bytes.firstIndex { !isASCIIWhitespace($0) } ?? bytes.endIndex
        if start < bytes.endIndex, bytes[start] == UInt8(ascii: "<") {
            return try parseXML(bytes)
        }
        guard let report = parseText(bytes[start...]) else {
            let shown = String(decoding: bytes.prefix(40), as: UTF8.self)
            throw ParseError(
                bytes.isEmpty ? "the body is empty" : "the body does not start with a 3-digit status code: '\(shown)'")
        }
        return report
    }

    /// Reads `ddd rest` from `bytes` (already past leading whitespace).
    private static func parseText(_ bytes: ArraySlice<UInt8>) -> InstallNotifyReport? {
        let digits = bytes.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        let code = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        let phrase = trimmed(String(decoding: bytes.dropFirst(3), as: UTF8.self))
        return InstallNotifyReport(status: InstallNotifyStatus(rawValue: code), phrase: phrase)
    }

    private static func parseXML(_ bytes: [UInt8]) throws(ParseError) -> InstallNotifyReport {
        do {
            let reader = try XMLPullReader(
                bytes: bytes, limits: XMLLimits(maxBytes: 64 << 10, maxDepth: 8, maxElements: 256))
            while true {
                switch try reader.next() {
                case .text:
                    let text = Array(trimmed(reader.text).utf8)
                    if let report = parseText(text[...]) { return report }
                case .endOfDocument: throw ParseError("the XML body holds no 3-digit status code")
                case .start, .end: continue
                }
            }
        } catch let error as ParseError {
            throw error
        } catch {
            throw ParseError("the XML body is not readable: \(error)")
        }
    }
}
