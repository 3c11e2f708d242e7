import Download
import Testing
import XMLStream

@Suite struct DescriptorSafetyTests {
    @Test func externalEntityIsRefused() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE media [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <media xmlns="http://www.openmobilealliance.org/xmlns/dd"><type>a/b</type><size>1</size>
            <objectURI>http://h/&xxe;</objectURI></media>
            """
        let error = #expect(throws: DescriptorError.self) { try DownloadDescriptorV1.parse(Array(xxe.utf8)) }
        #expect(error?.kind == .forbiddenConstruct)
        #expect(error?.installNotifyStatus == .invalidDescriptor)
    }

    @Test func entityExpansionIsRefused() {
        let laughs = """
            <!DOCTYPE media [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <media xmlns="urn:oma:xml:dl:dd:2.0"><product><mediaObject><size>1</size><type>a/b</type>
            <objectID>&b;</objectID><objectURI><server>http://h/o</server></objectURI></mediaObject></product></media>
            """
        let error = #expect(throws: DescriptorError.self) { try DownloadDescriptorDocument.parse(Array(laughs.utf8)) }
        #expect(error?.kind == .forbiddenConstruct)
    }

    @Test func malformedAndTruncatedXML() {
        let truncated = #"<media xmlns="http://www.openmobilealliance.org/xmlns/dd"><type>a/b</type><size>1"#
        #expect(
            (#expect(throws: DescriptorError.self) { try DownloadDescriptorV1.parse(Array(truncated.utf8)) })?.kind
                == .malformedXML)
        #expect(
            (#expect(throws: DescriptorError.self) { try DownloadDescriptorV1.parse([UInt8]()) })?.kind == .malformedXML
        )
        let trailing = #"<media><type>a/b</type><size>1</size><objectURI>http://h/o</objectURI></media><media/>"#
        #expect(
            (#expect(throws: DescriptorError.self) { try DownloadDescriptorV1.parse(Array(trailing.utf8)) })?.kind
                == .malformedXML)
    }

    @Test func limitsAreEnforced() {
        let body = String(repeating: "<x/>", count: 100)
        let text = "<media><type>a/b</type><size>1</size><objectURI>http://h/o</objectURI>\(body)</media>"
        let error = #expect(throws: DescriptorError.self) {
            try DownloadDescriptorV1.parse(
                Array(text.utf8), limits: .init(maxBytes: 1 << 20, maxDepth: 8, maxElements: 50))
        }
        #expect(error?.kind == .limitExceeded)
    }
}
