import Notification
import Testing

@Suite struct PackageZeroTests {
    // MARK: Known answers

    @Test func triggerMatchesTheReferenceBytes() throws {
        #expect(try Example.value.trigger() == Example.trigger)
    }

    @Test func digestMatchesTheReferenceKnownAnswer() {
        let digest = PackageZero.digest(
            serverID: Example.serverID, password: Example.password, nonce: Example.nonce, trigger: Example.trigger)
        #expect(hexString(digest) == "e37fdc0f8e9070fc31b0967910b921af")
    }

    @Test func encodeGivesTheReferencePackage() throws {
        let bytes = try Example.value.encoded(password: Example.password, nonce: Example.nonce)
        #expect(bytes.count == 42)
        #expect(bytes == Example.package)
    }

    @Test func signSetsTheDigest() throws {
        var package = Example.value
        try package.sign(password: Example.password, nonce: Example.nonce)
        #expect(package.digest == Example.digest)
        #expect(try package.encoded() == Example.package)
    }

    @Test(arguments: [
        ("AAAAAA==", "5698fc52431a6c6b47126494aea1dfcd"),
        ("0x00000000", "633b4d8fedca624711b33e36de5aaafb"),
    ])
    func textNonceFormsGiveTheReferenceDigests(nonceText: String, expected: String) {
        let digest = PackageZero.digest(
            serverID: Example.serverID, password: Example.password, nonce: Array(nonceText.utf8),
            trigger: Example.trigger)
        #expect(hexString(digest) == expected)
    }

    // MARK: Decoding

    @Test func decodeReadsEveryFieldOfTheExample() throws {
        let package = try PackageZero.decode(Example.package)
        #expect(package.digest == Example.digest)
        #expect(package.version == 11)
        #expect(package.isVersionAccepted)
        #expect(package.uiMode == .background)
        #expect(package.initiator == .client)
        #expect(package.futureUse == 0)
        #expect(package.sessionID == 0x1234)
        #expect(package.serverID == Example.serverID)
        #expect(package.vendorSpecific.isEmpty)
    }

    @Test func verifyAcceptsTheRightCredentialsOnly() throws {
        let package = try PackageZero.decode(Example.package)
        #expect(package.verifyDigest(password: Example.password, nonce: Example.nonce))
        #expect(!package.verifyDigest(password: "wrong", nonce: Example.nonce))
        #expect(!package.verifyDigest(password: Example.password, nonce: [0, 0, 0, 1]))
        #expect(!package.verifyDigest(password: Example.password, nonce: []))
    }

    @Test func tamperedTriggerFailsVerification() throws {
        var bytes = Example.package
        bytes[22] ^= 0x01  // session ID low byte
        let package = try PackageZero.decode(bytes)
        #expect(!package.verifyDigest(password: Example.password, nonce: Example.nonce))
    }

    @Test func tamperedDigestFailsVerification() throws {
        var bytes = Example.package
        bytes[0] ^= 0x80
        #expect(!(try PackageZero.decode(bytes)).verifyDigest(password: Example.password, nonce: Example.nonce))
    }

