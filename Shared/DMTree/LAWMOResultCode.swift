/// A LAWMO result code, as a device reports it in an OperationComplete Generic Alert (MediaTek's table).
///
/// The vendor ranges 1250–1299 and 1450–1499 follow the SCOMO pattern; they are probable for LAWMO but were not
/// confirmed against the specification.
public struct LAWMOResultCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
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

    /// 1200 Operation succeeded.
    public static let successful = LAWMOResultCode(rawValue: 1200)
    /// 1201 Wipe data successful.
    public static let wipeSuccessful = LAWMOResultCode(rawValue: 1201)
    /// 1202 Wipe data and associated list items successful.
    public static let wipeWithListSuccessful = LAWMOResultCode(rawValue: 1202)
    /// 1400 Client error.
    public static let clientError = LAWMOResultCode(rawValue: 1400)
    /// 1401 User cancelled.
    public static let userCancelled = LAWMOResultCode(rawValue: 1401)
    /// 1402 Fully lock failed.
    public static let fullyLockFailed = LAWMOResultCode(rawValue: 1402)
    /// 1403 Partially lock failed.
    public static let partiallyLockFailed = LAWMOResultCode(rawValue: 1403)
    /// 1404 Unlock failed.
    public static let unlockFailed = LAWMOResultCode(rawValue: 1404)
    /// 1405 Wipe data failed.
    public static let wipeFailed = LAWMOResultCode(rawValue: 1405)
    /// 1406 Wipe data not performed.
    public static let wipeNotPerformed = LAWMOResultCode(rawValue: 1406)

    static let table = ResultCodeTable(
        known: [
            1200: (.successful, "Operation succeeded"),
            1201: (.successful, "Wipe data successful"),
            1202: (.successful, "Wipe data and associated list items successful"),
            1400: (.clientError, "Client error"),
            1401: (.clientError, "User cancelled"),
            1402: (.clientError, "Fully lock failed"),
            1403: (.clientError, "Partially lock failed"),
            1404: (.clientError, "Unlock failed"),
            1405: (.clientError, "Wipe data failed"),
            1406: (.clientError, "Wipe data not performed"),
        ],
        ranges: [
            (1250...1299, .successfulVendorSpecified, "Successful, vendor specified"),
            (1450...1499, .clientErrorVendorSpecified, "Client error, vendor specified"),
        ])

    /// The class of the code.
    public var category: ResultCodeCategory { LAWMOResultCode.table.category(of: rawValue) }

    /// What the code means, in English.
    public var meaning: String { LAWMOResultCode.table.meaning(of: rawValue) }

    /// True for 1200–1202 and the vendor success range.
    public var isSuccess: Bool { category.isSuccess }

    /// `1404 Unlock failed`.
    public var description: String { "\(rawValue) \(meaning)" }
}
