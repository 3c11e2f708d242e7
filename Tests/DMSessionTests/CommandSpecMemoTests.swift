import Contracts
@testable import DMSessionServer
import Foundation
import Testing

/// The memo of decoded command specs the queue read uses.
@Suite struct CommandSpecMemoTests {
    static func json(_ spec: SessionCommandSpec) throws -> Data { try ContractsJSON.encode(spec) }

    @Test func aSpecDecodesOnceAndComesBackEqual() throws {
        let memo = CommandSpecMemo(capacity: 8)
        let spec = SessionCommandSpec(kind: .replace, items: [.init(target: "./A", data: "1", format: "int")])
        #expect(try memo.spec(Self.json(spec)) == spec)
        #expect(try memo.spec(Self.json(spec)) == spec)
        #expect(memo.count == 1)
        let other = SessionCommandSpec(kind: .get, items: [.init(target: "./B")])
        #expect(try memo.spec(Self.json(other)) == other)
        #expect(memo.count == 2)
    }

    @Test func itStartsOverWhenFull() throws {
        let memo = CommandSpecMemo(capacity: 4)
        for index in 0..<10 {
            let spec = SessionCommandSpec(kind: .get, items: [.init(target: "./N\(index)")])
            #expect(try memo.spec(Self.json(spec)) == spec)
            #expect(memo.count <= 4)
        }
    }

    @Test func storedBytesThatAreNotASpecStillFail() {
        let memo = CommandSpecMemo()
        #expect(throws: (any Error).self) { try memo.spec(Data("{\"kind\":".utf8)) }
        #expect(throws: (any Error).self) { try memo.spec(Data("{\"kind\":\"teleport\",\"items\":[]}".utf8)) }
        #expect(memo.count == 0)
    }
}
