import Foundation
import Testing

@testable import SyncML

/// Hostile and broken XML: every outcome is a message or a ``SyncMLDecodeError``, never a crash or a hang.
@Suite struct XMLMalformedInputTests {
    static let messages: [[UInt8]] = {
        let header = SyncHeader(
            sessionID: "1F", msgID: "3", target: "IMEI:356938035643809", source: Location("https://dm.example.com/dm"))
        let message = SyncMLMessage(
            header: header,
            body: [
                .status(StatusCommand(cmdID: "1", msgRef: "2", cmdRef: "0", cmd: "SyncHdr", data: "212")),
                .atomic(
                    ContainerCommand(
                        cmdID: "2",
                        commands: [
                            .replace(
                                ItemCommand(
                                    cmdID: "3", meta: MetaInfo(format: "chr", type: "text/plain"),
                                    items: [Item(target: "./FwUpdate/x1/DownloadAndUpdate/PkgURL", data: .text("http://dl/a?b=1&c=2"))])),
                            .add(ItemCommand(cmdID: "4", items: [Item(target: "./Ext/a", data: .text("Müller <x>"))])),
                        ])),
                .exec(ExecCommand(cmdID: "5", correlator: "corr-1", items: [Item(target: "./FwUpdate/x1/DownloadAndUpdate")])),
                .alert(
                    AlertCommand(
                        cmdID: "6", data: "1100",
                        items: [Item(data: .text("MINDT=10&MAXDT=30")), Item(data: .text("Update now?"))])),
            ])
        return [message.xml(), Array(XMLCodecTests.package1.utf8)]
    }()

    @Test func everyTruncationIsAnError() {
        for message in Self.messages {
            for length in 0..<message.count {
                #expect(throws: SyncMLDecodeError.self) { _ = try SyncMLMessage(xml: Array(message[..<length])) }
            }
            #expect(throws: Never.self) { _ = try SyncMLMessage(xml: message) }
        }
    }

    @Test func seededMutationsNeverCrash() {
        var generator = SeededGenerator(seed: 0x5EED_0001)
        var decoded = 0, refused = 0
        for round in 0..<4000 {
            let original = Self.messages[round % Self.messages.count]
            let mutated = Mutator.mutate(original, using: &generator)
            do {
                let message = try SyncMLMessage(xml: mutated)
                // Whatever decodes must re-encode and decode to the same model.
                #expect(try SyncMLMessage(xml: message.xml()) == message)
                decoded += 1
            } catch {
                refused += 1
            }
        }
        #expect(decoded + refused == 4000)
        #expect(refused > 1000)
    }

    @Test func billionLaughsIsRefused() {
        var doc = "<?xml version=\"1.0\"?><!DOCTYPE SyncML [<!ENTITY l0 \"ha\">"
        for level in 1...10 {
            doc += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        doc += "]><SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncHdr>&l10;</SyncHdr></SyncML>"
        #expect { _ = try SyncMLMessage(xml: Array(doc.utf8)) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .forbiddenConstruct
        }
    }

    @Test func externalEntityIsRefused() {
        let doc = """
            <?xml version="1.0"?><!DOCTYPE SyncML [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
            <SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>&xxe;</VerDTD></SyncHdr></SyncML>
            """
        #expect { _ = try SyncMLMessage(xml: Array(doc.utf8)) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .forbiddenConstruct
        }
    }

    @Test func depthBombIsRefused() {
        let depth = 5000
        let doc = "<SyncML xmlns=\"SYNCML:SYNCML1.2\"><SyncBody>" + String(repeating: "<Atomic><CmdID>1</CmdID>", count: depth)
            + String(repeating: "</Atomic>", count: depth) + "</SyncBody></SyncML>"
        #expect { _ = try SyncMLMessage(xml: Array(doc.utf8)) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .limitExceeded
        }
    }

    @Test func oversizeIsRefusedBeforeParsing() {
        let limits = DecodeLimits(maxMessageBytes: 1000)
        let big = Array(String(repeating: " ", count: 1001).utf8)
        #expect { _ = try SyncMLMessage(xml: big, limits: limits) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .limitExceeded
        }
    }

    @Test func elementItemAndCommandLimits() throws {
        let message = try SyncMLMessage(xml: Self.messages[0])
        let xml = message.xml()
        #expect { _ = try SyncMLMessage(xml: xml, limits: DecodeLimits(maxElements: 20)) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .limitExceeded
        }
        #expect { _ = try SyncMLMessage(xml: xml, limits: DecodeLimits(maxItems: 2)) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .limitExceeded
        }
        #expect { _ = try SyncMLMessage(xml: xml, limits: DecodeLimits(maxCommands: 3)) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .limitExceeded
        }
    }

    @Test func structuralErrorsNameTheElement() {
        let noCmdID = """
            <SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>a</LocURI></Target><Source><LocURI>b</LocURI></Source></SyncHdr><SyncBody><Get><Item><Target><LocURI>./a</LocURI></Target></Item></Get></SyncBody></SyncML>
            """
        #expect { _ = try SyncMLMessage(xml: Array(noCmdID.utf8)) } throws: {
            guard let error = $0 as? SyncMLDecodeError else { return false }
            return error.kind == .invalidStructure && error.element == "Get" && error.description.contains("CmdID")
        }
        let twoMsgIDs = noCmdID.replacingOccurrences(of: "<MsgID>1</MsgID>", with: "<MsgID>1</MsgID><MsgID>2</MsgID>")
        #expect { _ = try SyncMLMessage(xml: Array(twoMsgIDs.utf8)) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .invalidStructure
        }
    }
}
