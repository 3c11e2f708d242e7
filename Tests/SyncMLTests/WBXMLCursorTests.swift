import Testing

@testable import SyncML

// MARK: - Test helpers shared by the WBXML test files

/// The reference's 174-byte worked example (§5.7): SyncHdr with MaxMsgSize, Status 212, Get, Final.
let wbxmlWorkedExample = wbxmlHex(
    """
    02 a4 01 6a 00 6d 6c 71 03 31 2e 32 00 01 72 03 44 4d 2f 31 2e 32 00 01 65 03 31 00 01 5b 03 31 00 01 6e
    57 03 49 4d 45 49 3a 34 39 33 30 30 35 31 30 30 35 39 32 38 30 30 00 01 01 67 57 03 68 74 74 70 3a 2f 2f
    64 6d 2e 65 78 61 6d 70 6c 65 2e 63 6f 6d 2f 64 6d 00 01 01 5a 00 01 4c 03 38 31 39 32 00 01 01 01 00 00
    6b 69 4b 03 31 00 01 5c 03 31 00 01 4c 03 30 00 01 4a 03 53 79 6e 63 48 64 72 00 01 4f 03 32 31 32 00 01
    01 53 4b 03 32 00 01 54 6e 57 03 2e 2f 44 65 76 44 65 74 61 69 6c 2f 53 77 56 00 01 01 01 01 12 01 01
    """)

/// The worked example as ``walkWBXML(_:limits:)`` describes it.
let wbxmlWorkedExampleWalk = [
    "SyncML 1.2",
    " SyncHdr",
    "  VerDTD=1.2",
    "  VerProto=DM/1.2",
    "  SessionID=1",
    "  MsgID=1",
    "  Target",
    "   LocURI=IMEI:493005100592800",
    "  Source",
    "   LocURI=http://dm.example.com/dm",
    "  Meta",
    "   MaxMsgSize=8192",
    " SyncBody",
    "  Status",
    "   CmdID=1",
    "   MsgRef=1",
    "   CmdRef=0",
    "   Cmd=SyncHdr",
    "   Data text(212)",
    "  Get",
    "   CmdID=2",
    "   Item",
    "    Target",
    "     LocURI=./DevDetail/SwV",
    "  Final=",
]

/// Bytes from hex pairs; whitespace is ignored.
func wbxmlHex(_ text: String) -> [UInt8] {
    let digits = text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)
    return stride(from: 0, to: digits.count - 1, by: 2).compactMap { UInt8(String(digits[$0...$0 + 1]), radix: 16) }
}

/// STR_I holding `text`.
func wbxmlInline(_ text: String) -> [UInt8] { [0x03] + Array(text.utf8) + [0x00] }

/// A SyncML 1.2 message (numeric public id, UTF-8, no string table) whose root holds `body`.
func wbxmlMessage(_ body: [UInt8]) -> [UInt8] { [0x02, 0xA4, 0x01, 0x6A, 0x00, 0x6D] + body + [0x01] }

/// Elements whose content is child elements, as the model decoder treats them.
private let wbxmlContainerTags: Set<SyncMLTag> = [
    .syncHdr, .syncBody, .target, .source, .meta, .cred, .chal, .status, .alert, .add, .replace, .delete, .copy,
    .exec, .get, .put, .results, .item, .atomic, .sequence, .sync, .map, .mapItem, .search, .targetParent,
    .sourceParent, .field, .filter, .record, .move, .mem, .anchor, .metInf,
]

/// Walks a whole message the way the model decoder does (containers recursively, `Data` with
/// ``WBXMLCursor/readData()``, everything else with ``WBXMLCursor/readText()``) and describes it, one line
/// per element indented by depth.
func walkWBXML(_ bytes: [UInt8], limits: DecodeLimits = .default) throws(SyncMLDecodeError) -> [String] {
    var cursor = WBXMLCursor(bytes: bytes, limits: limits)
    let version = try cursor.openRoot()
    var lines = ["SyncML \(version.rawValue)"]
    try walkWBXMLChildren(&cursor, depth: 1, into: &lines)
    try cursor.close()
    return lines
}

private func walkWBXMLChildren(_ cursor: inout WBXMLCursor, depth: Int, into lines: inout [String])
    throws(SyncMLDecodeError)
{
    let indent = String(repeating: " ", count: depth)
    while let tag = try cursor.nextChild() {
        if wbxmlContainerTags.contains(tag) {
            lines.append(indent + tag.name)
            try walkWBXMLChildren(&cursor, depth: depth + 1, into: &lines)
        } else if tag == .data {
            lines.append(indent + "Data " + describe(try cursor.readData()))
        } else {
            lines.append(indent + tag.name + "=" + (try cursor.readText()))
        }
    }
}

