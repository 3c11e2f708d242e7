import Notification
import Testing

@Suite struct PAPPushMessageTests {
    private func message() throws -> PAPPushMessage {
        PAPPushMessage(
            pushID: "dm-1234@dm.example",
            address: try PAPPushMessage.wapPushAddress(msisdn: "+1 555-123-4567", ppg: "ppg.example"),
            deliverBeforeTimestamp: "2026-12-01T10:00:00Z", qualityOfService: .smsOverGSM)
    }

    @Test func addressHasTheWAPPushForm() throws {
        #expect(
            try PAPPushMessage.wapPushAddress(msisdn: "+15551234567", ppg: "ppg.example")
                == "WAPPUSH=+15551234567/TYPE=PLMN@ppg.example")
        #expect(
            try PAPPushMessage.wapPushAddress(msisdn: "0401234567", ppg: "ppg") == "WAPPUSH=0401234567/TYPE=PLMN@ppg")
    }

    @Test(arguments: ["", "+", "abc", "+1555x", "123456789012345678901", "++1"])
    func invalidNumbersAreRefused(msisdn: String) {
        let error = #expect(throws: NotificationError.self) {
            try PAPPushMessage.wapPushAddress(msisdn: msisdn, ppg: "ppg.example")
        }
        #expect(error?.kind == .invalidArgument)
    }

    @Test(arguments: ["", "ppg/evil", "a\"b", "ppg example"])
    func invalidPPGNamesAreRefused(ppg: String) {
        #expect(throws: NotificationError.self) { try PAPPushMessage.wapPushAddress(msisdn: "+1555", ppg: ppg) }
    }

    @Test func documentHasTheDoctypeAndEveryElement() throws {
        let text = String(decoding: try message().document(), as: UTF8.self)
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN" "http://www.wapforum.org/DTD/pap_2.0.dtd">
            <pap><push-message push-id="dm-1234@dm.example" deliver-before-timestamp="2026-12-01T10:00:00Z">\
            <address address-value="WAPPUSH=+15551234567/TYPE=PLMN@ppg.example"/>\
            <quality-of-service delivery-method="unconfirmed" network="GSM" network-required="true" bearer="SMS" \
            bearer-required="true"/></push-message></pap>

            """
        #expect(text == expected)
    }

    @Test func optionalAttributesAppearWhenSet() throws {
        let full = PAPPushMessage(
            pushID: "p&1", address: "WAPPUSH=1/TYPE=PLMN@ppg", deliverBeforeTimestamp: "2026-01-01T00:00:00Z",
            deliverAfterTimestamp: "2025-12-31T23:00:00Z", sourceReference: "dm \"server\"",
            ppgNotifyRequestedTo: "http://dm.example/pap?a=1&b=2", progressNotesRequested: false,
            qualityOfService: PAPQualityOfService(priority: .high, deliveryMethod: .confirmed))
        let text = String(decoding: try full.document(), as: UTF8.self)
        #expect(text.contains(#"push-id="p&amp;1""#))
        #expect(text.contains(#"deliver-after-timestamp="2025-12-31T23:00:00Z""#))
        #expect(text.contains(#"source-reference="dm &quot;server&quot;""#))
        #expect(text.contains(#"ppg-notify-requested-to="http://dm.example/pap?a=1&amp;b=2""#))
        #expect(text.contains(#"progress-notes-requested="false""#))
        #expect(text.contains(#"<quality-of-service priority="high" delivery-method="confirmed"/>"#))
        let bare = PAPPushMessage(pushID: "x", address: "WAPPUSH=1/TYPE=PLMN@ppg")
        #expect(!String(decoding: try bare.document(), as: UTF8.self).contains("quality-of-service"))
    }

    @Test func invalidFieldsAreRefused() {
        #expect(throws: NotificationError.self) {
            try PAPPushMessage(pushID: "", address: "a").document()
        }
        #expect(throws: NotificationError.self) {
            try PAPPushMessage(pushID: "x", address: "").document()
        }
        #expect(throws: NotificationError.self) {
            try PAPPushMessage(pushID: "x", address: "a", deliverBeforeTimestamp: "tomorrow").document()
        }
        #expect(throws: NotificationError.self) {
            try PAPPushMessage(pushID: "x", address: "a", deliverAfterTimestamp: "2026-01-01 00:00:00Z").document()
        }
    }

    @Test func submissionIsMultipartRelatedWithBase64Content() throws {
        let submission = try message().submission(content: Example.package)
        #expect(submission.contentType == #"multipart/related; boundary=oma-dm-pap-boundary; type="application/xml""#)
        let body = String(decoding: submission.body, as: UTF8.self)
        let document = String(decoding: try message().document(), as: UTF8.self)
        let expected =
            "--oma-dm-pap-boundary\r\nContent-Type: application/xml; charset=utf-8\r\n\r\n" + document
            + "\r\n--oma-dm-pap-boundary\r\nContent-Type: application/vnd.syncml.notification\r\n"
            + "X-Wap-Application-Id: x-wap-application:syncml.dm\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "43/cD46QcPwxsJZ5ELkhrwLQAAAAEjQSY29tLm1nbXRzcnYubWFuYWdl"
            + "\r\n--oma-dm-pap-boundary--\r\n"
        #expect(body == expected)
    }

    @Test func longBase64ContentIsWrappedAt76() throws {
        let submission = try message().submission(content: [UInt8](repeating: 0xFF, count: 120))
        let body = String(decoding: submission.body, as: UTF8.self)
        let line = String(repeating: "/", count: 76)
        #expect(body.contains("\r\n\r\n" + line + "\r\n" + line + "\r\n" + String(repeating: "/", count: 8) + "\r\n--"))
    }

    @Test func binarySubmissionKeepsTheBytes() throws {
        let submission = try message().submission(content: Example.package, boundary: "b1", transferEncoding: .binary)
        let marker = Array("Content-Transfer-Encoding: binary\r\n\r\n".utf8)
        let tail = Array("\r\n--b1--\r\n".utf8)
        #expect(
            Array(submission.body.suffix(marker.count + Example.package.count + tail.count))
                == marker + Example.package + tail)
    }

    @Test func binaryContentContainingTheBoundaryIsRefused() throws {
        let content = Array("xx\r\n--b1yy".utf8)
        #expect(throws: NotificationError.self) {
            try message().submission(content: content, boundary: "b1", transferEncoding: .binary)
        }
        #expect((try? message().submission(content: content, boundary: "b1", transferEncoding: .base64)) != nil)
    }

    @Test(arguments: ["", "has space", "quote\"", String(repeating: "a", count: 71), "semi;colon"])
    func invalidBoundariesAreRefused(boundary: String) throws {
        let message = try message()
        #expect(throws: NotificationError.self) { try message.submission(content: [1], boundary: boundary) }
    }

    @Test func headerValuesWithLineBreaksAreRefused() throws {
        let message = try message()
        #expect(throws: NotificationError.self) {
            try message.submission(content: [1], applicationID: "x\r\nInjected: yes")
        }
    }
}

@Suite struct PAPResponseTests {
    @Test func kannelPushResponseParses() throws {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 1.0//EN" \
            "http://www.wapforum.org/DTD/pap_1.0.dtd"><pap><push-response push-id="dm-1234@dm.example" \
            sender-name="ppg.example; WAP/1.3 (Kannel/1.4.5)" reply-time="2026-11-23T12:00:00Z" \
            sender-address="http://ppg.example:8080/wappush"><response-result code="1001" \
            desc="The request has been accepted for processing"></response-result></push-response></pap>
            """
        guard case .push(let response) = try PAPResponse.parse(Array(xml.utf8)) else {
            Issue.record("not a push response")
            return
        }
        #expect(response.pushID == "dm-1234@dm.example")
        #expect(response.senderName == "ppg.example; WAP/1.3 (Kannel/1.4.5)")
        #expect(response.replyTime == "2026-11-23T12:00:00Z")
        #expect(response.senderAddress == "http://ppg.example:8080/wappush")
        #expect(response.result == PAPResult(code: 1001, description: "The request has been accepted for processing"))
        #expect(response.result.isSuccess)
        #expect(response.result.category == .success)
        #expect(response.address == nil)
    }

    @Test func failedPushResponseAndAddress() throws {
        let xml = """
            <pap><push-response push-id='p2'><address address-value="WAPPUSH=+1555/TYPE=PLMN@ppg"/>\
            <response-result code=" 2002 " desc="Address error"/></push-response></pap>
            """
        let response = try PAPResponse.parse(Array(xml.utf8))
        #expect(response.result.code == 2002)
        #expect(!response.result.isSuccess)
        #expect(response.result.category == .clientError)
        guard case .push(let push) = response else {
            Issue.record("not a push response")
            return
        }
        #expect(push.address == "WAPPUSH=+1555/TYPE=PLMN@ppg")
    }

    @Test func badMessageResponseParses() throws {
        let xml = """
            <?xml version="1.0"?><pap><badmessage-response code="2000" desc="Not understood due to malformed syntax" \
            bad-message-fragment="&lt;pap&gt;&lt;push-mesage"></badmessage-response></pap>
            """
        let response = try PAPResponse.parse(Array(xml.utf8))
        #expect(
            response
                == .badMessage(
                    PAPBadMessageResponse(
                        result: PAPResult(code: 2000, description: "Not understood due to malformed syntax"),
                        badMessageFragment: "<pap><push-mesage")))
    }

    @Test func resultNotificationParses() throws {
        let xml = """
            <pap><resultnotification-message push-id="p3" message-state="delivered" code="1000" desc="OK" \
            event-time="2026-11-23T12:00:05Z"><address address-value="WAPPUSH=1/TYPE=PLMN@ppg"/>\
            </resultnotification-message></pap>
            """
        guard case .resultNotification(let note) = try PAPResponse.parse(Array(xml.utf8)) else {
            Issue.record("not a result notification")
            return
        }
        #expect(note.pushID == "p3")
        #expect(note.messageState == "delivered")
        #expect(note.result.code == 1000)
        #expect(note.eventTime == "2026-11-23T12:00:05Z")
        #expect(note.address == "WAPPUSH=1/TYPE=PLMN@ppg")
    }

    @Test func harmlessInternalSubsetIsAccepted() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN" "http://www.wapforum.org/DTD/pap_2.0.dtd"
            [<?wap-pap-ver supported-versions="2.0,1.*"?>]>
            <pap><push-response push-id="p"><response-result code="1001"/></push-response></pap>
            """
        #expect(try PAPResponse.parse(Array(xml.utf8)).result.code == 1001)
    }

    @Test func characterReferencesAndWhitespaceInAttributes() throws {
        let xml =
            "<pap><push-response push-id=\"a&#x26;b&#233;\tc\"><response-result code=\"1000\"/></push-response></pap>"
        guard case .push(let response) = try PAPResponse.parse(Array(xml.utf8)) else {
            Issue.record("not a push response")
            return
        }
        #expect(response.pushID == "a&bé c")
    }

    @Test func unsafeDocumentsAreRefused() {
        let cases: [(String, String, NotificationError.Kind)] = [
            (
                "entity declaration",
                #"<!DOCTYPE pap [<!ENTITY x "y">]><pap><push-response push-id="&x;"><response-result code="1"/></push-response></pap>"#,
                .forbiddenConstruct
            ),
            (
                "undeclared entity in an attribute (libxml2: not well-formed)",
                #"<pap><push-response push-id="&x;"><response-result code="1"/></push-response></pap>"#,
                .malformed
            ),
            (
                "entity reference in text",
                #"<pap><push-response push-id="p"><response-result code="1"/>&x;</push-response></pap>"#,
                .malformed
            ),
        ]
        for (name, xml, kind) in cases {
            let error = #expect(throws: NotificationError.self, "\(name)") { try PAPResponse.parse(Array(xml.utf8)) }
            #expect(error?.kind == kind, "\(name)")
        }
    }

    @Test func invalidDocumentsAreReported() {
        let cases: [(String, String, NotificationError.Kind)] = [
            ("empty", "", .malformed),
            ("not XML", "HTTP/1.1 500", .malformed),
            ("unclosed", "<pap><push-response push-id=\"p\">", .malformed),
            (
                "mismatched tags",
                "<pap><push-response push-id=\"p\"><response-result code=\"1\"/></pap></push-response>", .malformed
            ),
            ("unquoted attribute", "<pap><push-response push-id=p/></pap>", .malformed),
            ("wrong root", "<html><body/></html>", .unsupported),
            ("no response element", "<pap/>", .unsupported),
            ("cancel response", "<pap><cancel-response push-id=\"p\"/></pap>", .unsupported),
            ("no push-id", "<pap><push-response><response-result code=\"1001\"/></push-response></pap>", .malformed),
            ("no result", "<pap><push-response push-id=\"p\"/></pap>", .malformed),
            ("no code", "<pap><push-response push-id=\"p\"><response-result/></push-response></pap>", .malformed),
            ("code not a number", "<pap><badmessage-response code=\"bad\"/></pap>", .malformed),
            ("two roots", "<pap><badmessage-response code=\"2000\"/></pap><pap/>", .malformed),
            ("unterminated comment", "<pap><!-- </pap>", .malformed),
            ("unterminated doctype", "<!DOCTYPE pap [<?x?>", .malformed),
            ("bad character reference", "<pap><badmessage-response code=\"2000\" desc=\"&#0;\"/></pap>", .malformed),
        ]
        for (name, xml, kind) in cases {
            let error = #expect(throws: NotificationError.self, "\(name)") { try PAPResponse.parse(Array(xml.utf8)) }
            #expect(error?.kind == kind, "\(name)")
        }
    }

    @Test func oversizedDocumentsAreRefused() {
        let padding = [UInt8](repeating: 0x20, count: PAPResponse.maxDocumentLength)
        let document = Array("<pap><badmessage-response code=\"2000\"/></pap>".utf8)
        let error = #expect(throws: NotificationError.self) { try PAPResponse.parse(document + padding) }
        #expect(error?.message.contains("exceeds") == true)
        #expect((try? PAPResponse.parse(document))?.result.code == 2000)
    }

    @Test func garbageInputNeverCrashes() {
        var generator = SplitMix(seed: 7)
        let alphabet = Array("<>/=\"'&;#x![]?-pap push-response code=1 ".utf8)
        for _ in 0..<1_500 {
            let length = Int(generator.next() % 60)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = try? PAPResponse.parse(bytes)
        }
    }
}
