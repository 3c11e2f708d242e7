import Testing

@testable import SyncML

@Suite struct SyncMLEncodingTests {
    @Test(arguments: [
        ([UInt8](Array("<SyncML/>".utf8)), SyncMLEncoding?.some(.xml)),
        ([0xEF, 0xBB, 0xBF] + Array(" \r\n\t<?xml?>".utf8), .xml),
        ([0x02, 0xA4, 0x01, 0x6A], .wbxml),
        ([0x00], .wbxml),
        ([0xEF, 0xBB, 0xBF], nil),
        (Array("  hello".utf8), nil),
        ([], nil),
        ([0x04, 0x3C], nil),
    ])
    func sniffsTheFirstMeaningfulByte(bytes: [UInt8], expected: SyncMLEncoding?) {
        #expect(SyncMLEncoding(sniffing: bytes) == expected)
    }

    @Test func contentTypes() {
        #expect(SyncMLEncoding(contentType: "application/vnd.syncml.dm+wbxml") == .wbxml)
        #expect(SyncMLEncoding(contentType: "Application/Vnd.SyncML+XML; charset=utf-8") == .xml)
        #expect(SyncMLEncoding(contentType: "text/xml") == nil)
        #expect(SyncMLEncoding.wbxml.contentType == "application/vnd.syncml.dm+wbxml")
    }

    @Test func mediaTypeOfAnAnswerIsTheClientsInLowercaseWithoutParameters() {
        #expect(SyncMLEncoding.named(byContentType: "application/vnd.syncml+wbxml")! == (.wbxml, "application/vnd.syncml+wbxml"))
        #expect(SyncMLEncoding.named(byContentType: " Application/Vnd.SyncML.DM+XML ; charset=utf-8")! == (.xml, "application/vnd.syncml.dm+xml"))
        #expect(SyncMLEncoding.named(byContentType: "application/vnd.syncml.dm+json") == nil)
        #expect(SyncMLEncoding.named(byContentType: "") == nil)
    }
}
