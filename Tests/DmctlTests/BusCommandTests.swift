import Bus
import Foundation
import Testing

@Suite struct BusCommandTests {
    /// The value after `label: ` on the line that starts with it.
    private func value(_ label: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("\(label): ") }.map { String($0.dropFirst(label.count + 2)) }
    }

    @Test func keygenPrintsAMatchingPair() throws {
        let run = try Dmctl.run(["bus", "keygen"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdoutText.split(separator: "\n").count == 2)
        let publicKey = try #require(value("public", in: run.stdoutText))
        let secretKey = try #require(value("secret", in: run.stdoutText))
        #expect(publicKey.utf8.count == 40)
        #expect(secretKey.utf8.count == 40)
        #expect(try CurveKeyPair.publicKey(fromSecret: secretKey) == publicKey)
    }

    @Test func keygenAsJSON() throws {
        let run = try Dmctl.run(["bus", "keygen", "--json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: String])
        let publicKey = try #require(object["public"])
        let secretKey = try #require(object["secret"])
        #expect(try CurveKeyPair(publicKey: publicKey, secretKey: secretKey).publicKey == publicKey)
    }

    @Test func eachRunMakesANewPair() throws {
        let first = try Dmctl.run(["bus", "keygen"]), second = try Dmctl.run(["bus", "keygen"])
        #expect(first.status == 0 && second.status == 0)
        #expect(value("secret", in: first.stdoutText) != value("secret", in: second.stdoutText))
    }
}
