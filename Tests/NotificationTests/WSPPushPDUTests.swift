import Notification
import Testing

@Suite struct WSPPushPDUTests {
    @Test func dmNotificationHasTheReferenceBytes() throws {
        let bytes = try WSPPushPDU.dmNotification(package: Example.package).encoded()
        #expect(Array(bytes.prefix(6)) == hex("01 06 03 c4 af 87"))
        #expect(Array(bytes.dropFirst(6)) == Example.package)
        // The reference's 55-byte user data minus its 7-byte UDH.
        #expect(bytes == Array(Example.smsUserData.dropFirst(7)))
    }

    @Test func decodeReadsTheReferencePDU() throws {
        let pdu = try WSPPushPDU.decode(Array(Example.smsUserData.dropFirst(7)))
        #expect(pdu.transactionID == 1)
        #expect(pdu.pduType == .push)
        #expect(pdu.contentType == .wellKnown(0x44))
        #expect(pdu.applicationID == .wellKnown(7))
        #expect(pdu.otherHeaders.isEmpty)
        #expect(pdu.body == Example.package)
        #expect(pdu.isDMNotification)
    }

    @Test func confirmedPushAndTransactionID() throws {
        let pdu = WSPPushPDU.dmNotification(package: [1, 2], transactionID: 0x7F, pduType: .confirmedPush)
        let bytes = try pdu.encoded()
        #expect(bytes == hex("7f 07 03 c4 af 87 01 02"))
        #expect(try WSPPushPDU.decode(bytes) == pdu)
    }

    @Test func textContentTypeAndApplicationURIRoundTrip() throws {
        let pdu = WSPPushPDU(
            contentType: .text("application/vnd.syncml.notification"),
            applicationID: .uri("x-wap-application:syncml.dm"), body: [0xAA])
        let bytes = try pdu.encoded()
        let contentType = Array("application/vnd.syncml.notification".utf8) + [0]
        let application = Array("x-wap-application:syncml.dm".utf8) + [0]
        let headersLength = contentType.count + 1 + application.count
        #expect(bytes == [0x01, 0x06, UInt8(headersLength)] + contentType + [0xAF] + application + [0xAA])
        let decoded = try WSPPushPDU.decode(bytes)
        #expect(decoded == pdu)
        #expect(decoded.isDMNotification)
    }

    @Test func longIntegerApplicationIDRoundTrips() throws {
        let pdu = WSPPushPDU(contentType: .wellKnown(0x44), applicationID: .wellKnown(0x9001), body: [])
        let bytes = try pdu.encoded()
        #expect(bytes == hex("01 06 05 c4 af 02 90 01"))
        #expect(try WSPPushPDU.decode(bytes) == pdu)
        #expect(!pdu.isDMNotification)
    }

    @Test func unknownHeadersAreKeptInOrder() throws {
        let initiator = WSPHeader(name: .wellKnown(0x37), value: Array("http://dm.example".utf8) + [0])
        let custom = WSPHeader(name: .text("X-Vendor"), value: Array("yes".utf8) + [0])
        let lengthValued = WSPHeader(name: .wellKnown(0x34), value: [0x02, 0x81, 0x82])
        let pdu = WSPPushPDU(
            contentType: .wellKnown(0x44), applicationID: .wellKnown(7),
            otherHeaders: [initiator, custom, lengthValued], body: [5])
        let decoded = try WSPPushPDU.decode(try pdu.encoded())
        #expect(decoded.otherHeaders == [initiator, custom, lengthValued])
        #expect(decoded == pdu)
    }

    @Test func headersLongerThan127UseAMultiOctetUintvar() throws {
        let longURI = "x-wap-application:" + String(repeating: "a", count: 200)
        let pdu = WSPPushPDU(contentType: .wellKnown(0x44), applicationID: .uri(longURI), body: [1])
        let bytes = try pdu.encoded()
        let headersLength = 1 + 1 + longURI.utf8.count + 1  // 221 = 0x81 0x5D
        #expect(headersLength == 221)
        #expect(Array(bytes[2...3]) == [0x81, 0x5D])
        #expect(try WSPPushPDU.decode(bytes) == pdu)
    }

