import Testing

@testable import SyncML

@Suite("WBXML token writer")
struct WBXMLTokenWriterTests {
    /// Drives `writer` with the calls the encoder makes for the reference's worked example.
    private func writeWorkedExample(_ writer: inout WBXMLTokenWriter) -> [UInt8] {
        writer.begin(version: .v1_2)
        writer.start(.syncHdr)
        writer.leaf(.verDTD, "1.2")
        writer.leaf(.verProto, "DM/1.2")
        writer.leaf(.sessionID, "1")
        writer.leaf(.msgID, "1")
        writer.start(.target)
        writer.leaf(.locURI, "IMEI:493005100592800")
        writer.end(.target)
        writer.start(.source)
        writer.leaf(.locURI, "http://dm.example.com/dm")
        writer.end(.source)
        writer.start(.meta)
        writer.leaf(.maxMsgSize, "8192")
        writer.end(.meta)
        writer.end(.syncHdr)
        writer.start(.syncBody)
        writer.start(.status)
        writer.leaf(.cmdID, "1")
        writer.leaf(.msgRef, "1")
        writer.leaf(.cmdRef, "0")
        writer.leaf(.cmd, "SyncHdr")
        writer.data(.data, .text("212"))
        writer.end(.status)
        writer.start(.get)
        writer.leaf(.cmdID, "2")
        writer.start(.item)
        writer.start(.target)
        writer.leaf(.locURI, "./DevDetail/SwV")
        writer.end(.target)
        writer.end(.item)
        writer.end(.get)
        writer.empty(.final)
        writer.end(.syncBody)
        return writer.finish()
    }

    @Test("the writer reproduces the reference's 174-byte example byte for byte")
    func workedExample() {
        var writer = WBXMLTokenWriter()
        #expect(writeWorkedExample(&writer) == wbxmlWorkedExample)
    }

    @Test("the string-table form writes 00 00 6A 1D and the 29-byte identifier without NUL")
    func stringTableForm() throws {
        var writer = WBXMLTokenWriter(publicID: .stringTable)
        let bytes = writeWorkedExample(&writer)
        let fpi: [UInt8] = Array("-//SYNCML//DTD SyncML 1.2//EN".utf8)
        #expect(fpi.count == 29)
        #expect(bytes == [0x02, 0x00, 0x00, 0x6A, 0x1D] + fpi + wbxmlWorkedExample[5...])
        #expect(try walkWBXML(bytes) == wbxmlWorkedExampleWalk)
    }

    @Test("the version byte and SyncML 1.1 public identifiers are written as asked")
    func versionAndPublicID() throws {
        var writer = WBXMLTokenWriter(wbxmlVersion: 0x03)
        writer.begin(version: .v1_1)
        #expect(writer.finish() == [0x03, 0x9F, 0x53, 0x6A, 0x00, 0x6D, 0x01])
        var literal = WBXMLTokenWriter(publicID: .stringTable, wbxmlVersion: 0x01)
        literal.begin(version: .v1_1)
        let bytes = literal.finish()
        #expect(bytes == [0x01, 0x00, 0x00, 0x6A, 0x1D] + Array("-//SYNCML//DTD SyncML 1.1//EN".utf8) + [0x6D, 0x01])
        var cursor = WBXMLCursor(bytes: bytes)
        #expect(try cursor.openRoot() == .v1_1)
    }

    @Test("the cursor's output drives the writer back to the same bytes")
    func transcodeRoundTrip() throws {
        var cursor = WBXMLCursor(bytes: wbxmlWorkedExample)
        var writer = WBXMLTokenWriter()
        writer.begin(version: try cursor.openRoot())
        try transcode(&cursor, into: &writer)
        try cursor.close()
        #expect(writer.finish() == wbxmlWorkedExample)
    }

    /// Copies the current element's children from `cursor` to `writer`.
    private func transcode(_ cursor: inout WBXMLCursor, into writer: inout WBXMLTokenWriter) throws {
        let containers: Set<SyncMLTag> = [.syncHdr, .syncBody, .target, .source, .meta, .status, .get, .item]
        while let tag = try cursor.nextChild() {
            if containers.contains(tag) {
                writer.start(tag)
                try transcode(&cursor, into: &writer)
                writer.end(tag)
            } else if tag == .data {
                writer.data(tag, try cursor.readData())
            } else {
                writer.leaf(tag, try cursor.readText())
            }
        }
    }

