import Notification
import Testing

@Suite struct SessionIDTests {
    @Test(arguments: [(UInt16(0x1234), "1234"), (0x00AB, "AB"), (0, "0"), (0xFFFF, "FFFF"), (0x0F00, "F00")])
    func hexIsUpperCaseWithoutLeadingZeros(sessionID: UInt16, expected: String) {
        #expect(PackageZero(sessionID: sessionID, serverID: "s").sessionIDHex == expected)
    }

    @Test func formsOfTheExampleSessionID() {
        let package = Example.value  // 0x1234
        #expect(package.sessionIDForm(of: "1234") == .hex)
        #expect(package.sessionIDForm(of: "0x1234") == .hex)
        #expect(package.sessionIDForm(of: " 01234 ") == .hex)
        #expect(package.sessionIDForm(of: "4660") == .decimal)
        #expect(package.sessionIDForm(of: "3412") == .byteSwappedHex)
        #expect(package.sessionIDForm(of: "13330") == .byteSwappedDecimal)
        #expect(package.matchesSessionID("1234"))
        #expect(!package.matchesSessionID("1235"))
        #expect(!package.matchesSessionID(""))
        #expect(!package.matchesSessionID("zz"))
        #expect(!package.matchesSessionID("12345678901234567890"))
    }

    @Test func lowerCaseHexMatches() {
        let package = PackageZero(sessionID: 0xABCD, serverID: "s")
        #expect(package.sessionIDForm(of: "abcd") == .hex)
        #expect(package.sessionIDForm(of: "CDAB") == .byteSwappedHex)
        #expect(package.sessionIDForm(of: "43981") == .decimal)
    }

    @Test func signExtendedLowByteMatches() {
        // The AOSP Java parser ORs a sign-extended data[22] into the ID: 0x12AB becomes 0xFFFFFFAB.
        let package = PackageZero(sessionID: 0x12AB, serverID: "s")
        #expect(package.sessionIDForm(of: "FFFFFFAB") == .signExtended)
        #expect(package.sessionIDForm(of: "-85") == .signExtended)
        let positive = PackageZero(sessionID: 0x1234, serverID: "s")
        #expect(positive.sessionIDForm(of: "-204") == nil)
    }
}
