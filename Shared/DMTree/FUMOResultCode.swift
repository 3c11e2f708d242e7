/// A FUMO result code, as a device reports it in the `Data` of the final Generic Alert (FUMO 1.0).
///
/// Any integer can be held; ``category`` and ``meaning`` come from the FUMO table, where 412 is "Alternate
/// download server unavailable" and 500 "Alternate download server error" (the reading of three independent
/// implementations; one transcription of the specification differs).
///
/// ```swift
/// let code = FUMOResultCode(alertData: " 402 ")
/// code?.meaning     // "Corrupted firmware update package"
/// code?.isSuccess   // false
/// ```
public struct FUMOResultCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The numeric code.
    public let rawValue: Int

    /// Wraps a code.
    /// - Parameter rawValue: the code.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Reads the code from Generic Alert data (a decimal integer, whitespace around it allowed).
    /// - Parameter alertData: the alert's `Data`.
    public init?(alertData: String) {
        guard let value = parseResultCode(alertData: alertData) else { return nil }
        self.init(rawValue: value)
    }

    /// 200 Successful.
    public static let successful = FUMOResultCode(rawValue: 200)
    /// 400 Management client error.
    public static let clientError = FUMOResultCode(rawValue: 400)
    /// 401 User cancelled.
    public static let userCancelled = FUMOResultCode(rawValue: 401)
    /// 402 Corrupted firmware update package.
    public static let corruptedPackage = FUMOResultCode(rawValue: 402)
    /// 403 Package–device mismatch.
    public static let packageDeviceMismatch = FUMOResultCode(rawValue: 403)
    /// 404 Failed package validation (signature).
    public static let failedPackageValidation = FUMOResultCode(rawValue: 404)
    /// 405 Package not acceptable.
    public static let packageNotAcceptable = FUMOResultCode(rawValue: 405)
    /// 406 Alternate download authentication failure.
    public static let alternateDownloadAuthenticationFailure = FUMOResultCode(rawValue: 406)
    /// 407 Alternate download request time-out.
    public static let alternateDownloadTimeout = FUMOResultCode(rawValue: 407)
    /// 408 Not implemented.
    public static let operationNotImplementedOnDevice = FUMOResultCode(rawValue: 408)
    /// 409 Undefined error.
    public static let undefinedError = FUMOResultCode(rawValue: 409)
    /// 410 Firmware update failed.
    public static let updateFailed = FUMOResultCode(rawValue: 410)
    /// 411 Malformed or bad URL.
    public static let malformedURL = FUMOResultCode(rawValue: 411)
    /// 412 Alternate download server unavailable.
    public static let alternateDownloadServerUnavailable = FUMOResultCode(rawValue: 412)
    /// 500 Alternate download server error.
    public static let alternateDownloadServerError = FUMOResultCode(rawValue: 500)
    /// 501 Download failed, device out of memory.
    public static let downloadOutOfMemory = FUMOResultCode(rawValue: 501)
    /// 502 Update failed, device out of memory.
    public static let updateOutOfMemory = FUMOResultCode(rawValue: 502)
    /// 503 Download failed, network issues.
    public static let downloadNetworkFailure = FUMOResultCode(rawValue: 503)

    static let table = ResultCodeTable(
        known: [
            200: (.successful, "Successful"),
            400: (.clientError, "Management client error"),
            401: (.clientError, "User cancelled"),
            402: (.clientError, "Corrupted firmware update package"),
            403: (.clientError, "Package and device mismatch"),
            404: (.clientError, "Failed firmware update package validation"),
            405: (.clientError, "Firmware update package not acceptable"),
            406: (.clientError, "Alternate download authentication failure"),
            407: (.clientError, "Alternate download request time-out"),
            408: (.clientError, "Not implemented"),
            409: (.clientError, "Undefined error"),
            410: (.clientError, "Firmware update failed"),
            411: (.clientError, "Malformed or bad URL"),
            412: (.clientError, "Alternate download server unavailable"),
            500: (.downloadServerError, "Alternate download server error"),
            501: (.downloadServerError, "Download failed, device out of memory"),
            502: (.downloadServerError, "Firmware update failed, device out of memory"),
            503: (.downloadServerError, "Download failed, network issues"),
        ],
        ranges: [
            (250...299, .successfulVendorSpecified, "Successful, vendor specified"),
            (450...499, .clientErrorVendorSpecified, "Client error, vendor specified"),
            (550...599, .downloadServerErrorVendorSpecified, "Alternate download server error, vendor specified"),
        ])

    /// The class of the code.
    public var category: ResultCodeCategory { FUMOResultCode.table.category(of: rawValue) }

    /// What the code means, in English.
    public var meaning: String { FUMOResultCode.table.meaning(of: rawValue) }

    /// True for 200 and the vendor success range 250–299.
    public var isSuccess: Bool { category.isSuccess }

    /// `402 Corrupted firmware update package`.
    public var description: String { "\(rawValue) \(meaning)" }
}