/// A short description of `Data` content for walk listings.
func describe(_ content: DataContent) -> String {
    switch content {
    case .text(let text): "text(\(text))"
    case .opaque(let bytes): "opaque(\(bytes.map { String($0, radix: 16) }.joined(separator: " ")))"
    case .markup(let xml): "markup(\(xml))"
    }
}

/// The error `body` throws, or nil when it succeeds.
func decodeError<T>(_ body: () throws(SyncMLDecodeError) -> T) -> SyncMLDecodeError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// Opens `message` and reads the `Data` of its first child element.
func readFirstData(_ message: [UInt8]) throws(SyncMLDecodeError) -> DataContent {
    var cursor = WBXMLCursor(bytes: message)
    _ = try cursor.openRoot()
    _ = try cursor.nextChild()
    return try cursor.readData()
}

// MARK: - Cursor tests

@Suite("WBXML cursor")
struct WBXMLCursorTests {
    @Test("the reference's 174-byte example decodes by walking the cursor")
    func workedExample() throws {
        #expect(wbxmlWorkedExample.count == 174)
        #expect(try walkWBXML(wbxmlWorkedExample) == wbxmlWorkedExampleWalk)
    }

    @Test("the cursor steps through the example element by element")
    func stepByStep() throws {
        var cursor = WBXMLCursor(bytes: wbxmlWorkedExample)
        #expect(try cursor.openRoot() == .v1_2)
        #expect(try cursor.nextChild() == .syncHdr)
        #expect(try cursor.nextChild() == .verDTD)
        #expect(try cursor.readText() == "1.2")
        #expect(try cursor.nextChild() == .verProto)
        try cursor.skipElement()
        #expect(try cursor.nextChild() == .sessionID)
        #expect(try cursor.readText() == "1")
        #expect(try cursor.nextChild() == .msgID)
        #expect(try cursor.readText() == "1")
        #expect(try cursor.nextChild() == .target)
        try cursor.skipElement()
        #expect(try cursor.nextChild() == .source)
        #expect(try cursor.nextChild() == .locURI)
        #expect(try cursor.readText() == "http://dm.example.com/dm")
        #expect(try cursor.nextChild() == nil)
        #expect(try cursor.nextChild() == .meta)
        #expect(try cursor.nextChild() == .maxMsgSize)
        #expect(try cursor.readText() == "8192")
        #expect(try cursor.nextChild() == nil)
        #expect(try cursor.nextChild() == nil)
        #expect(try cursor.nextChild() == .syncBody)
        #expect(try cursor.nextChild() == .status)
        try cursor.skipElement()
        #expect(try cursor.nextChild() == .get)
        try cursor.skipElement()
        #expect(try cursor.nextChild() == .final)
        #expect(try cursor.nextChild() == nil)  // Final has no content
        #expect(try cursor.nextChild() == nil)  // SyncBody ends
        #expect(try cursor.nextChild() == nil)  // SyncML ends
        try cursor.close()
    }

    @Test("the string-table public identifier is accepted with and without a trailing NUL, in any case")
    func literalPublicID() throws {
        let body = Array(wbxmlWorkedExample[5...])
        let fpi: [UInt8] = Array("-//SYNCML//DTD SyncML 1.2//EN".utf8)
        let withoutNUL: [UInt8] = [0x02, 0x00, 0x00, 0x6A, 0x1D] + fpi + body
        #expect(withoutNUL.starts(with: wbxmlHex("02 00 00 6A 1D 2D 2F 2F 53 59 4E 43 4D 4C 2F 2F 44 54 44 20")))
        #expect(try walkWBXML(withoutNUL) == wbxmlWorkedExampleWalk)
        let withNUL: [UInt8] = [0x02, 0x00, 0x00, 0x6A, 0x1E] + fpi + [0x00] + body
        #expect(try walkWBXML(withNUL) == wbxmlWorkedExampleWalk)
        let lowercase: [UInt8] = [0x02, 0x00, 0x00, 0x6A, 0x1D] + Array("-//syncml//dtd syncml 1.2//en".utf8) + body
        #expect(try walkWBXML(lowercase) == wbxmlWorkedExampleWalk)
        // The identifier need not be the first string of the table.
        let second: [UInt8] = [0x02, 0x00, 0x04, 0x6A, 0x21] + Array("Foo".utf8) + [0x00] + fpi + body
        #expect(try walkWBXML(second) == wbxmlWorkedExampleWalk)
        let v11: [UInt8] = [0x02, 0x00, 0x00, 0x6A, 0x1D] + Array("-//SYNCML//DTD SyncML 1.1//EN".utf8) + body
        var cursor = WBXMLCursor(bytes: v11)
        #expect(try cursor.openRoot() == .v1_1)
    }

