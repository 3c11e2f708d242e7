import Testing

@testable import SyncML

@Suite("WBXML DevInf")
struct WBXMLDevInfTests {
    /// A DevInf 1.2 document using most of the code page, in compact form.
    static let sample =
        #"<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD><Man>Example &amp; Co</Man><Mod>X-1</Mod>"#
        + #"<OEM>Acme</OEM><FwV>1.0</FwV><SwV>2.0</SwV><HwV>3.0</HwV><DevID>IMEI:493005100592800</DevID>"#
        + #"<DevTyp>phone</DevTyp><UTC/><SupportLargeObjs/><SupportNumberOfChanges/>"#
        + #"<DataStore><SourceRef>./contacts</SourceRef><DisplayName>Contacts</DisplayName>"#
        + #"<MaxGUIDSize>32</MaxGUIDSize><Rx-Pref><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT></Rx-Pref>"#
        + #"<Tx-Pref><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT></Tx-Pref>"#
        + #"<DSMem><SharedMem/><MaxMem>65536</MaxMem><MaxID>500</MaxID></DSMem>"#
        + #"<SyncCap><SyncType>1</SyncType><SyncType>7</SyncType></SyncCap></DataStore>"#
        + #"<CTCap><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT><Property><PropName>TEL</PropName>"#
        + #"<DataType>chr</DataType><MaxSize>40</MaxSize><MaxOccur>3</MaxOccur><NoTruncate/>"#
        + #"<ValEnum>HOME</ValEnum><PropParam><ParamName>TYPE</ParamName></PropParam></Property></CTCap>"#
        + #"<Ext><XNam>X-Foo</XNam><XVal>bar</XVal></Ext></DevInf>"#

