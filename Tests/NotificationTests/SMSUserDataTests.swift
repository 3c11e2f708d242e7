import Notification
import Testing

@Suite struct SMSUserDataTests {
    @Test func referenceExampleIsReproducedExactly() throws {
        // The specification's appendix example sends from port 0xC002; the default source port is 9200.
        let userData = try WAPPushSMS.userData(package: Example.package, ports: Example.ports)
        #expect(userData.count == 1)
        #expect(userData[0].count == 55)
        #expect(userData[0] == Example.smsUserData)
    }

    @Test func referenceExampleDecodes() throws {
        let single = try SMSUserData.decode(Example.smsUserData)
        #expect(single.header.ports == Example.ports)
        #expect(single.header.ports?.destination == 2948)
        #expect(single.header.ports?.source == 0xC002)
        #expect(single.header.concatenation == nil)
        let pdu = try WAPPushSMS.decode(userData: [Example.smsUserData])
        #expect(pdu.isDMNotification)
        let package = try PackageZero.decode(pdu.body)
        #expect(package.verifyDigest(password: Example.password, nonce: Example.nonce))
    }

    /// A package #0 with a long vendor body, so the push needs several SMS.
    private func longPackage(vendorBytes: Int) throws -> [UInt8] {
        var package = Example.value
        package.vendorSpecific = (0..<vendorBytes).map { UInt8(truncatingIfNeeded: $0) }
        return try package.encoded(password: Example.password, nonce: Example.nonce)
    }

    @Test func eightBitConcatenationSplitsIntoFullSegments() throws {
        let package = try longPackage(vendorBytes: 300)  // 342-byte package, 348-byte WSP PDU
        let pdu = try WSPPushPDU.dmNotification(package: package).encoded()
        #expect(pdu.count == 348)
        let userData = try WAPPushSMS.userData(package: package, reference: .eightBit(0x2A))
        #expect(userData.count == 3)  // 128 payload octets per segment
        for (index, segment) in userData.enumerated() {
            #expect(Array(segment.prefix(12)) == hex("0b 00 03 2a 03 0\(index + 1) 05 04 0b 84 23 f0"))
            #expect(segment.count <= 140)
        }
        #expect(userData[0].count == 140)
        #expect(userData[1].count == 140)
        #expect(userData[2].count == 12 + 348 - 256)
        // The WSP header is in the first segment's payload only.
        #expect(Array(userData[0][12..<18]) == hex("01 06 03 c4 af 87"))
        #expect(Array(userData[1][12...]) == Array(pdu[128..<256]))
        let joined = userData.flatMap { Array($0.dropFirst(12)) }
        #expect(joined == pdu)
    }

    @Test func sixteenBitConcatenationUsesIEI08() throws {
        let package = try longPackage(vendorBytes: 300)
        let userData = try WAPPushSMS.userData(package: package, reference: .sixteenBit(0xBEEF))
        #expect(userData.count == 3)  // 127 payload octets per segment
        for (index, segment) in userData.enumerated() {
            #expect(Array(segment.prefix(13)) == hex("0c 08 04 be ef 03 0\(index + 1) 05 04 0b 84 23 f0"))
        }
        #expect(userData[2].count == 13 + 348 - 254)
        let pdu = try WAPPushSMS.decode(userData: userData)
        #expect(pdu.body == package)
    }

    @Test func defaultPortsAre2948And9200() throws {
        let userData = try WAPPushSMS.userData(package: Example.package)
        #expect(Array(userData[0].prefix(7)) == hex("06 05 04 0b 84 23 f0"))
        #expect(Array(userData[0].dropFirst(7)) == Array(Example.smsUserData.dropFirst(7)))
    }

    @Test func exactlyFullSingleSMSIsNotConcatenated() throws {
        let payload = [UInt8](repeating: 7, count: 133)
        let one = try SMSUserData.segments(payload: payload)
        #expect(one.count == 1)
        #expect(try one[0].encoded().count == 140)
        let two = try SMSUserData.segments(payload: payload + [7])
        #expect(two.count == 2)
        #expect(two.allSatisfy { $0.header.concatenation?.total == 2 })
    }

    @Test func reassemblyAcceptsAnyOrder() throws {
        let package = try longPackage(vendorBytes: 600)
        let userData = try WAPPushSMS.userData(package: package, reference: .eightBit(9))
        #expect(userData.count == 6)
        let shuffled = [userData[3], userData[0], userData[5], userData[1], userData[4], userData[2]]
        let pdu = try WAPPushSMS.decode(userData: shuffled)
        #expect(pdu.body == package)
        #expect(try PackageZero.decode(pdu.body).vendorSpecific.count == 600)
    }

    @Test func identicalDuplicatesAreDropped() throws {
        let package = try longPackage(vendorBytes: 300)
        let userData = try WAPPushSMS.userData(package: package, reference: .eightBit(1))
        let pdu = try WAPPushSMS.decode(userData: userData + [userData[1], userData[0]])
        #expect(pdu.body == package)
    }