    @Test("a string-table public identifier index outside the table is malformed")
    func literalPublicIDOutOfRange() {
        let message: [UInt8] = [0x02, 0x00, 0x05, 0x6A, 0x03] + Array("abc".utf8) + [0x6D, 0x01]
        var cursor = WBXMLCursor(bytes: message)
        #expect(decodeError { () throws(SyncMLDecodeError) in try cursor.openRoot() }?.kind == .malformed)
    }

    @Test("WBXML 1.0, 1.1 and 1.3 version bytes are accepted; 0x04 is not", arguments: [0x00, 0x01, 0x03] as [UInt8])
    func versionBytes(version: UInt8) throws {
        var message = wbxmlWorkedExample
        message[0] = version
        #expect(try walkWBXML(message) == wbxmlWorkedExampleWalk)
    }

    @Test("an unknown WBXML version byte is malformed")
    func badVersionByte() {
        var message = wbxmlWorkedExample
        message[0] = 0x04
        let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(message) }
        #expect(error?.kind == .malformed)
        #expect(error?.offset == 0)
    }

    @Test("SyncML 1.1 by number (0x0FD3)")
    func syncML11() throws {
        let message: [UInt8] =
            [0x02, 0x9F, 0x53, 0x6A, 0x00, 0x6D, 0x6C] + [0x71] + wbxmlInline("1.1") + [0x01, 0x01, 0x01]
        #expect(try walkWBXML(message) == ["SyncML 1.1", " SyncHdr", "  VerDTD=1.1"])
    }

    @Test("ISO-8859-1 strings are converted to UTF-8")
    func latin1() throws {
        let message: [UInt8] =
            [0x02, 0xA4, 0x01, 0x04, 0x00, 0x6D, 0x6C, 0x57, 0x03, 0x63, 0x61, 0x66, 0xE9, 0x00, 0x01, 0x01, 0x01]
        #expect(try walkWBXML(message) == ["SyncML 1.2", " SyncHdr", "  LocURI=café"])
    }

    @Test("US-ASCII documents decode")
    func usASCII() throws {
        let message: [UInt8] = [0x02, 0xA4, 0x01, 0x03, 0x00, 0x6D, 0x5B] + wbxmlInline("7") + [0x01, 0x01]
        #expect(try walkWBXML(message) == ["SyncML 1.2", " MsgID=7"])
    }

    @Test(
        "public identifiers other than SyncML 1.1 and 1.2 are unsupported document types",
        arguments: [
            wbxmlHex("02 A4 02 6A 00 6D 01"),  // MetInf 1.2
            wbxmlHex("02 A4 03 6A 00 6D 01"),  // DevInf 1.2
            wbxmlHex("02 9F 51 6A 00 6D 01"),  // SyncML 1.0
            wbxmlHex("02 01 6A 00 6D 01"),  // unknown
            [0x02, 0x00, 0x00, 0x6A, 0x1D] + Array("-//SYNCML//DTD DevInf 1.2//EN".utf8) + [0x6D, 0x01],
        ])
    func wrongPublicID(message: [UInt8]) {
        var cursor = WBXMLCursor(bytes: message)
        #expect(decodeError { () throws(SyncMLDecodeError) in try cursor.openRoot() }?.kind == .unsupportedDocumentType)
    }

    @Test("charsets other than UTF-8, US-ASCII and ISO-8859-1 are refused", arguments: [0x11, 0x00, 0x6B] as [UInt8])
    func unsupportedCharset(charset: UInt8) {
        var cursor = WBXMLCursor(bytes: [0x02, 0xA4, 0x01, charset, 0x00, 0x6D, 0x01])
        let error = decodeError { () throws(SyncMLDecodeError) in try cursor.openRoot() }
        #expect(error?.kind == .unsupportedCharset)
        #expect(error?.offset == 3)
    }

    @Test("the root must be a SyncML element with content")
    func root() {
        for message in [
            wbxmlHex("02 A4 01 6A 00 2D"), wbxmlHex("02 A4 01 6A 00 6C 01"), wbxmlHex("02 A4 01 6A 00 03 41 00"),
        ] {
            var cursor = WBXMLCursor(bytes: message)
            #expect(decodeError { () throws(SyncMLDecodeError) in try cursor.openRoot() }?.kind == .invalidStructure)
        }
    }

    @Test("the code page is global state: 0x4C is MaxMsgSize on page 1 and CmdRef on page 0, and END keeps the page")
    func codePageState() throws {
        let body: [UInt8] =
            [0x5A, 0x00, 0x01, 0x4C] + wbxmlInline("8192") + [0x01, 0x01]  // Meta, page 1: MaxMsgSize
            + [0x4C] + wbxmlInline("4096") + [0x01]  // still page 1 after END: MaxMsgSize again
            + [0x00, 0x00, 0x4C] + wbxmlInline("0") + [0x01]  // page 0: CmdRef
            + [0x00, 0x01, 0x00, 0x00, 0x55] + wbxmlInline("en") + [0x01]  // last switch wins: page 0 Lang
            + [0x00, 0x01, 0x55] + wbxmlInline("1000") + [0x01]  // page 1: MaxObjSize
        #expect(
            try walkWBXML(wbxmlMessage(body)) == [
                "SyncML 1.2", " Meta", "  MaxMsgSize=8192", " MaxMsgSize=4096", " CmdRef=0", " Lang=en",
                " MaxObjSize=1000",
            ])
    }

    @Test("STR_T strings come from the string table, to a NUL or to the end of the table")
    func tableStrings() throws {
        let table: [UInt8] = Array("abc".utf8) + [0x00] + Array("./DevInfo/Mod".utf8)
        let body: [UInt8] =
            [0x4F, 0x83, 0x04, 0x01] + [0x57, 0x83, 0x00, 0x01] + [0x4F, 0x83, 0x0E, 0x83, 0x01, 0x01]
        let message: [UInt8] = [0x02, 0xA4, 0x01, 0x6A, UInt8(table.count)] + table + [0x6D] + body + [0x01]
        #expect(
            try walkWBXML(message) == [
                "SyncML 1.2", " Data text(./DevInfo/Mod)", " LocURI=abc", " Data text(Modbc)",
            ])
    }

    @Test("a STR_T offset outside the string table is malformed")
    func tableStringOutOfRange() {
        let message: [UInt8] = [0x02, 0xA4, 0x01, 0x6A, 0x02, 0x61, 0x00, 0x6D, 0x4F, 0x83, 0x02, 0x01, 0x01]
        let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(message) }
        #expect(error?.kind == .malformed)
        #expect(error?.offset == 9)
    }

    @Test("OPAQUE data is returned as raw bytes")
    func opaqueData() throws {
        let message: [UInt8] = wbxmlMessage([0x4F, 0xC3, 0x04, 0x00, 0xFF, 0x01, 0x80, 0x01])
        #expect(try readFirstData(message) == .opaque([0x00, 0xFF, 0x01, 0x80]))
        #expect(try readFirstData(wbxmlMessage([0x4F, 0xC3, 0x00, 0x01])) == .opaque([]))
    }

    @Test("mixed STR_I, OPAQUE, STR_T and ENTITY pieces are concatenated in order")
    func mixedData() throws {
        let table: [UInt8] = [0x7A, 0x00]
        let body: [UInt8] = [0x4F] + wbxmlInline("ab") + [0xC3, 0x02, 0x01, 0x02, 0x83, 0x00, 0x02, 0x81, 0x69, 0x01]
        let message: [UInt8] = [0x02, 0xA4, 0x01, 0x6A, 0x02] + table + [0x6D] + body + [0x01]
        #expect(try readFirstData(message) == .opaque([0x61, 0x62, 0x01, 0x02, 0x7A, 0xC3, 0xA9]))
        let strings: [UInt8] = wbxmlMessage([0x4F] + wbxmlInline("ab") + wbxmlInline("cd") + [0x01])
        #expect(try readFirstData(strings) == .text("abcd"))
    }

    @Test("empty Data gives empty text")
    func emptyData() throws {
        #expect(try readFirstData(wbxmlMessage([0x0F])) == .text(""))
        #expect(try readFirstData(wbxmlMessage([0x4F, 0x01])) == .text(""))
    }

    @Test("ENTITY gives one Unicode scalar; a surrogate or out-of-range value is malformed")
    func entity() throws {
        let body: [UInt8] = [0x57] + wbxmlInline("caf") + [0x02, 0x81, 0x69, 0x02, 0x87, 0xEC, 0x31, 0x01]  // é, 😱
        #expect(try walkWBXML(wbxmlMessage(body)) == ["SyncML 1.2", " LocURI=café😱"])
        #expect(try readFirstData(wbxmlMessage([0x4F, 0x02, 0x41, 0x01])) == .text("A"))
        for bad in [wbxmlHex("02 83 B0 00"), wbxmlHex("02 C4 80 80 00")] {
            let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(wbxmlMessage([0x57] + bad + [0x01]))
            }
            #expect(error?.kind == .malformed)
            #expect(error?.offset == 7)
        }
    }

    @Test("OPAQUE inside a text element is read as UTF-8 text")
    func opaqueText() throws {
        let body: [UInt8] = [0x57, 0xC3, 0x05] + Array("./Foo".utf8) + wbxmlInline("/Bar") + [0x01]
        #expect(try walkWBXML(wbxmlMessage(body)) == ["SyncML 1.2", " LocURI=./Foo/Bar"])
        let invalid: [UInt8] = wbxmlMessage([0x57, 0xC3, 0x02, 0xC3, 0x28, 0x01])
        #expect(decodeError { () throws(SyncMLDecodeError) in try walkWBXML(invalid) }?.kind == .malformed)
    }

    @Test("invalid UTF-8 in a string is malformed")
    func invalidUTF8() {
        let message: [UInt8] = wbxmlMessage([0x57, 0x03, 0xFF, 0xFE, 0x00, 0x01])
        #expect(decodeError { () throws(SyncMLDecodeError) in try walkWBXML(message) }?.kind == .malformed)
    }

    @Test("an element inside a text element is an invalid structure")
    func elementInLeaf() {
        let message: [UInt8] = wbxmlMessage([0x57] + wbxmlInline("a") + [0x12, 0x01])
        let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(message) }
        #expect(error?.kind == .invalidStructure)
        #expect(error?.offset == 10)
    }

    @Test("unknown tokens on pages 0 and 1 and tags on other pages are skipped whole")
    func unknownTokensSkipped() throws {
        let body: [UInt8] =
            [0x70] + wbxmlInline("reserved 0x30") + [0x01]  // page 0 token 0x30: reserved
            + [0x7F, 0x6D, 0x12, 0x01, 0x01]  // page 0 token 0x3F holding a SyncML and a Final
            + [0x5B] + wbxmlInline("1") + [0x01]  // MsgID
            + [0x00, 0x01, 0x7E, 0x4C, 0x03, 0x39, 0x00, 0x01, 0x01]  // page 1 token 0x3E holding MaxMsgSize
            + [0x00, 0x02, 0x45, 0x45, 0x01, 0x01, 0x05]  // page 2 elements
            + [0x00, 0x00, 0x12]  // Final
            + [0x00, 0x07, 0xC5, 0x05, 0x83, 0x00, 0x01, 0x46, 0xC3, 0x01, 0x00, 0x01, 0x01]  // page 7, attributes
        let message: [UInt8] = [0x02, 0xA4, 0x01, 0x6A, 0x02, 0x78, 0x00, 0x6D] + body + [0x01]
        #expect(try walkWBXML(message) == ["SyncML 1.2", " MsgID=1", " Final="])
    }

    @Test("LITERAL tags in all four forms are skipped whole")
    func literalsSkipped() throws {
        let table: [UInt8] = Array("Vendor".utf8) + [0x00]
        let body: [UInt8] =
            [0x04, 0x00]  // LITERAL, no content
            + [0x5B] + wbxmlInline("5") + [0x01]
            + [0x44, 0x00, 0x57] + wbxmlInline("x") + [0x01, 0x01]  // LITERAL_C holding LocURI
            + [0x84, 0x00, 0x05, 0x03, 0x76, 0x00, 0x85, 0x01]  // LITERAL_A with attributes
            + [0xC4, 0x00, 0x04, 0x00, 0x83, 0x00, 0x01, 0x12, 0x01]  // LITERAL_AC: literal attribute, Final
            + [0x12]
        let message: [UInt8] = [0x02, 0xA4, 0x01, 0x6A, UInt8(table.count)] + table + [0x6D] + body + [0x01]
        #expect(try walkWBXML(message) == ["SyncML 1.2", " MsgID=5", " Final="])
    }

    @Test("a LITERAL name outside the string table is malformed")
    func literalOutOfRange() {
        let message: [UInt8] = wbxmlMessage([0x44, 0x00, 0x01])
        #expect(decodeError { () throws(SyncMLDecodeError) in try walkWBXML(message) }?.kind == .malformed)
    }

    @Test("attributes on a SyncML tag are malformed")
    func attributesOnKnownTag() {
        let message: [UInt8] = wbxmlMessage([0xDB, 0x05, 0x01] + wbxmlInline("1") + [0x01])
        let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(message) }
        #expect(error?.kind == .malformed)
        #expect(error?.offset == 6)
    }

    @Test("PI and EXT tokens are malformed", arguments: [0x43, 0x40, 0x80, 0xC0] as [UInt8])
    func processingInstructionsAndExtensions(token: UInt8) {
        let message: [UInt8] = wbxmlMessage([0x6C, token, 0x00, 0x01, 0x01])
        let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(message) }
        #expect(error?.kind == .malformed)
        #expect(error?.offset == 7)
    }

    @Test("strings between elements are ignored")
    func stringsBetweenElements() throws {
        let body: [UInt8] = wbxmlInline("\n ") + [0x5B] + wbxmlInline("1") + [0x01] + [0xC3, 0x01, 0x20]
        #expect(try walkWBXML(wbxmlMessage(body)) == ["SyncML 1.2", " MsgID=1"])
    }

    @Test("elements nested in Data are returned as markup with their namespaces")
    func nestedMarkup() throws {
        let anchor: [UInt8] =
            [0x4F, 0x00, 0x01, 0x45, 0x4A] + wbxmlInline("1") + [0x01, 0x4F] + wbxmlInline("a<b") + [0x01, 0x01, 0x01]
        #expect(
            try readFirstData(wbxmlMessage(anchor))
                == .markup(#"<Anchor xmlns="syncml:metinf"><Last>1</Last><Next>a&lt;b</Next></Anchor>"#))
        // Text before and after, a SyncML element holding a MetInf one, an empty element, an unknown one.
        let mixed: [UInt8] =
            [0x4F] + wbxmlInline("x") + [0x5A, 0x00, 0x01, 0x53] + wbxmlInline("text/plain") + [0x01, 0x01]
            + [0x00, 0x00, 0x12, 0x3F] + wbxmlInline("y") + [0x01]
        #expect(
            try readFirstData(wbxmlMessage(mixed))
                == .markup(
                    #"x<Meta xmlns="SYNCML:SYNCML1.2"><Type xmlns="syncml:metinf">text/plain</Type></Meta>"#
                        + #"<Final xmlns="SYNCML:SYNCML1.2"/>y"#))
        // The cursor carries on after the markup.
        let message: [UInt8] = wbxmlMessage(anchor + [0x00, 0x00, 0x5B] + wbxmlInline("2") + [0x01])
        #expect(try walkWBXML(message).last == " MsgID=2")
    }

    @Test("nothing may follow the root element, not even zero padding")
    func trailingBytes() {
        for trailer: [UInt8] in [[0x00], [0x01], [0x6D, 0x01]] {
            let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(wbxmlWorkedExample + trailer) }
            #expect(error?.kind == .malformed)
            #expect(error?.offset == 174)
        }
    }

    @Test("misuse is reported, not trapped")
    func misuse() throws {
        var cursor = WBXMLCursor(bytes: wbxmlWorkedExample)
        #expect(decodeError { () throws(SyncMLDecodeError) in try cursor.nextChild() }?.kind == .invalidStructure)
        #expect(decodeError { () throws(SyncMLDecodeError) in try cursor.close() }?.kind == .invalidStructure)
        _ = try cursor.openRoot()
        #expect(decodeError { () throws(SyncMLDecodeError) in try cursor.openRoot() }?.kind == .invalidStructure)
        #expect(decodeError { () throws(SyncMLDecodeError) in try cursor.close() }?.kind == .invalidStructure)
        try cursor.skipElement()
        try cursor.close()
        #expect(decodeError { () throws(SyncMLDecodeError) in try cursor.nextChild() }?.kind == .invalidStructure)
        let error = cursor.error(.invalidStructure, "test", element: .status)
        #expect(error.offset == 174)
        #expect(error.element == "Status")
    }
}
