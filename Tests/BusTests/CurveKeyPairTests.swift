import Bus
import Testing

@Suite struct CurveKeyPairTests {
    @Test func generatedPairIsConsistent() throws {
        let pair = try CurveKeyPair.generate()
        #expect(pair.publicKey.utf8.count == 40)
        #expect(pair.secretKey.utf8.count == 40)
        #expect(try CurveKeyPair.publicKey(fromSecret: pair.secretKey) == pair.publicKey)
        #expect(try CurveKeyPair(secretKey: pair.secretKey) == pair)
        #expect(try CurveKeyPair(publicKey: pair.publicKey, secretKey: pair.secretKey) == pair)
    }

    @Test func twoGeneratedPairsDiffer() throws {
        #expect(try CurveKeyPair.generate() != CurveKeyPair.generate())
    }

    @Test func mismatchedPairIsRefused() throws {
        let one = try CurveKeyPair.generate(), other = try CurveKeyPair.generate()
        #expect(throws: BusError.invalidKey) {
            try CurveKeyPair(publicKey: other.publicKey, secretKey: one.secretKey)
        }
    }

    @Test(arguments: ["", "short", String(repeating: "a", count: 39), String(repeating: "~", count: 40)])
    func malformedKeysAreRefused(_ key: String) {
        #expect(throws: BusError.invalidKey) { try CurveKeyPair.publicKey(fromSecret: key) }
        #expect(throws: BusError.invalidKey) {
            try CurveClientSecurity(keyPair: CurveKeyPair.generate(), serverPublicKey: key)
        }
    }
}
