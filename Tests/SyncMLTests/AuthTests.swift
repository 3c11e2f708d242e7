import Testing

@testable import SyncML

/// Known answers from the reference (§3.2-3.4), and the checks a server makes.
@Suite struct AuthTests {
    @Test func basicKnownAnswer() {
        #expect(SyncMLAuth.basicCredential(user: "Bruce2", password: "OhBehave") == "QnJ1Y2UyOk9oQmVoYXZl")
        let parsed = SyncMLAuth.parseBasicCredential("QnJ1Y2UyOk9oQmVoYXZl")
        #expect(parsed?.user == "Bruce2")
        #expect(parsed?.password == "OhBehave")
        #expect(SyncMLAuth.parseBasicCredential("not base64!") == nil)
        #expect(SyncMLAuth.parseBasicCredential(Base64.encode(Array("nocolon".utf8))) == nil)
    }

    @Test func md5SpecTestVector() {
        #expect(
            SyncMLAuth.md5Credential(user: "Bruce2", password: "OhBehave", nonce: Array("Nonce".utf8))
                == "Zz6EivR3yeaaENcRN6lpAQ==")
    }

    @Test func md5WithBinaryNonceAndBothForms() {
        let decoded = SyncMLAuth.md5Credential(
            user: "Bruce2", password: "OhBehave", nonce: Base64.decode("ZG9iZWhhdmUNCg==")!)
        #expect(decoded == "kHLLLSPq49co1xndU6F2HQ==")
        #expect(
            SyncMLAuth.verifyMD5Credential(decoded, user: "Bruce2", password: "OhBehave", nonceBase64: "ZG9iZWhhdmUNCg=="))
        // A client that hashed the base64 text itself is accepted too.
        #expect(
            SyncMLAuth.verifyMD5Credential(
                "K74ekeIpQ8TKffCemI/Acw==", user: "Bruce2", password: "OhBehave", nonceBase64: "ZG9iZWhhdmUNCg=="))
        #expect(
            !SyncMLAuth.verifyMD5Credential(decoded, user: "Bruce2", password: "wrong", nonceBase64: "ZG9iZWhhdmUNCg=="))
        #expect(
            !SyncMLAuth.verifyMD5Credential(decoded, user: "Bruce2", password: "OhBehave", nonceBase64: "AAAAAAAAAAAA"))
    }

    @Test func hmacKnownAnswer() {
        let body = Array(#"<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr/><SyncBody><Final/></SyncBody></SyncML>"#.utf8)
        #expect(Base64.encode(SyncMLAuth.md5(body)) == "1Y+h5YynM4xIPpExO+PxQA==")
        let mac = SyncMLAuth.hmac(user: "Robert Jordan", password: "secret", nonce: [1, 2, 3, 4], body: body)
        #expect(mac == "x2AZP1zqnx9lL3ljMD1QwQ==")
        let digest = SyncMLAuth.userPasswordDigest(user: "Robert Jordan", password: "secret")
        let header = HMACHeader(username: "Robert Jordan", mac: mac)
        #expect(SyncMLAuth.verifyHMAC(header, userPasswordDigest: digest, nonceBase64: "AQIDBA==", body: body))
        var tampered = body
        tampered[10] ^= 1
        #expect(!SyncMLAuth.verifyHMAC(header, userPasswordDigest: digest, nonceBase64: "AQIDBA==", body: tampered))
    }

    @Test(arguments: [
        #"algorithm=MD5, username="Robert Jordan", mac=x2AZP1zqnx9lL3ljMD1QwQ=="#,
        #"algorithm=MD5,username="Robert Jordan",mac=x2AZP1zqnx9lL3ljMD1QwQ=="#,
        #"username="Robert Jordan", mac=x2AZP1zqnx9lL3ljMD1QwQ=="#,
        #"mac=x2AZP1zqnx9lL3ljMD1QwQ==,  username = "Robert Jordan""#,
    ])
    func hmacHeaderParsesRealVariants(value: String) throws {
        let header = try #require(HMACHeader(parsing: value))
        #expect(header.username == "Robert Jordan")
        #expect(header.mac == "x2AZP1zqnx9lL3ljMD1QwQ==")
        #expect(HMACHeader(parsing: header.value) == header)
    }

    @Test(arguments: ["", "algorithm=SHA1, username=\"a\", mac=b", "username=\"a\"", "mac=abc"])
    func hmacHeaderRefusesIncomplete(value: String) {
        #expect(HMACHeader(parsing: value) == nil)
    }

    @Test func noncesAreFreshAndUnpadded() {
        let first = Nonce.generate()
        let second = Nonce.generate()
        #expect(first.count == 18)
        #expect(first != second)
        #expect(!Nonce.generateBase64().contains("="))
        #expect(Nonce.generate(byteCount: 16).count == 18)
    }

    @Test func schemesByName() {
        #expect(AuthScheme(metaType: "syncml:auth-mac") == .hmac)
        #expect(AuthScheme(metaType: " syncml:auth-MD5 ") == .md5)
        #expect(AuthScheme(aAuthType: "digest") == .md5)
        #expect(AuthScheme(metaType: "syncml:auth-X509") == nil)
    }

    @Test func base64RoundTripsAndRejectsGarbage() {
        for length in 0..<20 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
        #expect(Base64.decode("QnJ1\nY2Uy") == Array("Bruce2".utf8))
        #expect(Base64.decode("a") == nil)
        #expect(Base64.decode("ab=c") == nil)
        #expect(Base64.decode("ab$c") == nil)
    }

    @Test func catalogues() {
        #expect(StatusCode(424).meaning == "Size mismatch")
        #expect(StatusCode(299).meaning == "Successful")
        #expect(StatusCode.authenticationAccepted.isSuccess)
        #expect(!StatusCode(418).isSuccess)
        #expect(AlertCode(1226).meaning == "Generic alert")
        #expect(AlertCode.display.isUserInteraction)
        #expect(AlertCode(1300).meaning == nil)
    }
}