    @Test func generalFormContentTypeIsKept() throws {
        // Value-length 3, media 0xC4, a parameter (charset 0x81 = 0xEA: utf-8).
        let bytes = hex("01 06 06 03 c4 81 ea af 87 99")
        let pdu = try WSPPushPDU.decode(bytes)
        #expect(pdu.contentType == .general([0xC4, 0x81, 0xEA]))
        #expect(pdu.contentType.isSyncMLNotification)
        #expect(pdu.applicationID == .wellKnown(7))
        #expect(pdu.body == [0x99])
        #expect(try pdu.encoded() == bytes)
    }

    @Test func noApplicationIDIsAllowed() throws {
        let pdu = WSPPushPDU(contentType: .wellKnown(0x44), applicationID: nil, body: [1])
        #expect(try pdu.encoded() == hex("01 06 01 c4 01"))
        let decoded = try WSPPushPDU.decode(try pdu.encoded())
        #expect(decoded.applicationID == nil)
        #expect(!decoded.isDMNotification)
    }

    @Test func everyTruncationOfTheHeadersIsAnError() {
        let bytes = Array(Example.smsUserData.dropFirst(7))
        for length in 0..<6 {
            #expect(throws: NotificationError.self, "length \(length)") {
                try WSPPushPDU.decode(Array(bytes.prefix(length)))
            }
        }
    }

    @Test func malformedPDUsAreReported() {
        let cases: [(String, [UInt8], NotificationError.Kind)] = [
            ("not a push PDU", hex("01 40 03 c4 af 87"), .unsupported),
            ("headers length beyond the data", hex("01 06 09 c4 af 87"), .truncated),
            ("uintvar too long", hex("01 06 ff ff ff ff ff 01"), .malformed),
            ("unterminated text content type", hex("01 06 03 61 62 63"), .truncated),
            ("header value missing", hex("01 06 02 c4 af"), .truncated),
            ("code page shift", hex("01 06 03 c4 7f 02"), .unsupported),
            ("application ID integer too long", hex("01 06 08 c4 af 05 01 02 03 04 05"), .malformed),
            ("NUL header name", hex("01 06 03 c4 00 80"), .malformed),
        ]
        for (name, bytes, kind) in cases {
            let error = #expect(throws: NotificationError.self, "\(name)") { try WSPPushPDU.decode(bytes) }
            #expect(error?.kind == kind, "\(name)")
        }
    }

    @Test func invalidValuesAreRefusedWhenEncoding() {
        #expect(throws: NotificationError.self) {
            try WSPPushPDU(contentType: .wellKnown(0x80), applicationID: nil, body: []).encoded()
        }
        #expect(throws: NotificationError.self) {
            try WSPPushPDU(contentType: .text(""), applicationID: nil, body: []).encoded()
        }
        #expect(throws: NotificationError.self) {
            try WSPPushPDU(contentType: .wellKnown(0x44), applicationID: .uri("a\u{0}b"), body: []).encoded()
        }
        #expect(throws: NotificationError.self) {
            try WSPHeader(name: .wellKnown(0x37), value: [0x81, 0x82]).encoded()
        }
        #expect(throws: NotificationError.self) {
            try WSPHeader(name: .text("\u{1}bad"), value: [0x81]).encoded()
        }
    }

    @Test func garbageInputNeverCrashes() {
        var generator = SplitMix(seed: 0xC0FFEE)
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 40)
            var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if bytes.count > 1 { bytes[1] = 0x06 }
            if let pdu = try? WSPPushPDU.decode(bytes) {
                #expect((try? pdu.encoded()) != nil)
            }
        }
    }
}
