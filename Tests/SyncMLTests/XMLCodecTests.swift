import Testing

@testable import SyncML

/// The XML codec against the reference's worked client-initiated session (§1.9) and hand-written edge cases.
@Suite struct XMLCodecTests {
    static let package1 = """
        <SyncML xmlns="SYNCML:SYNCML1.2">
         <SyncHdr>
          <VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>
          <SessionID>3A</SessionID><MsgID>1</MsgID>
          <Target><LocURI>https://dm.example.com/dm</LocURI></Target>
          <Source><LocURI>IMEI:493005100592800</LocURI><LocName>devuser</LocName></Source>
          <Cred><Meta><Type xmlns="syncml:metinf">syncml:auth-md5</Type>
                      <Format xmlns="syncml:metinf">b64</Format></Meta>
                <Data>kHLLLSPq49co1xndU6F2HQ==</Data></Cred>
          <Meta><MaxMsgSize xmlns="syncml:metinf">16384</MaxMsgSize>
                <MaxObjSize xmlns="syncml:metinf">524288</MaxObjSize></Meta>
         </SyncHdr>
         <SyncBody>
          <Alert><CmdID>1</CmdID><Data>1201</Data></Alert>
          <Replace><CmdID>2</CmdID>
           <Item><Source><LocURI>./DevInfo/DevId</LocURI></Source><Data>IMEI:493005100592800</Data></Item>
           <Item><Source><LocURI>./DevInfo/Man</LocURI></Source><Data>Acme</Data></Item>
           <Item><Source><LocURI>./DevInfo/Mod</LocURI></Source><Data>X1</Data></Item>
           <Item><Source><LocURI>./DevInfo/DmV</LocURI></Source><Data>1.2</Data></Item>
           <Item><Source><LocURI>./DevInfo/Lang</LocURI></Source><Data>en-US</Data></Item>
          </Replace>
          <Final/>
         </SyncBody>
        </SyncML>
        """

    @Test func decodesPackage1() throws {
        let message = try SyncMLMessage(xml: Array(Self.package1.utf8))
        #expect(message.version == .v1_2)
        #expect(message.header.sessionID == "3A")
        #expect(message.header.source == Location("IMEI:493005100592800", name: "devuser"))
        #expect(message.header.cred?.meta?.type == "syncml:auth-md5")
        #expect(message.header.cred?.data == "kHLLLSPq49co1xndU6F2HQ==")
        #expect(message.header.meta?.maxMsgSizeValue == 16384)
        #expect(message.header.meta?.maxObjSizeValue == 524288)
        #expect(message.isFinal)
        #expect(message.body.count == 2)
        guard case .alert(let alert) = message.body[0], case .replace(let replace) = message.body[1] else {
            Issue.record("unexpected commands \(message.body)")
            return
        }
        #expect(alert.code == 1201)
        #expect(replace.items.count == 5)
        #expect(replace.items[1].source?.locURI == "./DevInfo/Man")
        #expect(replace.items[1].data == .text("Acme"))
    }

    @Test func roundTripsThroughCompactXML() throws {
        let message = try SyncMLMessage(xml: Array(Self.package1.utf8))
        let encoded = message.xml()
        let again = try SyncMLMessage(xml: encoded)
        #expect(again == message)
        #expect(encoded.count < Self.package1.utf8.count)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.hasPrefix(#"<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD>"#))
        #expect(text.contains(#"<Meta><MaxMsgSize xmlns="syncml:metinf">16384</MaxMsgSize>"#))
        #expect(text.hasSuffix("<Final/></SyncBody></SyncML>"))
    }

