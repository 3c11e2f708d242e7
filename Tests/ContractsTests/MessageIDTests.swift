import Contracts
import Foundation
import Testing

@Suite struct MessageIDTests {
    @Test func idsAreLowercaseVersion7UUIDs() throws {
        for _ in 0..<1000 {
            let id = MessageID.random()
            #expect(id.count == 36)
            #expect(id == id.lowercased())
            let uuid = try #require(UUID(uuidString: id))
            #expect(uuid.uuidString.lowercased() == id)
            let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 7, "version 7")
            #expect(bytes[8] >> 6 == 0b10, "RFC 9562 variant")
        }
    }

    @Test func idsCarryTheTimeInMilliseconds() throws {
        let before = UInt64(Date().timeIntervalSince1970 * 1000)
        let id = MessageID.random()
        let after = UInt64(Date().timeIntervalSince1970 * 1000) + 1
        let milliseconds = try #require(UInt64(id.replacingOccurrences(of: "-", with: "").prefix(12), radix: 16))
        #expect(milliseconds >= before && milliseconds <= after)
    }

    @Test func idsDoNotRepeatAndSortInTheOrderTheyWereMade() {
        let ids = (0..<10_000).map { _ in MessageID.random() }
        #expect(Set(ids).count == 10_000)
        #expect(ids == ids.sorted())
    }

    @Test func idsMadeConcurrentlyDoNotRepeat() async {
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<2_000).map { _ in MessageID.random() } } }
            var all: [String] = []
            for await part in group { all += part }
            return all
        }
        #expect(Set(ids).count == 16_000)
    }
}
