import Download
import Testing

@Suite struct DownloadDescriptorV1Tests {
    /// The example of the reference digest (§12.1), as a device would receive it.
    static let referenceExample = """
        <media xmlns="http://www.openmobilealliance.org/xmlns/dd">
          <DDVersion>1.0</DDVersion><name>FW 2.1.0</name><type>application/octet-stream</type>
          <size>1200000</size><objectURI>https://dl.example.com/fw/2.1.0.bin</objectURI>
          <installNotifyURI>https://dl.example.com/notify?id=42</installNotifyURI>
          <vendor>Acme</vendor><description>Security update</description>
        </media>
        """

    static func parse(_ text: String, baseURL: String? = nil) throws(DescriptorError) -> DownloadDescriptorV1 {
        try DownloadDescriptorV1.parse(Array(text.utf8), baseURL: baseURL)
    }

    static func dd(_ body: String) -> String {
        #"<media xmlns="http://www.openmobilealliance.org/xmlns/dd">"# + body + "</media>"
    }

    static let minimal = "<type>application/octet-stream</type><size>10</size><objectURI>http://h/o</objectURI>"

    @Test func referenceExampleParses() throws {
        let dd = try Self.parse(Self.referenceExample)
        #expect(dd.ddVersion == "1.0")
        #expect(dd.name == "FW 2.1.0")
        #expect(dd.types == ["application/octet-stream"])
        #expect(dd.size == 1_200_000)
        #expect(dd.objectURI == "https://dl.example.com/fw/2.1.0.bin")
        #expect(dd.installNotifyURI == "https://dl.example.com/notify?id=42")
        #expect(dd.vendor == "Acme")
        #expect(dd.description == "Security update")
        #expect(dd.nextURL == nil && dd.infoURL == nil && dd.progressiveDownloadFlag == nil)
    }

