/// Every element of a SyncML DM message, with its namespace and WBXML token.
///
/// Page 0 is the SyncML namespace (`SYNCML:SYNCML1.x`), page 1 is MetInf (`syncml:metinf`). The raw value
/// is `page << 8 | token`, so a WBXML decoder finds a tag from the current code page and the token byte, and
/// an encoder writes exactly those two numbers back.
public enum SyncMLTag: UInt16, Sendable, Hashable, CaseIterable {
    // Code page 0: SyncML.
    case add = 0x05, alert, archive, atomic, chal, cmd, cmdID, cmdRef, copy, cred, data, delete, exec, final
    case get = 0x13, item, lang, locName, locURI, map, mapItem, meta, msgID, msgRef, noResp, noResults, put
    case replace = 0x20, respURI, results, search, sequence, sessionID, sftDel, source, sourceRef, status
    case sync = 0x2A, syncBody, syncHdr, syncML, target, targetRef
    case verDTD = 0x31, verProto, numberOfChanges, moreData, field, filter, record, filterType, sourceParent
    case targetParent = 0x3A, move, correlator
    // Code page 1: MetInf.
    case anchor = 0x105, emi, format, freeID, freeMem, last, mark, maxMsgSize, mem, metInf, next, nextNonce
    case sharedMem = 0x111, size, type, version, maxObjSize, fieldLevel

    /// The WBXML code page: 0 for SyncML, 1 for MetInf.
    @inlinable public var page: UInt8 { UInt8(truncatingIfNeeded: rawValue >> 8) }

    /// The WBXML token on its page (0x05...0x3C).
    @inlinable public var token: UInt8 { UInt8(truncatingIfNeeded: rawValue) }

    /// True for MetInf elements, which live in the `syncml:metinf` namespace.
    @inlinable public var isMetInf: Bool { page == 1 }

    /// Finds the tag for a WBXML code page and token.
    @inlinable public init?(page: UInt8, token: UInt8) {
        self.init(rawValue: UInt16(page) << 8 | UInt16(token))
    }

    /// The element name as written in XML.
    public var name: String { SyncMLTag.names[self]! }

    /// Finds the tag for an XML element name. Names are unique across the two pages.
    public init?(name: String) {
        guard let tag = SyncMLTag.byName[name] else { return nil }
        self = tag
    }

    private static let names: [SyncMLTag: String] = {
        var names: [SyncMLTag: String] = [:]
        for tag in SyncMLTag.allCases {
            let label = String(describing: tag)
            // Enum case names are the element names with the first letter lowered, except a few acronyms.
            let special: [SyncMLTag: String] = [
                .cmdID: "CmdID", .locURI: "LocURI", .msgID: "MsgID", .respURI: "RespURI", .sessionID: "SessionID",
                .syncML: "SyncML", .verDTD: "VerDTD", .emi: "EMI", .freeID: "FreeID", .cred: "Cred",
            ]
            names[tag] = special[tag] ?? (label.prefix(1).uppercased() + label.dropFirst())
        }
        return names
    }()

    private static let byName: [String: SyncMLTag] = Dictionary(
        uniqueKeysWithValues: SyncMLTag.allCases.map { ($0.name, $0) })
}
