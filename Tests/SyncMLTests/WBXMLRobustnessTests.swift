import Testing

@testable import SyncML

@Suite("WBXML decoding of hostile and broken input")
struct WBXMLRobustnessTests {
    @Test("every truncation of the worked example is reported as truncated, with an offset")
    func everyTruncation() {
        for length in 0..<wbxmlWorkedExample.count {
            let prefix = Array(wbxmlWorkedExample[..<length])
            let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(prefix) }
            #expect(error?.kind == .truncated, "prefix of \(length) bytes")
            #expect(error?.offset.map { $0 <= length } == true, "prefix of \(length) bytes")
        }
    }

    @Test("every truncation of a message with OPAQUE, STR_T, ENTITY and a literal header is an error")
    func everyTruncationOfRicherMessage() throws {
        let table: [UInt8] = Array("-//SYNCML//DTD SyncML 1.2//EN".utf8) + [0x00] + Array("abc".utf8)
        let body: [UInt8] =
            [0x4F, 0xC3, 0x03, 0x01, 0x02, 0x03, 0x83, 0x1E, 0x02, 0x81, 0x69, 0x01]
            + [0x5A, 0x00, 0x01, 0x4C, 0x03, 0x31, 0x00, 0x01, 0x01]
        let message: [UInt8] = [0x03, 0x00, 0x00, 0x6A, UInt8(table.count)] + table + [0x6D] + body + [0x01]
        #expect(
            try walkWBXML(message) == [
                "SyncML 1.2", " Data opaque(1 2 3 61 62 63 c3 a9)", " Meta", "  MaxMsgSize=1",
            ])
        for length in 0..<message.count {
            let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(Array(message[..<length])) }
            #expect(error?.kind == .truncated, "prefix of \(length) bytes")
        }
    }

    @Test(
        "an mb_u_int32 longer than 5 bytes or wider than 32 bits is malformed",
        arguments: [
            wbxmlHex("02 FF FF FF FF 7F 6A 00 6D 01"),  // 35 bits
            wbxmlHex("02 80 80 80 80 80 01 6A 00 6D 01"),  // 6 bytes
            wbxmlHex("02 A4 01 90 80 80 80 00 00 6D 01"),  // charset of 2^32
        ])
    func multiByteOverflow(message: [UInt8]) {
        var cursor = WBXMLCursor(bytes: message)
        let error = decodeError { () throws(SyncMLDecodeError) in try cursor.openRoot() }
        #expect(error?.kind == .malformed)
    }

    @Test("the largest 5-byte mb_u_int32 is read")
    func multiByteMaximum() throws {
        var reader = WBXMLByteReader(bytes: wbxmlHex("8F FF FF FF 7F 00"), range: 0..<6)
        #expect(try reader.readMultiByteUInt32("test") == UInt32.max)
        #expect(try reader.readMultiByteUInt32("test") == 0)
        #expect(reader.isAtEnd)
        for value: UInt32 in [0, 0x7F, 0x80, 0x1201, 0x0FD3, 0x3FFF, 0x4000, UInt32.max] {
            let encoded = WBXMLMultiByte.encode(value)
            var reader = WBXMLByteReader(bytes: encoded, range: 0..<encoded.count)
            #expect(try reader.readMultiByteUInt32("test") == value)
            #expect(reader.isAtEnd)
        }
        #expect(WBXMLMultiByte.encode(0x1201) == [0xA4, 0x01])
    }

    @Test("a huge OPAQUE, string table or STR_T length is refused before anything is allocated")
    func hugeLengths() {
        let opaque: [UInt8] = wbxmlMessage([0x4F, 0xC3, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x00, 0x01])
        var error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(opaque) }
        #expect(error?.kind == .truncated)
        #expect(error?.offset == 7)
        // The same OPAQUE inside an unknown element that is being skipped.
        let skipped: [UInt8] = wbxmlMessage([0x7F, 0xC3, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x01])
        #expect(decodeError { () throws(SyncMLDecodeError) in try walkWBXML(skipped) }?.kind == .truncated)
        let table = wbxmlHex("02 A4 01 6A 8F FF FF FF 7F 6D 01")
        var cursor = WBXMLCursor(bytes: table)
        error = decodeError { () throws(SyncMLDecodeError) in try cursor.openRoot() }
        #expect(error?.kind == .truncated)
        #expect(error?.offset == 4)
        let tableString: [UInt8] = wbxmlMessage([0x4F, 0x83, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F, 0x01])
        #expect(decodeError { () throws(SyncMLDecodeError) in try walkWBXML(tableString) }?.kind == .malformed)
    }

    @Test("a depth bomb of 10,000 nested Items exceeds the depth limit")
    func depthBomb() throws {
        let bomb: [UInt8] = [0x02, 0xA4, 0x01, 0x6A, 0x00, 0x6D] + [UInt8](repeating: 0x54, count: 10_000)
        let error = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(bomb) }
        #expect(error?.kind == .limitExceeded)
        #expect(error?.offset == 6 + 31)  // the 33rd element
        var cursor = WBXMLCursor(bytes: bomb)
        let skipped = decodeError { () throws(SyncMLDecodeError) in
            _ = try cursor.openRoot()
            _ = try cursor.nextChild()
            try cursor.skipElement()
        }
        #expect(skipped?.kind == .limitExceeded)
        // Closed properly, the same nesting is still refused at depth 33 and accepted within the limit.
        let closed: [UInt8] =
            [0x02, 0xA4, 0x01, 0x6A, 0x00, 0x6D] + [UInt8](repeating: 0x54, count: 40)
            + [UInt8](repeating: 0x01, count: 41)
        #expect(decodeError { () throws(SyncMLDecodeError) in try walkWBXML(closed) }?.kind == .limitExceeded)
        #expect(try walkWBXML(closed, limits: DecodeLimits(maxDepth: 41)).count == 41)
    }

    @Test("a nested element bomb inside Data exceeds the depth limit")
    func markupDepthBomb() {
        let bomb: [UInt8] = wbxmlMessage([0x4F] + [UInt8](repeating: 0x54, count: 10_000))
        #expect(decodeError { () throws(SyncMLDecodeError) in try readFirstData(bomb) }?.kind == .limitExceeded)
    }

    @Test("the element limit counts every start tag, skipped ones included")
    func elementLimit() throws {
        let body: [UInt8] = [UInt8](repeating: 0x12, count: 50) + [UInt8](repeating: 0x3F, count: 50)
        let message: [UInt8] = wbxmlMessage(body)
        #expect(try walkWBXML(message, limits: DecodeLimits(maxElements: 101)).count == 51)
        let error = decodeError { () throws(SyncMLDecodeError) in
            try walkWBXML(message, limits: DecodeLimits(maxElements: 100))
        }
        #expect(error?.kind == .limitExceeded)
        #expect(error?.offset == 6 + 99)
    }

    @Test("the message size limit is checked first")
    func messageSizeLimit() {
        var cursor = WBXMLCursor(bytes: [0xFF] + wbxmlWorkedExample, limits: DecodeLimits(maxMessageBytes: 174))
        let error = decodeError { () throws(SyncMLDecodeError) in try cursor.openRoot() }
        #expect(error?.kind == .limitExceeded)
        #expect(error?.offset == 0)
    }

    @Test("an END with no open element is malformed")
    func strayEnd() {
        var cursor = WBXMLCursor(bytes: wbxmlHex("02 A4 01 6A 00 01"))
        #expect(decodeError { () throws(SyncMLDecodeError) in try cursor.openRoot() }?.kind == .malformed)
    }

    @Test("single-byte corruptions of the worked example never crash")
    func corruptions() {
        for index in wbxmlWorkedExample.indices {
            for value: UInt8 in [0x00, 0x01, 0x02, 0x03, 0x04, 0x43, 0x83, 0xC3, 0xC4, 0xFF, 0x80, 0x7F] {
                var message = wbxmlWorkedExample
                message[index] = value
                _ = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(message) }
            }
        }
    }

    @Test("pseudo-random inputs never crash")
    func randomInputs() {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 200)
            var message = wbxmlHex("02 A4 01 6A 04 61 62 00 63 6D")
            for _ in 0..<length { message.append(UInt8(truncatingIfNeeded: generator.next())) }
            _ = decodeError { () throws(SyncMLDecodeError) in try walkWBXML(message) }
        }
    }
}

/// A small deterministic generator, so the random test is reproducible.
private struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