    @Test("a minimal DevInf encodes to the expected bytes")
    func minimal() throws {
        let bytes = try WBXMLDevInf.encode(xml: #"<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD></DevInf>"#)
        #expect(bytes == [0x02, 0xA4, 0x03, 0x6A, 0x00, 0x4A, 0x65] + wbxmlInline("1.2") + [0x01, 0x01])
        #expect(try WBXMLDevInf.decode(bytes) == #"<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD></DevInf>"#)
    }

    @Test("whitespace-only text is dropped and empty elements become bare tokens")
    func whitespace() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DevInf xmlns="syncml:devinf">
              <VerDTD>1.2</VerDTD>
              <Man>  </Man>
              <SupportLargeObjs/>
            </DevInf>
            """
        let bytes = try WBXMLDevInf.encode(xml: xml)
        #expect(bytes == [0x02, 0xA4, 0x03, 0x6A, 0x00, 0x4A, 0x65] + wbxmlInline("1.2") + [0x01, 0x11, 0x2A, 0x01])
        #expect(
            try WBXMLDevInf.decode(bytes)
                == #"<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD><Man/><SupportLargeObjs/></DevInf>"#)
    }

    @Test("a full DevInf survives encode and decode unchanged")
    func fullRoundTrip() throws {
        let bytes = try WBXMLDevInf.encode(xml: Self.sample)
        #expect(try WBXMLDevInf.decode(bytes) == Self.sample)
    }

    @Test("DevInf without a namespace is encoded too")
    func noNamespace() throws {
        let bytes = try WBXMLDevInf.encode(xml: "<DevInf><Man>A</Man></DevInf>")
        #expect(try WBXMLDevInf.decode(bytes) == #"<DevInf xmlns="syncml:devinf"><Man>A</Man></DevInf>"#)
    }

    @Test("encoding refuses other documents, unknown elements and malformed XML")
    func encodeErrors() {
        let cases: [(String, SyncMLDecodeError.Kind)] = [
            (#"<MgmtTree xmlns="syncml:dmddf1.2"/>"#, .unsupportedDocumentType),
            (#"<DevInf xmlns="SYNCML:SYNCML1.2"/>"#, .unsupportedDocumentType),
            (#"<DevInf xmlns="syncml:devinf"><Size>1</Size></DevInf>"#, .invalidStructure),
            (#"<DevInf xmlns="syncml:devinf"><Man>"#, .malformed),
            ("", .malformed),
        ]
        for (xml, kind) in cases {
            #expect(
                decodeError { () throws(SyncMLDecodeError) in try WBXMLDevInf.encode(xml: xml) }?.kind == kind, "\(xml)"
            )
        }
    }

    @Test("DevInf 1.1 decodes by number with its own name for token 0x1C")
    func devInf11() throws {
        let bytes: [UInt8] = [0x02, 0x9F, 0x54, 0x6A, 0x00, 0x4A, 0x5C] + wbxmlInline("40") + [0x01, 0x01]
        #expect(try WBXMLDevInf.decode(bytes) == #"<DevInf xmlns="syncml:devinf"><Size>40</Size></DevInf>"#)
    }

    @Test("DevInf named in the string table decodes; unknown tags are skipped")
    func formalIdentifier() throws {
        let fpi: [UInt8] = Array("-//SYNCML//DTD DevInf 1.2//EN".utf8)
        let body: [UInt8] = [0x4A, 0x6F, 0x03, 0x78, 0x00, 0x01, 0x51] + wbxmlInline("M") + [0x01, 0x01]
        let bytes: [UInt8] = [0x03, 0x00, 0x00, 0x04, UInt8(fpi.count)] + fpi + body
        #expect(try WBXMLDevInf.decode(bytes) == #"<DevInf xmlns="syncml:devinf"><Man>M</Man></DevInf>"#)
    }

    @Test("decoding refuses other documents, a wrong root and trailing bytes")
    func decodeErrors() {
        let cases: [([UInt8], SyncMLDecodeError.Kind)] = [
            (wbxmlHex("02 A4 01 6A 00 4A 01"), .unsupportedDocumentType),
            (wbxmlHex("02 A4 03 6A 00 45 01"), .invalidStructure),
            (wbxmlHex("02 A4 03 6A 00 4A 01 00"), .malformed),
            (wbxmlHex("02 A4 03 6A 00 4A 51"), .truncated),
            (wbxmlHex("02 A4 03 6A 00 4A 91 01"), .malformed),
        ]
        for (bytes, kind) in cases {
            #expect(decodeError { () throws(SyncMLDecodeError) in try WBXMLDevInf.decode(bytes) }?.kind == kind)
        }
    }

    @Test("DevInf markup in Data travels as a nested WBXML document inside OPAQUE and comes back as markup")
    func nestedRoundTrip() throws {
        var writer = WBXMLTokenWriter()
        writer.begin(version: .v1_2)
        writer.start(.syncBody)
        writer.start(.results)
        writer.start(.item)
        writer.data(.data, .markup(Self.sample))
        writer.end(.item)
        writer.end(.results)
        writer.end(.syncBody)
        let bytes = writer.finish()
        let nested = try WBXMLDevInf.encode(xml: Self.sample)
        #expect(
            bytes
                == wbxmlMessage(
                    [0x6B, 0x62, 0x54, 0x4F, 0xC3] + WBXMLMultiByte.encode(UInt32(nested.count))
                        + nested + [0x01, 0x01, 0x01, 0x01]))
        #expect(
            try walkWBXML(bytes) == [
                "SyncML 1.2", " SyncBody", "  Results", "   Item", "    Data markup(\(Self.sample))",
            ])
    }

    @Test("pretty-printed DevInf markup comes back compact")
    func prettyMarkup() throws {
        var writer = WBXMLTokenWriter()
        writer.begin(version: .v1_2)
        writer.data(.data, .markup("<DevInf xmlns=\"syncml:devinf\">\n  <VerDTD>1.2</VerDTD>\n</DevInf>\n"))
        #expect(
            try readFirstData(writer.finish())
                == .markup(#"<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD></DevInf>"#))
    }

    @Test("a nested DevInf named by its formal identifier is decoded by the cursor")
    func nestedFormalIdentifier() throws {
        let fpi: [UInt8] = Array("-//SYNCML//DTD DevInf 1.2//EN".utf8)
        let devInf: [UInt8] =
            [0x02, 0x00, 0x00, 0x6A, UInt8(fpi.count)] + fpi + [0x4A, 0x51] + wbxmlInline("M") + [0x01, 0x01]
        let message: [UInt8] = wbxmlMessage([0x4F, 0xC3, UInt8(devInf.count)] + devInf + [0x01])
        #expect(try readFirstData(message) == .markup(#"<DevInf xmlns="syncml:devinf"><Man>M</Man></DevInf>"#))
    }

    @Test("an OPAQUE that only looks like DevInf, or shares Data with other pieces, stays opaque")
    func notNested() throws {
        let broken = wbxmlHex("02 A4 03 6A 00 4A 51 03 4D")  // truncated nested document
        #expect(try readFirstData(wbxmlMessage([0x4F, 0xC3, 0x09] + broken + [0x01])) == .opaque(broken))
        let devInf = try WBXMLDevInf.encode(xml: "<DevInf><Man>A</Man></DevInf>")
        let mixed: [UInt8] = wbxmlMessage([0x4F] + wbxmlInline("x") + [0xC3, UInt8(devInf.count)] + devInf + [0x01])
        #expect(try readFirstData(mixed) == .opaque(Array("x".utf8) + devInf))
        let syncML = wbxmlHex("02 A4 01 6A 00 6D 01")
        #expect(try readFirstData(wbxmlMessage([0x4F, 0xC3, 0x07] + syncML + [0x01])) == .opaque(syncML))
    }

    @Test("DevInf that does not encode is written as its UTF-8 text")
    func unencodableDevInf() throws {
        let xml = #"<DevInf xmlns="syncml:devinf"><Vendor>1</Vendor></DevInf>"#
        var writer = WBXMLTokenWriter()
        writer.begin(version: .v1_2)
        writer.data(.data, .markup(xml))
        #expect(try readFirstData(writer.finish()) == .opaque(Array(xml.utf8)))
    }

    @Test("the nested document shares the message's element budget")
    func nestedElementBudget() throws {
        let devInf = try WBXMLDevInf.encode(xml: "<DevInf><Man>A</Man><Mod>B</Mod></DevInf>")
        let message: [UInt8] = wbxmlMessage([0x4F, 0xC3, UInt8(devInf.count)] + devInf + [0x01])
        var cursor = WBXMLCursor(bytes: message, limits: DecodeLimits(maxElements: 4))
        _ = try cursor.openRoot()
        _ = try cursor.nextChild()
        #expect(try cursor.readData() == .opaque(devInf))
    }
}
