import Download
import Testing

@Suite struct InstallNotifyTests {
    @Test func standardCodes() {
        #expect(InstallNotifyStatus.allStandard.map(\.rawValue) == [900, 901, 902, 903, 905, 906, 951, 952, 953, 954])
        #expect(InstallNotifyStatus(rawValue: 904).isKnown == false)
        #expect(InstallNotifyStatus.success.reportBody == "900 Success")
        #expect(InstallNotifyStatus.invalidDDVersion.reportBody == "951 Invalid DDVersion")
        #expect(InstallNotifyStatus.nonAcceptableContent.reasonPhrase == "Non-Acceptable Content")
        #expect(InstallNotifyStatus(rawValue: 461).reportBody == "461")
        #expect(InstallNotifyStatus(rawValue: 461).description == "461 (unknown)")
        #expect(InstallNotifyStatus.success.isSuccess && !InstallNotifyStatus.deviceAborted.isSuccess)
    }

    @Test(arguments: [
        ("900 Success \n\r", 900, "Success"),
        ("900 Success", 900, "Success"),
        ("900", 900, ""),
        ("  \r\n901 insufficient memory\r\n", 901, "insufficient memory"),
        ("902 User Cancelled", 902, "User Cancelled"),
        ("906Invalid descriptor", 906, "Invalid descriptor"),
        ("951 Invalid DDVersion", 951, "Invalid DDVersion"),
        ("461 Blocked by AFW Policy", 461, "Blocked by AFW Policy"),
        ("466 WifiBackGround Session Failed", 466, "WifiBackGround Session Failed"),
        ("9001 Extra", 900, "1 Extra"),
        ("<installNotify><status>953 Non-Acceptable Content</status></installNotify>", 953, "Non-Acceptable Content"),
        ("<?xml version=\"1.0\"?><r><code>\n 900 </code></r>", 900, ""),
    ])
    func bodies(body: String, code: Int, phrase: String) throws {
        let report = try InstallNotifyReport.parse(Array(body.utf8))
        #expect(report.status.rawValue == code)
        #expect(report.phrase == phrase)
    }

    @Test func unknownCodesAreKeptAsUnknown() throws {
        let report = try InstallNotifyReport.parse(Array("461 Blocked by AFW Policy".utf8))
        #expect(!report.status.isKnown)
        #expect(!report.isSuccess)
    }

    @Test(arguments: ["", "   ", "Success", "90 Success", "x900", "<r>no code</r>", "<r>", "9a0"])
    func unreadableBodies(body: String) {
        #expect(throws: InstallNotifyReport.ParseError.self) { try InstallNotifyReport.parse(Array(body.utf8)) }
    }

    @Test func nonUTF8BytesAfterTheCodeAreTolerated() throws {
        let report = try InstallNotifyReport.parse([0x39, 0x30, 0x32, 0x20, 0xFF, 0xFE])
        #expect(report.status == .userCancelled)
    }

    @Test func reportBodyToSend() {
        #expect(InstallNotifyReport(status: .success).body == "900 Success")
        #expect(InstallNotifyReport(status: .lossOfService).body == "903 Loss of Service")
        #expect(InstallNotifyReport(status: InstallNotifyStatus(rawValue: 462)).body == "462")
        #expect(InstallNotifyReport(status: .success, phrase: "ok").body == "900 ok")
    }
}

@Suite struct URIResolutionTests {
    /// RFC 3986 §5.4 examples, through descriptor resolution.
    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("..", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../../g", "http://a/g"),
        ("/./g", "http://a/g"), ("g.", "http://a/b/c/g."), ("./../g", "http://a/b/g"), ("g;x=1/../y", "http://a/b/c/y"),
        ("https://other/x", "https://other/x"),
    ])
    func rfc3986Examples(reference: String, expected: String) throws {
        let dd = DownloadDescriptorV1(types: ["a/b"], size: 1, objectURI: reference)
        #expect(try dd.validated(baseURL: "http://a/b/c/d;p?q").objectURI == expected)
    }
}