    @Test func everyTruncationOfTheExampleIsReported() {
        for length in 0..<Example.package.count {
            let error = #expect(throws: NotificationError.self, "length \(length)") {
                try PackageZero.decode(Array(Example.package.prefix(length)))
            }
            #expect(error?.kind == .truncated, "length \(length)")
        }
    }

    @Test func serverIDLengthBeyondTheBytesPresentIsTruncated() {
        var bytes = Example.package
        bytes[23] = 200
        let error = #expect(throws: NotificationError.self) {
            try PackageZero.decode(bytes)
        }
        #expect(error?.kind == .truncated)
        #expect(error?.message.contains("server ID") == true)
    }

    @Test func extraBytesAreTheVendorBody() throws {
        let package = try PackageZero.decode(Example.package + [0xDE, 0xAD])
        #expect(package.vendorSpecific == [0xDE, 0xAD])
        #expect(package.serverID == Example.serverID)
    }

    @Test func invalidUTF8ServerIDIsMalformed() {
        let trigger: [UInt8] = [0x02, 0xD0, 0, 0, 0, 0, 1, 2, 0xC3, 0x28]
        let error = #expect(throws: NotificationError.self) {
            try PackageZero.decode([UInt8](repeating: 0, count: 16) + trigger)
        }
        #expect(error?.kind == .malformed)
    }

    @Test func garbageInputNeverCrashes() {
        var generator = SplitMix(seed: 0x5EED)
        for _ in 0..<2_000 {
            let length = Int(generator.next() % 80)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            do throws(NotificationError) {
                let package = try PackageZero.decode(bytes, acceptedVersions: nil)
                // Anything that decodes must encode back to the same bytes.
                #expect(try package.encoded() == bytes)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    // MARK: Versions

    @Test(arguments: [UInt16(10), 11, 12])
    func acceptedVersionsDecode(version: UInt16) throws {
        var package = Example.value
        package.version = version
        let decoded = try PackageZero.decode(try package.encoded(password: "p", nonce: []))
        #expect(decoded.version == version)
        #expect(decoded.isVersionAccepted)
    }

    @Test(arguments: [UInt16(0), 9, 13, 0x3FF])
    func otherVersionsAreRefusedByDefaultAndKeptWhenAllowed(version: UInt16) throws {
        var package = Example.value
        package.version = version
        let bytes = try package.encoded(password: "p", nonce: [])
        let error = #expect(throws: NotificationError.self) {
            try PackageZero.decode(bytes)
        }
        #expect(error?.kind == .unsupported)
        let decoded = try PackageZero.decode(bytes, acceptedVersions: nil)
        #expect(decoded.version == version)
        #expect(!decoded.isVersionAccepted)
    }

    @Test func defaultVersionIsEleven() throws {
        let package = PackageZero(sessionID: 1, serverID: "s")
        #expect(package.version == 11)
        let trigger = try package.trigger()
        // 0000001011 in the top ten bits.
        #expect(trigger[0] == 0x02)
        #expect(trigger[1] & 0xC0 == 0xC0)
    }

    // MARK: Round trips

    @Test func everyFieldRoundTrips() throws {
        for uiMode in PackageZero.UIMode.allCases {
            for initiator in PackageZero.Initiator.allCases {
                for futureUse: UInt32 in [0, 1, 0x0555_5555, PackageZero.maxFutureUse] {
                    let package = PackageZero(
                        version: 12, uiMode: uiMode, initiator: initiator, futureUse: futureUse, sessionID: 0xBEEF,
                        serverID: "srv-ü", vendorSpecific: [1, 2, 3, 0, 255])
                    let bytes = try package.encoded(password: "pw", nonce: [9, 8, 7])
                    let decoded = try PackageZero.decode(bytes)
                    #expect(decoded.version == 12)
                    #expect(decoded.uiMode == uiMode)
                    #expect(decoded.initiator == initiator)
                    #expect(decoded.futureUse == futureUse)
                    #expect(decoded.sessionID == 0xBEEF)
                    #expect(decoded.serverID == "srv-ü")
                    #expect(decoded.vendorSpecific == [1, 2, 3, 0, 255])
                    #expect(decoded.verifyDigest(password: "pw", nonce: [9, 8, 7]))
                    #expect(try decoded.encoded() == bytes)
                }
            }
        }
    }

    @Test func uiModeBitsSitAfterTheVersion() throws {
        let expected: [PackageZero.UIMode: UInt8] = [
            .notSpecified: 0xC0, .background: 0xD0, .informative: 0xE0, .userInteraction: 0xF0,
        ]
        for (mode, byte) in expected {
            var package = Example.value
            package.uiMode = mode
            #expect(try package.trigger()[1] == byte, "\(mode)")
        }
        var server = Example.value
        server.initiator = .server
        #expect(try server.trigger()[1] == 0xD8)
    }

    @Test func emptyServerIDAndMaximumLengthEncode() throws {
        let empty = PackageZero(sessionID: 0, serverID: "")
        #expect(try PackageZero.decode(try empty.encoded()).serverID == "")
        let longest = PackageZero(sessionID: 0, serverID: String(repeating: "a", count: 255))
        #expect(try PackageZero.decode(try longest.encoded()).serverID.count == 255)
    }

    // MARK: Encoder argument checks

    @Test func outOfRangeFieldsAreRefusedWhenEncoding() {
        let tooLong = PackageZero(sessionID: 0, serverID: String(repeating: "a", count: 256))
        #expect(throws: NotificationError(.invalidArgument, "server ID of 256 bytes is longer than 255 bytes")) {
            try tooLong.trigger()
        }
        var wideVersion = Example.value
        wideVersion.version = 0x400
        #expect(throws: NotificationError.self) { try wideVersion.encoded(password: "p", nonce: []) }
        var wideFuture = Example.value
        wideFuture.futureUse = PackageZero.maxFutureUse + 1
        #expect(throws: NotificationError.self) { try wideFuture.trigger() }
        var shortDigest = Example.value
        shortDigest.digest = [1, 2, 3]
        #expect(throws: NotificationError.self) { try shortDigest.encoded() }
        #expect(!shortDigest.verifyDigest(password: "p", nonce: []))
    }

    // MARK: Nonce forms

    @Test func nonceFormsAreTriedDecodedFirst() throws {
        let nonceBase64 = "ZG9iZWhhdmUNCg=="  // "dobehave\r\n"
        let decoded = Array("dobehave\r\n".utf8)
        let correct = try PackageZero.decode(try Example.value.encoded(password: "pw", nonce: decoded))
        #expect(correct.matchingNonceForm(password: "pw", nonceBase64: nonceBase64) == .decoded)

        let asText = try PackageZero.decode(try Example.value.encoded(password: "pw", nonce: Array(nonceBase64.utf8)))
        #expect(asText.matchingNonceForm(password: "pw", nonceBase64: nonceBase64) == .base64Text)

        let resync = try PackageZero.decode(Example.package)
        #expect(resync.matchingNonceForm(password: Example.password, nonceBase64: nonceBase64) == .resyncZeroBytes)

        let libdmclient = try PackageZero.decode(
            try Example.value.encoded(password: "pw", nonce: Array("0x00000000".utf8)))
        #expect(libdmclient.matchingNonceForm(password: "pw", nonceBase64: nonceBase64) == .resyncHexText)

        let aosp = try PackageZero.decode(try Example.value.encoded(password: "pw", nonce: Array("AAAAAA==".utf8)))
        #expect(aosp.matchingNonceForm(password: "pw", nonceBase64: nonceBase64) == .resyncBase64Text)

        #expect(correct.matchingNonceForm(password: "other", nonceBase64: nonceBase64) == nil)
        #expect(resync.matchingNonceForm(password: Example.password, nonceBase64: "x", forms: [.decoded]) == nil)
    }

    @Test func nonceBytesOfEachForm() {
        #expect(PackageZero.NonceForm.decoded.nonceBytes(forBase64: "AAAAAA==") == [0, 0, 0, 0])
        #expect(PackageZero.NonceForm.decoded.nonceBytes(forBase64: "AAAAAA") == [0, 0, 0, 0])
        #expect(PackageZero.NonceForm.decoded.nonceBytes(forBase64: "!!") == nil)
        #expect(PackageZero.NonceForm.decoded.nonceBytes(forBase64: "A") == nil)
        #expect(PackageZero.NonceForm.base64Text.nonceBytes(forBase64: "QQ==") == Array("QQ==".utf8))
        #expect(PackageZero.NonceForm.resyncHexText.nonceBytes(forBase64: "") == Array("0x00000000".utf8))
    }
}

/// A small deterministic generator for garbage inputs.
struct SplitMix {
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
