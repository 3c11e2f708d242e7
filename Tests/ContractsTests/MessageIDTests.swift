import Contracts
import Foundation
import Testing

@Suite struct MessageIDTests {
    @Test func idsAreLowercaseVersion4UUIDs() throws {
        for _ in 0..<1000 {
            let id = MessageID.random()
            #expect(id.count == 36)
            #expect(id == id.lowercased())
            let uuid = try #require(UUID(uuidString: id))
            #expect(uuid.uuidString.lowercased() == id)
            let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 4, "version 4")
            #expect(bytes[8] >> 6 == 0b10, "RFC 4122 variant")
        }
    }

    @Test func idsDoNotRepeat() {
        let ids = Set((0..<10_000).map { _ in MessageID.random() })
        #expect(ids.count == 10_000)
    }
}