    @Test func encodeIsCompactWithDeclaration() {
        let dd = DownloadDescriptorV1(
            types: ["application/octet-stream"], size: 42, objectURI: "http://h/o?a=1&b=2", name: "A < B")
        let text = String(decoding: dd.encoded(), as: UTF8.self)
        #expect(
            text == #"<?xml version="1.0" encoding="UTF-8"?><media xmlns="http://www.openmobilealliance.org/xmlns/dd">"#
                + "<type>application/octet-stream</type><size>42</size><objectURI>http://h/o?a=1&amp;b=2</objectURI>"
                + "<DDVersion>1.0</DDVersion><name>A &lt; B</name></media>")
    }

    @Test func everyFieldRoundTrips() throws {
        let dd = DownloadDescriptorV1(
            types: ["application/vnd.oma.drm.message", "image/jpeg"], size: 9_000_000_000,
            objectURI: "https://dl.example.com/a.jpg", installNotifyURI: "https://dl.example.com/n",
            nextURL: "https://example.com/next", ddVersion: "1.0", name: "Picture", description: "Line one\nline two",
            vendor: "Acme & Sons", infoURL: "https://example.com/info", iconURI: "https://example.com/i.png",
            installParam: "updatefwv=2.1;securitypatchversion=2024-01", progressiveDownloadFlag: true)
        #expect(try DownloadDescriptorV1.parse(dd.encoded()) == dd)
        let absent = DownloadDescriptorV1(types: ["text/plain"], size: 1, objectURI: "http://h/o", ddVersion: nil)
        #expect(try DownloadDescriptorV1.parse(absent.encoded()) == absent)
    }

    @Test(arguments: [
        ("1200000", Int64(1_200_000)), (" 7 ", 7), ("1,200,000", 1_200_000), ("999,999", 999_999), ("12", 12),
    ])
    func sizes(text: String, expected: Int64) throws {
        let dd = try Self.parse(Self.dd("<type>a/b</type><size>\(text)</size><objectURI>http://h/o</objectURI>"))
        #expect(dd.size == expected)
    }

    @Test(arguments: ["0", "-5", "12,00", "1,2345", ",100", "1.5", "ten", "", "+5", "1 000", "99999999999999999999"])
    func badSizes(text: String) {
        let error = #expect(throws: DescriptorError.self) {
            try Self.parse(Self.dd("<type>a/b</type><size>\(text)</size><objectURI>http://h/o</objectURI>"))
        }
        #expect(error?.kind == .invalidValue)
        #expect(error?.element == "size")
        #expect(error?.installNotifyStatus == .invalidDescriptor)
    }

    @Test(arguments: [
        ("<size>1</size><objectURI>http://h/o</objectURI>", "type"),
        ("<type>a/b</type><objectURI>http://h/o</objectURI>", "size"),
        ("<type>a/b</type><size>1</size>", "objectURI"),
    ])
    func missingMandatoryElements(body: String, element: String) {
        let error = #expect(throws: DescriptorError.self) { try Self.parse(Self.dd(body)) }
        #expect(error?.kind == .missingElement)
        #expect(error?.element == element)
        #expect(error?.description.contains("<\(element)>") == true)
    }

    @Test(arguments: ["size", "objectURI", "name", "DDVersion", "installNotifyURI", "vendor"])
    func duplicatesAreRefused(element: String) {
        let values = ["size": "5", "objectURI": "http://h/o", "DDVersion": "1.0", "installNotifyURI": "http://h/n"]
        let value = values[element] ?? "x"
        let once = "<\(element)>\(value)</\(element)>"
        let inMinimal = element == "size" || element == "objectURI"
        let body = Self.minimal + once + (inMinimal ? "" : once)
        let error = #expect(throws: DescriptorError.self) { try Self.parse(Self.dd(body)) }
        #expect(error?.kind == .duplicateElement)
        #expect(error?.element == element)
    }

    @Test func severalTypesAreAllowed() throws {
        let dd = try Self.parse(Self.dd(Self.minimal + "<type>image/png</type>"))
        #expect(dd.types == ["application/octet-stream", "image/png"])
    }

    @Test func relativeObjectURI() throws {
        let body =
            "<type>a/b</type><size>1</size><objectURI>../fw/x.bin</objectURI><installNotifyURI>/notify?id=1</installNotifyURI>"
        let error = #expect(throws: DescriptorError.self) { try Self.parse(Self.dd(body)) }
        #expect(error?.kind == .relativeURI)
        #expect(error?.element == "objectURI")
        let dd = try Self.parse(Self.dd(body), baseURL: "https://dl.example.com/dd/42/descriptor.dd")
        #expect(dd.objectURI == "https://dl.example.com/dd/fw/x.bin")
        #expect(dd.installNotifyURI == "https://dl.example.com/notify?id=1")
        #expect(throws: DescriptorError.self) { try Self.parse(Self.dd(body), baseURL: "not/absolute") }
    }

    @Test func relativeInstallNotifyURIWithoutBase() {
        let error = #expect(throws: DescriptorError.self) {
            try Self.parse(Self.dd(Self.minimal + "<installNotifyURI>notify</installNotifyURI>"))
        }
        #expect(error?.element == "installNotifyURI")
        #expect(error?.kind == .relativeURI)
    }

    @Test(arguments: ["2.0", "0.9", "1", "v1.0"])
    func unsupportedDDVersionMapsTo951(version: String) {
        let error = #expect(throws: DescriptorError.self) {
            try Self.parse(Self.dd("<DDVersion>\(version)</DDVersion>"))
        }
        #expect(error?.kind == .invalidDDVersion)
        #expect(error?.installNotifyStatus == .invalidDDVersion)
        #expect(error?.installNotifyStatus.rawValue == 951)
    }

    @Test func laterMinorVersionsAndMissingVersionAreAccepted() throws {
        #expect(try Self.parse(Self.dd(Self.minimal + "<DDVersion>1.1</DDVersion>")).ddVersion == "1.1")
        #expect(try Self.parse(Self.dd(Self.minimal)).ddVersion == nil)
    }

    @Test func unknownAndForeignElementsAreIgnored() throws {
        let body = Self.minimal + "<license><a>b</a></license><x:size xmlns:x=\"urn:other\">5</x:size><future/>"
        let dd = try Self.parse(Self.dd(body))
        #expect(dd.size == 10)
    }

    @Test func noNamespaceIsAcceptedAsDL1() throws {
        #expect(try Self.parse("<media>\(Self.minimal)</media>").size == 10)
    }

    @Test func wrongRootOrNamespace() {
        let wrongRoot = #expect(throws: DescriptorError.self) { try Self.parse("<html><body/></html>") }
        #expect(wrongRoot?.kind == .notADescriptor)
        let dl2 = #expect(throws: DescriptorError.self) {
            try Self.parse(#"<media xmlns="urn:oma:xml:dl:dd:2.0">"# + Self.minimal + "</media>")
        }
        #expect(dl2?.kind == .wrongNamespace)
        #expect(dl2?.message.contains("DL 2.0") == true)
        let other = #expect(throws: DescriptorError.self) {
            try Self.parse(#"<media xmlns="urn:x">"# + Self.minimal + "</media>")
        }
        #expect(other?.kind == .wrongNamespace)
    }

    @Test func markupWhereTextIsExpected() {
        let error = #expect(throws: DescriptorError.self) {
            try Self.parse(Self.dd("<type>a/b</type><size><b>1</b></size><objectURI>http://h/o</objectURI>"))
        }
        #expect(error?.kind == .unexpectedMarkup)
        #expect(error?.element == "size")
    }

    @Test(arguments: ["text", "", "text/", "/plain", "text plain/x"])
    func badTypes(type: String) {
        let error = #expect(throws: DescriptorError.self) {
            try Self.parse(Self.dd("<type>\(type)</type><size>1</size><objectURI>http://h/o</objectURI>"))
        }
        #expect(error?.element == "type")
    }

    @Test func progressiveDownloadFlag() throws {
        #expect(
            try Self.parse(Self.dd(Self.minimal + "<progressiveDownloadFlag>1</progressiveDownloadFlag>"))
                .progressiveDownloadFlag == true)
        #expect(
            try Self.parse(Self.dd(Self.minimal + "<progressiveDownloadFlag>FALSE</progressiveDownloadFlag>"))
                .progressiveDownloadFlag == false)
        let error = #expect(throws: DescriptorError.self) {
            try Self.parse(Self.dd(Self.minimal + "<progressiveDownloadFlag>maybe</progressiveDownloadFlag>"))
        }
        #expect(error?.element == "progressiveDownloadFlag")
    }

    @Test func cdataAndWhitespaceAreHandled() throws {
        let dd = try Self.parse(
            Self.dd("<type>\n a/b \n</type><size>1</size><objectURI><![CDATA[http://h/o?a=1&b=2]]></objectURI>"))
        #expect(dd.types == ["a/b"])
        #expect(dd.objectURI == "http://h/o?a=1&b=2")
    }

    @Test func validatedResolvesOptionalURLsWhenPossible() throws {
        let dd = DownloadDescriptorV1(
            types: ["a/b"], size: 1, objectURI: "o.bin", nextURL: "next", infoURL: "http://elsewhere/i",
            iconURI: "icon.png")
        let resolved = try dd.validated(baseURL: "http://h/dir/dd")
        #expect(resolved.objectURI == "http://h/dir/o.bin")
        #expect(resolved.nextURL == "http://h/dir/next")
        #expect(resolved.infoURL == "http://elsewhere/i")
        #expect(resolved.iconURI == "http://h/dir/icon.png")
        let kept = DownloadDescriptorV1(types: ["a/b"], size: 1, objectURI: "http://h/o", nextURL: "next")
        #expect(try kept.validated().nextURL == "next")
    }
}
