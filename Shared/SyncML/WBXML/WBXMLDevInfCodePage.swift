/// The DevInf 1.2 tag code page (page 0 of a DevInf WBXML document, namespace `syncml:devinf`).
///
/// DevInf 1.1 uses the same tokens except 0x1C, which it calls `Size` where 1.2 says `MaxSize`.
enum WBXMLDevInfCodePage {
    /// The XML namespace of DevInf elements.
    static let namespace = "syncml:devinf"

    /// The token of the root element, `DevInf`.
    static let rootToken: UInt8 = 0x0A

    /// Element names by token, starting at token 0x05; nil where no element is assigned (0x2F).
    private static let names: [String?] = [
        "CTCap", "CTType", "DataStore", "DataType", "DevID", "DevInf", "DevTyp", "DisplayName", "DSMem",
        "Ext", "FwV", "HwV", "Man", "MaxGUIDSize", "MaxID", "MaxMem", "Mod", "OEM", "ParamName", "PropName",
        "Rx", "Rx-Pref", "SharedMem", "MaxSize", "SourceRef", "SwV", "SyncCap", "SyncType", "Tx", "Tx-Pref",
        "ValEnum", "VerCT", "VerDTD", "XNam", "XVal", "UTC", "SupportNumberOfChanges", "SupportLargeObjs",
        "Property", "PropParam", "MaxOccur", "NoTruncate", nil, "Filter-Rx", "FilterCap", "FilterKeyword",
        "FieldLevel", "SupportHierarchicalSync",
    ]

    private static let firstToken: UInt8 = 0x05
    private static let sizeToken: UInt8 = 0x1C

    /// Tokens by DevInf 1.2 element name.
    private static let tokens: [String: UInt8] = {
        var tokens: [String: UInt8] = [:]
        for (index, name) in names.enumerated() {
            if let name { tokens[name] = firstToken + UInt8(index) }
        }
        return tokens
    }()

    /// The element name of `token`, or nil when the token is unassigned.
    /// - Parameter devInf11: use the DevInf 1.1 name (`Size`) for token 0x1C.
    static func name(of token: UInt8, devInf11: Bool = false) -> String? {
        guard token >= firstToken else { return nil }
        if devInf11 && token == sizeToken { return "Size" }
        let index = Int(token - firstToken)
        return index < names.count ? names[index] : nil
    }

    /// The DevInf 1.2 token of the element `name`, or nil when DevInf 1.2 has no such element.
    static func token(of name: String) -> UInt8? { tokens[name] }
}