    @Test func conflictingDuplicateIsAnError() throws {
        let userData = try WAPPushSMS.userData(package: try longPackage(vendorBytes: 300), reference: .eightBit(1))
        var changed = userData[1]
        changed[changed.count - 1] ^= 0xFF
        let error = #expect(throws: NotificationError.self) {
            try SMSUserData.reassemble(userData: userData + [changed])
        }
        #expect(error?.kind == .inconsistentSegments)
    }

    @Test func missingSegmentIsNamed() throws {
        let userData = try WAPPushSMS.userData(package: try longPackage(vendorBytes: 300), reference: .eightBit(1))
        #expect(throws: NotificationError(.missingSegment, "segment 2 of 3 missing")) {
            try SMSUserData.reassemble(userData: [userData[2], userData[0]])
        }
        #expect(throws: NotificationError(.missingSegment, "segments 1, 3 of 3 missing")) {
            try SMSUserData.reassemble(userData: [userData[1]])
        }
        #expect(throws: NotificationError(.missingSegment, "no segments to reassemble")) {
            try SMSUserData.reassemble(userData: [])
        }
    }

    @Test func mismatchedReferencesTotalsAndPortsAreErrors() throws {
        let package = try longPackage(vendorBytes: 300)
        let first = try WAPPushSMS.userData(package: package, reference: .eightBit(1))
        let otherReference = try WAPPushSMS.userData(package: package, reference: .eightBit(2))
        let wideReference = try WAPPushSMS.userData(package: package, reference: .sixteenBit(1))
        let longer = try WAPPushSMS.userData(package: try longPackage(vendorBytes: 600), reference: .eightBit(1))
        let otherPorts = try WAPPushSMS.userData(
            package: package, ports: SMSPorts(destination: 2948, source: 9201), reference: .eightBit(1))
        let mixes: [[[UInt8]]] = [
            [first[0], otherReference[1], first[2]],
            [first[0], wideReference[1], first[2]],
            [first[0], longer[1], first[2]],
            [first[0], otherPorts[1], first[2]],
            [first[0], Example.smsUserData],
            [Example.smsUserData, first[0]],
        ]
        for mix in mixes {
            let error = #expect(throws: NotificationError.self) {
                try SMSUserData.reassemble(userData: mix)
            }
            #expect(error?.kind == .inconsistentSegments)
        }
    }

    @Test func singleUnconcatenatedMessageReassemblesToItself() throws {
        let message = try SMSUserData.reassemble(userData: [Example.smsUserData])
        #expect(message.payload == Array(Example.smsUserData.dropFirst(7)))
    }

    @Test func malformedHeadersAreReported() {
        let cases: [(String, [UInt8], NotificationError.Kind)] = [
            ("empty", [], .truncated),
            ("UDHL beyond the data", hex("06 05 04 0b 84"), .truncated),
            ("element beyond the header", hex("03 05 04 0b 00"), .truncated),
            ("bad port element length", hex("04 05 02 0b 84 00"), .malformed),
            ("bad concatenation length", hex("04 00 02 01 01 00"), .malformed),
            ("sequence zero", hex("05 00 03 01 02 00"), .malformed),
            ("sequence beyond total", hex("05 00 03 01 02 03"), .malformed),
            ("total zero", hex("05 00 03 01 00 00"), .malformed),
            ("two port elements", hex("0c 05 04 0b 84 c0 02 05 04 0b 84 c0 02"), .malformed),
        ]
        for (name, bytes, kind) in cases {
            let error = #expect(throws: NotificationError.self, "\(name)") { try SMSUserData.decode(bytes) }
            #expect(error?.kind == kind, "\(name)")
        }
    }

    @Test func otherElementsAreKept() throws {
        // Special SMS indication (0x01) before the ports.
        let bytes = hex("0a 01 02 00 00 05 04 0b 84 23 f0 aa")
        let userData = try SMSUserData.decode(bytes)
        #expect(userData.header.otherElements == [SMSInformationElement(identifier: 0x01, data: [0, 0])])
        #expect(userData.header.ports == .wapPush)
        #expect(userData.payload == [0xAA])
        #expect(try userData.encoded() == hex("0a 05 04 0b 84 23 f0 01 02 00 00 aa"))
    }

    @Test func tooManySegmentsIsRefused() {
        let payload = [UInt8](repeating: 0, count: 128 * 255 + 1)
        let error = #expect(throws: NotificationError.self) {
            try SMSUserData.segments(payload: payload)
        }
        #expect(error?.kind == .invalidArgument)
        #expect((try? SMSUserData.segments(payload: Array(payload.dropLast())))?.count == 255)
    }

    @Test func garbageInputNeverCrashes() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 30)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next() % 12) }
            _ = try? SMSUserData.reassemble(userData: [bytes, bytes.reversed()])
        }
    }
}