    @Test("page switches come only before start tags whose page differs")
    func pageSwitches() {
        var writer = WBXMLTokenWriter()
        writer.begin(version: .v1_2)
        writer.start(.meta)
        writer.leaf(.type, "text/plain")
        writer.leaf(.format, "chr")
        writer.empty(.metInf)
        writer.end(.meta)
        writer.start(.meta)
        writer.leaf(.size, "5")
        writer.end(.meta)
        writer.empty(.final)
        let expected: [UInt8] =
            [0x02, 0xA4, 0x01, 0x6A, 0x00, 0x6D, 0x5A, 0x00, 0x01, 0x53] + wbxmlInline("text/plain") + [0x01, 0x47]
            + wbxmlInline("chr") + [0x01, 0x0E, 0x01, 0x00, 0x00, 0x5A, 0x00, 0x01, 0x52] + wbxmlInline("5")
            + [0x01, 0x01, 0x00, 0x00, 0x12, 0x01]
        #expect(writer.finish() == expected)
    }

    @Test("empty text is the bare token; text with NUL is OPAQUE and reads back")
    func textEncodings() throws {
        var writer = WBXMLTokenWriter()
        writer.begin(version: .v1_2)
        writer.leaf(.locName, "")
        writer.data(.data, .text(""))
        writer.leaf(.locURI, "a\0b")
        writer.leaf(.msgID, "é")
        let bytes = writer.finish()
        #expect(
            bytes[5...] == [
                0x6D, 0x16, 0x0F, 0x57, 0xC3, 0x03, 0x61, 0x00, 0x62, 0x01, 0x5B, 0x03, 0xC3, 0xA9, 0x00, 0x01, 0x01,
            ])
        #expect(try walkWBXML(bytes) == ["SyncML 1.2", " LocName=", " Data text()", " LocURI=a\0b", " MsgID=é"])
    }

    @Test("opaque data and non-DevInf markup are written as OPAQUE")
    func opaqueAndMarkup() throws {
        var writer = WBXMLTokenWriter()
        writer.begin(version: .v1_2)
        writer.data(.data, .opaque([0x00, 0xFF]))
        writer.data(.data, .opaque([]))
        let tnds = #"<MgmtTree xmlns="syncml:dmddf1.2"><VerDTD>1.2</VerDTD></MgmtTree>"#
        writer.data(.data, .markup(tnds))
        let bytes = writer.finish()
        let expected: [UInt8] =
            [
                0x02, 0xA4, 0x01, 0x6A, 0x00, 0x6D, 0x4F, 0xC3, 0x02, 0x00, 0xFF, 0x01, 0x4F, 0xC3, 0x00, 0x01, 0x4F,
                0xC3,
            ]
            + WBXMLMultiByte.encode(UInt32(tnds.utf8.count)) + Array(tnds.utf8) + [0x01, 0x01]
        #expect(bytes == expected)
        var cursor = WBXMLCursor(bytes: bytes)
        _ = try cursor.openRoot()
        #expect(try cursor.nextChild() == .data)
        #expect(try cursor.readData() == .opaque([0x00, 0xFF]))
        #expect(try cursor.nextChild() == .data)
        #expect(try cursor.readData() == .opaque([]))
        #expect(try cursor.nextChild() == .data)
        #expect(try cursor.readData() == .opaque(Array(tnds.utf8)))
    }

    @Test("long OPAQUE lengths use multi-byte integers")
    func longOpaque() throws {
        let payload: [UInt8] = [UInt8](repeating: 0xAB, count: 70_000)
        var writer = WBXMLTokenWriter()
        writer.begin(version: .v1_2)
        writer.data(.data, .opaque(payload))
        let bytes = writer.finish()
        #expect(bytes[6...10] == [0x4F, 0xC3, 0x84, 0xA2, 0x70])
        #expect(try readFirstData(bytes) == .opaque(payload))
    }

    @Test("finish closes elements left open; begin starts over")
    func finishAndRestart() {
        var writer = WBXMLTokenWriter()
        writer.begin(version: .v1_2)
        writer.start(.syncBody)
        writer.start(.status)
        #expect(writer.finish() == [0x02, 0xA4, 0x01, 0x6A, 0x00, 0x6D, 0x6B, 0x69, 0x01, 0x01, 0x01])
        writer.begin(version: .v1_2)
        writer.end(.syncML)
        writer.end(.syncML)
        #expect(writer.finish() == [0x02, 0xA4, 0x01, 0x6A, 0x00, 0x6D, 0x01])
    }
}