    @Test func statusAndResultsEncodeInDTDOrder() throws {
        let header = SyncHeader(sessionID: "3A", msgID: "1", target: "IMEI:1", source: "https://dm.example.com/dm")
        let message = SyncMLMessage(
            header: header,
            body: [
                .status(
                    StatusCommand(
                        cmdID: "1", msgRef: "1", cmdRef: "0", cmd: "SyncHdr", targetRefs: ["https://dm.example.com/dm"],
                        sourceRefs: ["IMEI:1"],
                        chal: Challenge(meta: MetaInfo(format: "b64", type: "syncml:auth-md5", nextNonce: "ZG9iZWhhdmUNCg==")),
                        data: "212")),
                .get(ItemCommand(cmdID: "2", items: [Item(target: "./DevDetail/SwV")])),
            ])
        let text = String(decoding: message.xml(), as: UTF8.self)
        #expect(
            text.contains(
                #"<Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><TargetRef>https://dm.example.com/dm</TargetRef><SourceRef>IMEI:1</SourceRef><Chal><Meta><Format xmlns="syncml:metinf">b64</Format><Type xmlns="syncml:metinf">syncml:auth-md5</Type><NextNonce xmlns="syncml:metinf">ZG9iZWhhdmUNCg==</NextNonce></Meta></Chal><Data>212</Data></Status>"#
            ))
        #expect(try SyncMLMessage(xml: message.xml()) == message)
    }

    @Test func acceptsAnyChildOrderPrefixesCDATAAndReferences() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE SyncML PUBLIC "-//SYNCML//DTD SyncML 1.2//EN" "http://www.openmobilealliance.org/tech/DTD/OMA-TS-SyncML_RepPro_DTD-V1_2.dtd">
            <s:SyncML xmlns:s="SYNCML:SYNCML1.2" xmlns:m="syncml:metinf"><s:SyncHdr><s:MsgID>2</s:MsgID><s:VerDTD>1.2</s:VerDTD>
            <s:VerProto>DM/1.2</s:VerProto><s:SessionID>1</s:SessionID><s:Source><s:LocURI>IMEI:1</s:LocURI></s:Source>
            <s:Target><s:LocURI>http://s</s:LocURI></s:Target></s:SyncHdr><s:SyncBody>
            <s:Alert><s:CmdID>1</s:CmdID><s:Correlator>c-1</s:Correlator><s:Data>1226</s:Data><s:Item><s:Meta><m:Type>x</m:Type><m:Mark>critical</m:Mark></s:Meta>
            <s:Data><![CDATA[a<b]]>&#x41;&amp;Müller</s:Data></s:Item></s:Alert><s:Final/></s:SyncBody></s:SyncML>
            """
        let message = try SyncMLMessage(xml: Array(xml.utf8))
        #expect(message.header.msgID == "2")
        guard case .alert(let alert) = message.body.first else {
            Issue.record("no alert")
            return
        }
        #expect(alert.correlator == "c-1")
        #expect(alert.data == "1226")
        #expect(alert.items.first?.meta?.mark == "critical")
        #expect(alert.items.first?.data == .text("a<bA&Müller"))
        #expect(try SyncMLMessage(xml: message.xml()) == message)
    }

    @Test func keepsNestedMarkupInData() throws {
        let xml = """
            <SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>a</LocURI></Target><Source><LocURI>b</LocURI></Source></SyncHdr><SyncBody><Results><CmdID>1</CmdID><CmdRef>2</CmdRef><Item><Meta><Type xmlns="syncml:metinf">application/vnd.syncml-devinf+xml</Type></Meta><Data><DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD><Man>Acme</Man></DevInf></Data></Item></Results><Final/></SyncBody></SyncML>
            """
        let message = try SyncMLMessage(xml: Array(xml.utf8))
        #expect(
            message.body.first?.items.first?.data
                == .markup(#"<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD><Man>Acme</Man></DevInf>"#))
        #expect(try SyncMLMessage(xml: message.xml()) == message)
    }

    @Test(arguments: [
        ("<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr>", SyncMLDecodeError.Kind.malformed),
        ("<SyncML xmlns=\"SYNCML:SYNCML9.9\"/>", .unsupportedDocumentType),
        ("<Foo/>", .unsupportedDocumentType),
        ("", .malformed),
        ("<SyncML><SyncBody><Final/></SyncBody></SyncML>", .invalidStructure),
        ("<!DOCTYPE SyncML [<!ENTITY x \"y\">]><SyncML>&x;</SyncML>", .forbiddenConstruct),
        ("<!DOCTYPE SyncML SYSTEM \"file:///etc/passwd\"><SyncML>&xxe;</SyncML>", .forbiddenConstruct),
    ])
    func refusesBadDocuments(xml: String, kind: SyncMLDecodeError.Kind) {
        #expect {
            _ = try SyncMLMessage(xml: Array(xml.utf8))
        } throws: { error in
            (error as? SyncMLDecodeError)?.kind == kind
        }
    }
}
