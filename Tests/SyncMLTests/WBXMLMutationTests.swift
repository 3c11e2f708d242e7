import Testing

@testable import SyncML

/// Thousands of seeded mutations of real WBXML messages: each decodes to a message that re-encodes to the
/// same model (Data compared by bytes), or is refused with a ``SyncMLDecodeError``; nothing crashes or hangs.
@Suite struct WBXMLMutationTests {
    static let messages: [[UInt8]] = XMLMalformedInputTests.messages.compactMap {
        try? SyncMLMessage(xml: $0).wbxml()
    } + XMLMalformedInputTests.messages.compactMap { try? SyncMLMessage(xml: $0).wbxml(publicID: .stringTable) }

    @Test func seededMutationsNeverCrash() throws {
        try #require(Self.messages.count == 4)
        var generator = SeededGenerator(seed: 0x5EED_0002)
        var decoded = 0, refused = 0
        for round in 0..<6000 {
            let mutated = Mutator.mutate(Self.messages[round % Self.messages.count], using: &generator)
            do {
                let message = try SyncMLMessage(wbxml: mutated)
                // Nested markup travels as OPAQUE bytes in WBXML, so Data is compared by its bytes.
                let again = try SyncMLMessage(wbxml: message.wbxml())
                #expect(again.dataAsBytes == message.dataAsBytes, "mutated input: \(mutated)")
                decoded += 1
            } catch {
                refused += 1
            }
        }
        #expect(decoded + refused == 6000)
        #expect(refused > 1000)
    }

    @Test func everyTruncationIsAnError() {
        for message in Self.messages {
            for length in 0..<message.count {
                #expect(throws: SyncMLDecodeError.self) { _ = try SyncMLMessage(wbxml: Array(message[..<length])) }
            }
        }
    }

    @Test func wrongPublicIDAndCharsetAreNamed() throws {
        var wrongID = Self.messages[0]
        wrongID[2] = 0x09  // 0x1209 is no SyncML public id
        #expect { _ = try SyncMLMessage(wbxml: wrongID) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .unsupportedDocumentType || ($0 as? SyncMLDecodeError)?.kind == .malformed
        }
        var wrongCharset = Self.messages[0]
        wrongCharset[3] = 0x11  // Shift_JIS
        #expect { _ = try SyncMLMessage(wbxml: wrongCharset) } throws: {
            ($0 as? SyncMLDecodeError)?.kind == .unsupportedCharset
        }
    }
}
