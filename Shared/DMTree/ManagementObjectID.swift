/// A management object identifier (MO ID), the URN a DDF assigns and an interior node's `Type` carries,
/// such as `urn:oma:mo:oma-fumo:1.0`.
///
/// Matching ignores ASCII case and surrounding whitespace: devices vary in how they write URNs.
///
/// ```swift
/// ManagementObjectID.known(matching: "URN:OMA:MO:OMA-FUMO:1.0") == .fumo   // true
/// ManagementObjectID.devInfo.conventionalRoot?.description            // "./DevInfo"
/// ```
public struct ManagementObjectID: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The URN as written.
    public let rawValue: String

    /// Wraps any MO identifier, standard or not.
    /// - Parameter rawValue: the URN.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// DevInfo, `urn:oma:mo:oma-dm-devinfo:1.0`, at `./DevInfo`.
    public static let devInfo = ManagementObjectID(rawValue: "urn:oma:mo:oma-dm-devinfo:1.0")
    /// DevDetail, `urn:oma:mo:oma-dm-devdetail:1.0`, at `./DevDetail`.
    public static let devDetail = ManagementObjectID(rawValue: "urn:oma:mo:oma-dm-devdetail:1.0")
    /// DMAcc, `urn:oma:mo:oma-dm-dmacc:1.0`, at `./DMAcc`.
    public static let dmAcc = ManagementObjectID(rawValue: "urn:oma:mo:oma-dm-dmacc:1.0")
    /// Inbox, `urn:oma:mo:oma-dm-inbox:1.0`, at `./Inbox`.
    public static let inbox = ManagementObjectID(rawValue: "urn:oma:mo:oma-dm-inbox:1.0")
    /// FUMO 1.0, `urn:oma:mo:oma-fumo:1.0`.
    public static let fumo = ManagementObjectID(rawValue: "urn:oma:mo:oma-fumo:1.0")
    /// SCOMO 1.0, `urn:oma:mo:oma-scomo:1.0`.
    public static let scomo = ManagementObjectID(rawValue: "urn:oma:mo:oma-scomo:1.0")
    /// LAWMO 1.0, `urn:oma:mo:oma-lawmo:1.0`.
    public static let lawmo = ManagementObjectID(rawValue: "urn:oma:mo:oma-lawmo:1.0")
    /// DiagMon 1.0, `urn:oma:mo:oma-diagmon:1.0`.
    public static let diagMon = ManagementObjectID(rawValue: "urn:oma:mo:oma-diagmon:1.0")
    /// DiagMon functions framework (DiagMon 1.2), `urn:oma:mo:oma-diagmon:1.1`.
    public static let diagMon11 = ManagementObjectID(rawValue: "urn:oma:mo:oma-diagmon:1.1")
    /// DiagMon trap MO 1.0, `urn:oma:mo:oma-diagmontrap:1.0`.
    public static let diagMonTrap = ManagementObjectID(rawValue: "urn:oma:mo:oma-diagmontrap:1.0")
    /// DiagMon trap framework (DiagMon 1.2), `urn:oma:mo:oma-diagmontrap:1.1`.
    public static let diagMonTrap11 = ManagementObjectID(rawValue: "urn:oma:mo:oma-diagmontrap:1.1")

    /// Every identifier this module knows.
    public static let allKnown: [ManagementObjectID] = [
        .devInfo, .devDetail, .dmAcc, .inbox, .fumo, .scomo, .lawmo, .diagMon, .diagMon11, .diagMonTrap, .diagMonTrap11,
    ]

    /// The known identifier `text` names, ignoring case and surrounding whitespace.
    /// - Parameter text: a URN as a device reported it.
    public static func known(matching text: String) -> ManagementObjectID? {
        let trimmed = trimmingASCIIWhitespace(text)
        return allKnown.first { asciiCaseInsensitiveEquals($0.rawValue, trimmed) }
    }

    /// True when `text` names this identifier, ignoring case and surrounding whitespace.
    /// - Parameter text: a URN.
    public func matches(_ text: String) -> Bool {
        asciiCaseInsensitiveEquals(rawValue, trimmingASCIIWhitespace(text))
    }

    /// Where the object lives: fixed by DM 1.2 for DevInfo, DevDetail, DMAcc and Inbox, and the usual place for
    /// FUMO (`./FwUpdate`), SCOMO (`./SCOMO`) and LAWMO (`./LAWMO`). Nil when there is no convention; an enabler
    /// object may live anywhere and is found by its MO identifier.
    public var conventionalRoot: NodeURI? {
        switch self {
        case .devInfo: NodeURI(trustedSegments: ["DevInfo"])
        case .devDetail: NodeURI(trustedSegments: ["DevDetail"])
        case .dmAcc: NodeURI(trustedSegments: ["DMAcc"])
        case .inbox: NodeURI(trustedSegments: ["Inbox"])
        case .fumo: NodeURI(trustedSegments: ["FwUpdate"])
        case .scomo: NodeURI(trustedSegments: ["SCOMO"])
        case .lawmo: NodeURI(trustedSegments: ["LAWMO"])
        default: nil
        }
    }

    /// The URN.
    public var description: String { rawValue }
}
