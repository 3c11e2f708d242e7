/// A SCOMO result code, as a device reports it in an OperationComplete Generic Alert (SCOMO 1.0 §8.7 as cited
/// by the Verizon client).
///
/// The alert data is either a bare integer or, from Symbian devices, an XML fragment such as
/// `<ResultCode>1200</ResultCode><Identifier>…</Identifier>`; ``init(alertData:)`` reads both.
public struct SCOMOResultCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The numeric code.
    public let rawValue: Int

    /// Wraps a code.
    /// - Parameter rawValue: the code.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Reads the code from alert data: an integer, or the content of a `<ResultCode>` element.
    /// - Parameter alertData: the alert's `Data`.
    public init?(alertData: String) {
        guard let value = parseResultCode(alertData: alertData) else { return nil }
        self.init(rawValue: value)
    }

    /// 1200 Successful.
    public static let successful = SCOMOResultCode(rawValue: 1200)
    /// 1400 Client error.
    public static let clientError = SCOMOResultCode(rawValue: 1400)
    /// 1401 User cancelled.
    public static let userCancelled = SCOMOResultCode(rawValue: 1401)
    /// 1402 Download failed.
    public static let downloadFailed = SCOMOResultCode(rawValue: 1402)
    /// 1403 Alternate download authentication failure.
    public static let alternateDownloadAuthenticationFailure = SCOMOResultCode(rawValue: 1403)
    /// 1404 Download failed, out of memory.
    public static let downloadOutOfMemory = SCOMOResultCode(rawValue: 1404)
    /// 1405 Install failed.
    public static let installFailed = SCOMOResultCode(rawValue: 1405)
    /// 1406 Install failed, out of memory.
    public static let installOutOfMemory = SCOMOResultCode(rawValue: 1406)
    /// 1407 Failed package validation.
    public static let failedPackageValidation = SCOMOResultCode(rawValue: 1407)
    /// 1408 Remove failed.
    public static let removeFailed = SCOMOResultCode(rawValue: 1408)
    /// 1409 Activate failed.
    public static let activateFailed = SCOMOResultCode(rawValue: 1409)
    /// 1410 Deactivate failed.
    public static let deactivateFailed = SCOMOResultCode(rawValue: 1410)
    /// 1411 Not implemented.
    public static let operationNotImplementedOnDevice = SCOMOResultCode(rawValue: 1411)
    /// 1412 Undefined error.
    public static let undefinedError = SCOMOResultCode(rawValue: 1412)
    /// 1413 Operation rejected: unsupported environment type.
    public static let unsupportedEnvironment = SCOMOResultCode(rawValue: 1413)
    /// 1500 Alternate download server error.
    public static let alternateDownloadServerError = SCOMOResultCode(rawValue: 1500)
    /// 1501 Alternate download server unavailable.
    public static let alternateDownloadServerUnavailable = SCOMOResultCode(rawValue: 1501)

    static let table = ResultCodeTable(
        known: [
            1200: (.successful, "Successful"),
            1400: (.clientError, "Client error"),
            1401: (.clientError, "User cancelled"),
            1402: (.clientError, "Download failed"),
            1403: (.clientError, "Alternate download authentication failure"),
            1404: (.clientError, "Download failed, out of memory"),
            1405: (.clientError, "Install failed"),
            1406: (.clientError, "Install failed, out of memory"),
            1407: (.clientError, "Failed package validation"),
            1408: (.clientError, "Remove failed"),
            1409: (.clientError, "Activate failed"),
            1410: (.clientError, "Deactivate failed"),
            1411: (.clientError, "Not implemented"),
            1412: (.clientError, "Undefined error"),
            1413: (.clientError, "Operation rejected, unsupported environment type"),
            1500: (.downloadServerError, "Alternate download server error"),
            1501: (.downloadServerError, "Alternate download server unavailable"),
        ],
        ranges: [
            (1250...1299, .successfulVendorSpecified, "Successful, vendor specified"),
            (1450...1499, .clientErrorVendorSpecified, "Client error, vendor specified"),
            (1550...1599, .downloadServerErrorVendorSpecified, "Alternate download server error, vendor specified"),
        ])

    /// The class of the code.
    public var category: ResultCodeCategory { SCOMOResultCode.table.category(of: rawValue) }

    /// What the code means, in English.
    public var meaning: String { SCOMOResultCode.table.meaning(of: rawValue) }

    /// True for 1200 and the vendor success range 1250–1299.
    public var isSuccess: Bool { category.isSuccess }

    /// `1405 Install failed`.
    public var description: String { "\(rawValue) \(meaning)" }
}
