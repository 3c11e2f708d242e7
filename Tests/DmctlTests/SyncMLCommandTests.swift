import Foundation
import Testing

/// `dmctl syncml ...` on good and bad input, with exit codes.
@Suite struct SyncMLCommandTests {
    static let message = """
        <SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>3A</SessionID><MsgID>1</MsgID><Target><LocURI>https://dm.example.com/dm</LocURI></Target><Source><LocURI>IMEI:493005100592800</LocURI><LocName>devuser</LocName></Source><Meta><MaxMsgSize xmlns="syncml:metinf">16384</MaxMsgSize></Meta></SyncHdr><SyncBody><Alert><CmdID>1</CmdID><Data>1201</Data></Alert><Replace><CmdID>2</CmdID><Item><Source><LocURI>./DevInfo/Man</LocURI></Source><Data>Acme</Data></Item></Replace><Final/></SyncBody></SyncML>
        """

    @Test func credBasicAndMD5KnownAnswers() throws {
        let basic = try Dmctl.run(["syncml", "cred", "--type", "basic", "--user", "Bruce2", "--password", "OhBehave"])
        #expect(basic.status == 0)
        #expect(basic.stdoutText == "QnJ1Y2UyOk9oQmVoYXZl\n")
        let md5 = try Dmctl.run([
            "syncml", "cred", "--type", "md5", "--user", "Bruce2", "--password", "OhBehave", "--nonce-b64", "ZG9iZWhhdmUNCg==",
        ])
        #expect(md5.status == 0)
        #expect(md5.stdoutText == "kHLLLSPq49co1xndU6F2HQ==\n")
    }

    @Test func credRefusesBadInput() throws {
        let badNonce = try Dmctl.run(["syncml", "cred", "--type", "md5", "--user", "u", "--password", "p", "--nonce-b64", "%%%"])
        #expect(badNonce.status == 1)
        #expect(badNonce.stderr.hasPrefix("dmctl: "))
        #expect(badNonce.stderr.split(separator: "\n").count == 1)
        let nonceWithBasic = try Dmctl.run(["syncml", "cred", "--type", "basic", "--user", "u", "--password", "p", "--nonce-b64", "AA=="])
        #expect(nonceWithBasic.status == 2)
        let badType = try Dmctl.run(["syncml", "cred", "--type", "sha1", "--user", "u", "--password", "p"])
        #expect(badType.status == 2)
        let missing = try Dmctl.run(["syncml", "cred", "--type", "basic"])
        #expect(missing.status == 2)
    }

    @Test func hmacKnownAnswer() throws {
        let body = Array(#"<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr/><SyncBody><Final/></SyncBody></SyncML>"#.utf8)
        let run = try Dmctl.run(["syncml", "hmac", "--user", "Robert Jordan", "--password", "secret", "--nonce-b64", "AQIDBA=="], stdin: body)
        #expect(run.status == 0)
        #expect(run.stdoutText == "algorithm=MD5, username=\"Robert Jordan\", mac=x2AZP1zqnx9lL3ljMD1QwQ==\n")
    }

    @Test func convertRoundTripsThroughFiles() throws {
        let directory = try Dmctl.temporaryDirectory()
        let xmlFile = directory.appendingPathComponent("m.xml").path
        let wbxmlFile = directory.appendingPathComponent("m.wbxml").path
        let backFile = directory.appendingPathComponent("back.xml").path
        try Data(Self.message.utf8).write(to: URL(fileURLWithPath: xmlFile))

        let toWBXML = try Dmctl.run(["syncml", "convert", "--to", "wbxml", xmlFile, "-o", wbxmlFile])
        #expect(toWBXML.status == 0)
        let wbxml = try Data(contentsOf: URL(fileURLWithPath: wbxmlFile))
        #expect(Array(wbxml.prefix(4)) == [0x02, 0xA4, 0x01, 0x6A])

        let back = try Dmctl.run(["syncml", "convert", "--to", "xml", wbxmlFile, "-o", backFile])
        #expect(back.status == 0)
        #expect(try String(contentsOfFile: backFile, encoding: .utf8) == Self.message)

        let literal = try Dmctl.run(["syncml", "convert", "--to", "wbxml", "--public-id", "string-table"], stdin: Array(Self.message.utf8))
        #expect(literal.status == 0)
        #expect(Array(literal.stdout.prefix(5)) == [0x02, 0x00, 0x00, 0x6A, 0x1D])
    }

    @Test func inspectShowsHeaderAndCommands() throws {
        let run = try Dmctl.run(["syncml", "inspect"], stdin: Array(Self.message.utf8))
        #expect(run.status == 0)
        #expect(run.stdoutText.contains("session 3A, message 1, final"))
        #expect(run.stdoutText.contains("1 Alert 1201 (Client-initiated management)"))
        #expect(run.stdoutText.contains("./DevInfo/Man = Acme"))

        let json = try Dmctl.run(["syncml", "inspect", "--json"], stdin: Array(Self.message.utf8))
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any])
        let header = try #require(object["header"] as? [String: Any])
        #expect(header["sessionID"] as? String == "3A")
        #expect(header["maxMsgSize"] as? String == "16384")
        #expect((object["commands"] as? [[String: Any]])?.count == 2)
    }

    @Test func badMessagesFailWithOneLine() throws {
        for input in ["garbage", "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr>", "\u{02}\u{A4}\u{01}"] {
            let run = try Dmctl.run(["syncml", "inspect"], stdin: Array(input.utf8))
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix("dmctl: "))
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
        let missingFile = try Dmctl.run(["syncml", "convert", "--to", "xml", "/nonexistent/file.wbxml"])
        #expect(missingFile.status == 1)
        let badTarget = try Dmctl.run(["syncml", "convert", "--to", "json"], stdin: Array(Self.message.utf8))
        #expect(badTarget.status == 2)
    }
}
