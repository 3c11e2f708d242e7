import Foundation
import Testing

@Suite struct NotifyCommandTests {
    /// The reference's worked example (OMA-DM-REFERENCE §6.2): 42 bytes.
    static let examplePackage = bytes(
        "e37fdc0f8e9070fc31b0967910b921af02d0000000123412636f6d2e6d676d747372762e6d616e616765")
    static let exampleArguments = [
        "notify", "pkg0", "encode", "--server-id", "com.mgmtsrv.manage", "--password", "srvpwd", "--session-id",
        "0x1234", "--ui-mode", "background", "--initiator", "client",
    ]

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    private func json(_ run: DmctlRun) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout))
        return try #require(object as? [String: Any])
    }

    /// Checks a usage error: exit 2 and a message on standard error.
    private func expectUsageError(_ arguments: [String], stdin: [UInt8] = [], _ comment: Comment? = nil) throws {
        let run = try Dmctl.run(arguments, stdin: stdin)
        #expect(run.status == 2, comment)
        #expect(!run.stderr.isEmpty, comment)
        #expect(run.stdout.isEmpty, comment)
    }

    /// Checks invalid input: exit 1 and one line `dmctl: ...` on standard error.
    private func expectInvalidInput(_ run: DmctlRun, _ comment: Comment? = nil) {
        #expect(run.status == 1, comment)
        #expect(run.stderr.hasPrefix("dmctl: "), comment)
        #expect(run.stderr.filter { $0 == "\n" }.count == 1, comment)
    }

    // MARK: pkg0 encode

    @Test func encodeWritesTheReferencePackage() throws {
        let run = try Dmctl.run(Self.exampleArguments)
        #expect(run.status == 0)
        #expect(run.stdout == Self.examplePackage)
        #expect(run.stderr.isEmpty)
    }

    @Test func encodeWritesToAFileAndAcceptsDecimalSessionIDs() throws {
        let directory = try Dmctl.temporaryDirectory()
        let path = directory.appendingPathComponent("pkg0.bin").path
        var arguments = Self.exampleArguments
        arguments[try #require(arguments.firstIndex(of: "0x1234"))] = "4660"
        let run = try Dmctl.run(arguments + ["-o", path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(FileManager.default.contents(atPath: path).map(Array.init) == Self.examplePackage)
    }

    @Test func encodeUsesTheGivenNonceAndDefaults() throws {
        let run = try Dmctl.run([
            "notify", "pkg0", "encode", "--server-id", "srv", "--password", "pw", "--nonce-b64", "ZG9iZWhhdmUNCg==",
            "--session-id", "7", "--vendor-hex", "cafe",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.count == 16 + 8 + 3 + 2)
        // Defaults: version 11, UI mode not specified, initiator server.
        #expect(Array(run.stdout[16..<21]) == [0x02, 0xC8, 0, 0, 0])
        #expect(Array(run.stdout.suffix(2)) == [0xCA, 0xFE])

        let decoded = try Dmctl.run(
            ["notify", "pkg0", "decode", "--password", "pw", "--nonce-b64", "ZG9iZWhhdmUNCg=="], stdin: run.stdout)
        #expect(decoded.status == 0)
        let report = try json(decoded)
        #expect(report["digestValid"] as? Bool == true)
        #expect(report["vendorSpecific"] as? String == "cafe")
        #expect(report["uiMode"] as? String == "not-specified")
        #expect(report["initiator"] as? String == "server")
    }

    @Test func encodeWarnsAboutLongServerIDs() throws {
        let run = try Dmctl.run([
            "notify", "pkg0", "encode", "--server-id", String(repeating: "s", count: 30), "--password", "p",
            "--session-id", "1",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning"))
        #expect(run.stdout.count == 16 + 8 + 30)
    }

    @Test func encodeUsageErrors() throws {
        let base = ["notify", "pkg0", "encode", "--server-id", "s", "--password", "p"]
        try expectUsageError(base, "no session ID")
        try expectUsageError(base + ["--session-id", "65536"], "session ID too large")
        try expectUsageError(base + ["--session-id", "0xZZ"], "session ID not hex")
        try expectUsageError(base + ["--session-id", "-1"], "negative session ID")
        try expectUsageError(base + ["--session-id", "1", "--ui-mode", "loud"], "unknown UI mode")
        try expectUsageError(base + ["--session-id", "1", "--initiator", "nobody"], "unknown initiator")
        try expectUsageError(base + ["--session-id", "1", "--nonce-b64", "not base64!"], "bad nonce")
        try expectUsageError(base + ["--session-id", "1", "--vendor-hex", "xyz"], "bad vendor hex")
        try expectUsageError(
            [
                "notify", "pkg0", "encode", "--server-id", String(repeating: "s", count: 256), "--password", "p",
                "--session-id", "1",
            ], "server ID too long")
        try expectUsageError(["notify", "pkg0", "encode", "--password", "p", "--session-id", "1"], "no server ID")
    }

    // MARK: pkg0 decode

    @Test func decodePrintsEveryField() throws {
        let run = try Dmctl.run(["notify", "pkg0", "decode"], stdin: Self.examplePackage)
        #expect(run.status == 0)
        let report = try json(run)
        #expect(report["length"] as? Int == 42)
        #expect(report["digest"] as? String == "e37fdc0f8e9070fc31b0967910b921af")
        #expect(report["version"] as? Int == 11)
        #expect(report["versionAccepted"] as? Bool == true)
        #expect(report["uiMode"] as? String == "background")
        #expect(report["initiator"] as? String == "client")
        #expect(report["futureUse"] as? Int == 0)
        #expect(report["sessionID"] as? Int == 0x1234)
        #expect(report["sessionIDHex"] as? String == "1234")
        #expect(report["serverID"] as? String == "com.mgmtsrv.manage")
        #expect(report["vendorSpecific"] as? String == "")
        #expect(report["digestValid"] == nil)
    }

    @Test func decodeChecksTheDigest() throws {
        let directory = try Dmctl.temporaryDirectory()
        let path = directory.appendingPathComponent("pkg0.bin").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.examplePackage)))

        let good = try Dmctl.run(["notify", "pkg0", "decode", path, "--password", "srvpwd", "--nonce-b64", "AAAAAA=="])
        #expect(good.status == 0)
        #expect(try json(good)["digestValid"] as? Bool == true)

        let defaultNonce = try Dmctl.run(["notify", "pkg0", "decode", path, "--password", "srvpwd"])
        #expect(defaultNonce.status == 0)
        #expect(try json(defaultNonce)["digestValid"] as? Bool == true)

        let wrongPassword = try Dmctl.run(["notify", "pkg0", "decode", path, "--password", "wrong"])
        expectInvalidInput(wrongPassword, "wrong password")
        #expect(wrongPassword.stderr.contains("digest"))
        #expect(try json(wrongPassword)["digestValid"] as? Bool == false)
        #expect(try json(wrongPassword)["digestNonceForm"] == nil)

        let wrongNonce = try Dmctl.run([
            "notify", "pkg0", "decode", path, "--password", "srvpwd", "--nonce-b64", "AQID",
        ])
        expectInvalidInput(wrongNonce, "wrong nonce")
        #expect(try json(wrongNonce)["digestValid"] as? Bool == false)
        // The package was made with the resynchronisation nonce; the report says so.
        #expect(try json(wrongNonce)["digestNonceForm"] as? String == "resyncZeroBytes")
    }

    @Test func decodeRefusesBadPackages() throws {
        for length in [0, 15, 16, 23, 24, 41] {
            let run = try Dmctl.run(["notify", "pkg0", "decode"], stdin: Array(Self.examplePackage.prefix(length)))
            expectInvalidInput(run, "length \(length)")
            #expect(run.stdout.isEmpty)
        }
        expectInvalidInput(try Dmctl.run(["notify", "pkg0", "decode", "/nonexistent/pkg0.bin"]), "missing file")
    }

    @Test func decodeReportsUnusualVersions() throws {
        var bytes = Self.examplePackage
        bytes[17] = 0x10  // version 0000001000 = 8
        let run = try Dmctl.run(["notify", "pkg0", "decode"], stdin: bytes)
        #expect(run.status == 0)
        #expect(try json(run)["version"] as? Int == 8)
        #expect(try json(run)["versionAccepted"] as? Bool == false)
    }

    @Test func decodeUsageErrors() throws {
        try expectUsageError(["notify", "pkg0", "decode", "--nonce-b64", "AAAAAA=="], stdin: Self.examplePackage)
        try expectUsageError(
            ["notify", "pkg0", "decode", "--password", "p", "--nonce-b64", "%%"], stdin: Self.examplePackage)
    }

    // MARK: sms

    @Test func smsPDUHexIsTheWAPPushUserData() throws {
        let run = try Dmctl.run(["notify", "sms", "--pdu-hex"], stdin: Self.examplePackage)
        #expect(run.status == 0)
        #expect(run.stdoutText == "0605040b8423f0010603c4af87" + Self.hex(Self.examplePackage) + "\n")
    }

    @Test func smsConfirmedPushAndTransactionID() throws {
        let run = try Dmctl.run(
            ["notify", "sms", "-", "--pdu-hex", "--confirmed", "--transaction-id", "9"], stdin: Self.examplePackage)
        #expect(run.status == 0)
        #expect(run.stdoutText.hasPrefix("0605040b8423f0090703c4af87"))
    }

    @Test func smsSplitsLongPackagesIntoConcatenatedSegments() throws {
        let encoded = try Dmctl.run([
            "notify", "pkg0", "encode", "--server-id", "srv", "--password", "pw", "--session-id", "1", "--vendor-hex",
            String(repeating: "ab", count: 300),
        ])
        #expect(encoded.status == 0)

        let eight = try Dmctl.run(["notify", "sms", "--pdu-hex", "--reference", "42"], stdin: encoded.stdout)
        #expect(eight.status == 0)
        let lines = eight.stdoutText.split(separator: "\n")
        #expect(lines.count == 3)
        for (index, line) in lines.enumerated() {
            #expect(line.hasPrefix("0b00032a030\(index + 1)05040b8423f0"))
            #expect(line.count <= 280)
        }
        #expect(lines[0].dropFirst(24).hasPrefix("010603c4af87"))

        let wide = try Dmctl.run(
            ["notify", "sms", "--pdu-hex", "--reference", "300", "--wide-reference"], stdin: encoded.stdout)
        #expect(wide.status == 0)
        let wideLines = wide.stdoutText.split(separator: "\n")
        #expect(wideLines.count == 3)
        #expect(wideLines.allSatisfy { $0.hasPrefix("0c0804012c03") })
    }

    @Test func smsPAPDocumentAndMultipart() throws {
        let run = try Dmctl.run(
            ["notify", "sms", "--pap", "--msisdn", "+15551234567", "--ppg", "ppg.example", "--push-id", "p-1"],
            stdin: Self.examplePackage)
        #expect(run.status == 0)
        let text = run.stdoutText
        #expect(text.contains(#"<!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 2.0//EN""#))
        #expect(text.contains(#"<push-message push-id="p-1">"#))
        #expect(text.contains(#"<address address-value="WAPPUSH=+15551234567/TYPE=PLMN@ppg.example"/>"#))
        #expect(text.contains(#"bearer="SMS""#))

        let multipart = try Dmctl.run(
            [
                "notify", "sms", "--pap", "--multipart", "--msisdn", "15551234567", "--deliver-before",
                "2030-01-01T00:00:00Z",
            ], stdin: Self.examplePackage)
        #expect(multipart.status == 0)
        let entity = multipart.stdoutText
        #expect(entity.hasPrefix("Content-Type: multipart/related; boundary="))
        #expect(entity.contains("Content-Type: application/vnd.syncml.notification\r\n"))
        #expect(entity.contains("X-Wap-Application-Id: x-wap-application:syncml.dm\r\n"))
        #expect(entity.contains(#"deliver-before-timestamp="2030-01-01T00:00:00Z""#))
        #expect(entity.contains("43/cD46QcPwxsJZ5ELkhrwLQAAAAEjQSY29tLm1nbXRzcnYubWFuYWdl"))
    }

    @Test func smsRefusesBadPackages() throws {
        expectInvalidInput(try Dmctl.run(["notify", "sms", "--pdu-hex"], stdin: [1, 2, 3]), "pdu-hex")
        expectInvalidInput(
            try Dmctl.run(
                ["notify", "sms", "--pap", "--msisdn", "+1555"], stdin: Array(Self.examplePackage.prefix(30))),
            "pap")
    }

    @Test func smsUsageErrors() throws {
        let package = Self.examplePackage
        try expectUsageError(["notify", "sms"], stdin: package, "no format")
        try expectUsageError(["notify", "sms", "--pdu-hex", "--pap", "--msisdn", "1"], stdin: package, "two formats")
        try expectUsageError(["notify", "sms", "--pap"], stdin: package, "no MSISDN")
        try expectUsageError(["notify", "sms", "--pap", "--msisdn", "call me"], stdin: package, "bad MSISDN")
        try expectUsageError(
            ["notify", "sms", "--pap", "--msisdn", "1", "--deliver-before", "soon"], stdin: package, "bad timestamp")
        try expectUsageError(["notify", "sms", "--pdu-hex", "--reference", "256"], stdin: package, "wide reference")
        try expectUsageError(["notify", "sms", "--pdu-hex", "--msisdn", "1"], stdin: package, "PAP option")
        try expectUsageError(["notify", "sms", "--pdu-hex", "--transaction-id", "256"], stdin: package, "TID")
    }
}
