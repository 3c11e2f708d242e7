import Foundation
import Testing

@testable import SyncML

/// Every XML fixture decodes, and XML -> model -> XML -> model is the identity on the model.
@Suite struct XMLCorpusSmokeTests {
    static let files: [URL] = {
        guard let directory = Bundle.module.url(forResource: "Fixtures/xml", withExtension: nil) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "xml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    @Test func corpusIsThere() {
        #expect(Self.files.count >= 40)
    }

    @Test(arguments: files)
    func decodesAndRoundTrips(file: URL) throws {
        let bytes = Array(try Data(contentsOf: file))
        let message = try SyncMLMessage(xml: bytes)
        #expect(try SyncMLMessage(xml: message.xml()) == message)
    }
}
