import Testing

@testable import SyncML

/// DevInf in Data: markup with a `+xml` type in the model, a nested WBXML document with a `+wbxml` type on
/// the wire.
@Suite struct DevInfTypeTests {
    static let devInf = #"<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD><Man>Acme</Man><Mod>X1</Mod></DevInf>"#

    static func message(itemLevelType: Bool) -> SyncMLMessage {
        let meta = MetaInfo(type: SyncMLMessage.devInfXMLType)
        return SyncMLMessage(
            header: SyncHeader(sessionID: "1", msgID: "1", target: "http://s", source: "IMEI:1"),
            body: [
                .results(
                    ResultsCommand(
                        cmdID: "1", cmdRef: "2", meta: itemLevelType ? nil : meta,
                        items: [Item(source: "./devinf12", meta: itemLevelType ? meta : nil, data: .markup(devInf))]))
            ])
    }

    @Test(arguments: [true, false])
    func typeFollowsTheFormOfTheData(itemLevelType: Bool) throws {
        let message = Self.message(itemLevelType: itemLevelType)
        let wire = message.wbxml()
        let text = String(decoding: wire, as: UTF8.self)
        #expect(text.contains(SyncMLMessage.devInfWBXMLType))
        #expect(!text.contains(SyncMLMessage.devInfXMLType))
        // The nested document: WBXML 1.2, DevInf 1.2 public id 0x1203 (A4 03), UTF-8.
        #expect(wire.indices.dropLast(3).contains { Array(wire[$0..<($0 + 4)]) == [0x02, 0xA4, 0x03, 0x6A] })
        let decoded = try SyncMLMessage(wbxml: wire)
        #expect(decoded == message)
        #expect(try SyncMLMessage(xml: decoded.xml()) == message)
    }
}
