/// The class of an enabler result code (FUMO, SCOMO, LAWMO), from the ranges the enabler specifications define.
public enum ResultCodeCategory: String, Sendable, Hashable, CaseIterable {
    /// The operation succeeded (FUMO 200, SCOMO/LAWMO 1200…).
    case successful
    /// Success with a vendor-specified meaning (FUMO 250–299, SCOMO 1250–1299).
    case successfulVendorSpecified
    /// The operation failed on the device side (FUMO 4xx, SCOMO/LAWMO 14xx).
    case clientError
    /// A client error with a vendor-specified meaning (FUMO 450–499, SCOMO 1450–1499).
    case clientErrorVendorSpecified
    /// The alternate download server (or the network to it) failed (FUMO 5xx, SCOMO 15xx).
    case downloadServerError
    /// A download server error with a vendor-specified meaning (FUMO 550–599, SCOMO 1550–1599).
    case downloadServerErrorVendorSpecified
    /// Not a code the specification defines.
    case unknown

    /// True for the two success classes.
    public var isSuccess: Bool { self == .successful || self == .successfulVendorSpecified }
}

/// What one enabler's result-code table holds: exact codes with their meanings and vendor ranges.
struct ResultCodeTable: Sendable {
    let known: [Int: (ResultCodeCategory, String)]
    let ranges: [(ClosedRange<Int>, ResultCodeCategory, String)]

    func category(of code: Int) -> ResultCodeCategory {
        if let entry = known[code] { return entry.0 }
        return ranges.first { $0.0.contains(code) }?.1 ?? .unknown
    }

    func meaning(of code: Int) -> String {
        if let entry = known[code] { return entry.1 }
        return ranges.first { $0.0.contains(code) }?.2 ?? "Unknown result code \(code)"
    }
}

/// Reads an integer result code from Generic Alert data: a bare integer (surrounding whitespace allowed), or the
/// content of a `<ResultCode>` element anywhere in the data (Symbian wraps one in CDATA).
func parseResultCode(alertData: String) -> Int? {
    let trimmed = trimmingASCIIWhitespace(alertData)
    if let value = Int(trimmed) { return value }
    guard let open = trimmed.firstRange(of: "<ResultCode>"), let close = trimmed.firstRange(of: "</ResultCode>"),
        open.upperBound <= close.lowerBound
    else { return nil }
    return Int(trimmingASCIIWhitespace(trimmed[open.upperBound..<close.lowerBound]))
}
