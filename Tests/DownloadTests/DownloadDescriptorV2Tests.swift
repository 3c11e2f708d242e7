import Download
import Testing

@Suite struct DownloadDescriptorV2Tests {
    /// The minimal example of the reference digest (§12.3), from a Sun provisioning server.
    static let referenceExample = """
        <media xmlns="urn:oma:xml:dl:dd:2.0" DDVersion="2.0"><product><mediaObject>
          <meta><name>app</name></meta><size>12345</size><type>application/java-archive</type>
          <objectID>http://h/app.jar</objectID><objectURI><server>http://h/app.jar</server></objectURI>
        </mediaObject></product></media>
        """

    static func parse(_ text: String, baseURL: String? = nil) throws(DescriptorError) -> DownloadDescriptorV2 {
        try DownloadDescriptorV2.parse(Array(text.utf8), baseURL: baseURL)
    }

    static func object(_ body: String) -> String {
        #"<media xmlns="urn:oma:xml:dl:dd:2.0" DDVersion="2.0"><product><mediaObject>"# + body
            + "</mediaObject></product></media>"
    }

    static let minimalObject =
        "<size>1</size><type>a/b</type><objectID>id</objectID><objectURI><server>http://h/o</server></objectURI>"

    @Test func referenceExampleParses() throws {
        let dd = try Self.parse(Self.referenceExample)
        #expect(dd.ddVersion == "2.0")
        #expect(dd.products.count == 1)
        let object = try #require(dd.allMediaObjects.first)
        #expect(object.meta?.name == "app")
        #expect(object.size == 12_345)
        #expect(object.types == ["application/java-archive"])
        #expect(object.objectID == "http://h/app.jar")
        #expect(object.servers == ["http://h/app.jar"])
        #expect(dd.totalSize == 12_345)
    }

    @Test func fullDescriptorRoundTrips() throws {
        let meta = DownloadDescriptorV2.Meta(
            name: "Suite", description: "Two parts", texts: ["Read me", "And me"], infoURL: "https://e/i",
            iconURI: "https://e/i.png", installParam: "p=1", installNotifyURI: "https://e/install",
            downloadNotifyURI: "https://e/download", deleteNotifyURI: "https://e/delete",
            suppressUserConfirmation: "Never")
        let first = DownloadDescriptorV2.MediaObject(
            meta: .init(name: "core"), size: 1000, installSize: 4000, types: ["application/octet-stream", "x/y"],
            objectID: "urn:example:core", objectVersion: "2.1", objectValidityTime: "20300101T000000Z",
            progressiveDownloadFlag: false, servers: ["https://a.example/core", "https://b.example/core"])
        let second = DownloadDescriptorV2.MediaObject(
            size: 5, types: ["text/plain"], objectID: "notes", servers: ["https://a.example/n"])
        let dd = DownloadDescriptorV2(
            vendor: .init(
                name: "Acme", home: "https://acme.example", logo: "https://acme.example/l.png",
                support: "help@acme.example"),
            products: [.init(meta: meta, mediaObjects: [first, second]), .init(mediaObjects: [second])],
            updatedDDURI: "https://e/dd2", nextURL: "https://e/next")
        let bytes = dd.encoded()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(
            text.hasPrefix(
                #"<?xml version="1.0" encoding="UTF-8"?><media xmlns="urn:oma:xml:dl:dd:2.0" DDVersion="2.0"><vendor>"#)
        )
        #expect(!text.contains("\n"))
        #expect(try DownloadDescriptorV2.parse(bytes) == dd)
        #expect(dd.totalSize == 1010)
    }

    @Test func missingVersionAttributeMeans20() throws {
        let dd = try Self.parse(
            #"<media xmlns="urn:oma:xml:dl:dd:2.0"><product><mediaObject>"# + Self.minimalObject
                + "</mediaObject></product></media>")
        #expect(dd.ddVersion == nil)
        #expect(try DownloadDescriptorV2.parse(dd.encoded()) == dd)
    }

    @Test(arguments: ["1.0", "3.0", "two"])
    func unsupportedVersionMapsTo951(version: String) {
        let text = #"<media xmlns="urn:oma:xml:dl:dd:2.0" DDVersion="\#(version)"><product/></media>"#
        let error = #expect(throws: DescriptorError.self) { try Self.parse(text) }
        #expect(error?.kind == .invalidDDVersion)
        #expect(error?.installNotifyStatus.rawValue == 951)
    }

    @Test(arguments: [
        (
            "<type>a/b</type><objectID>id</objectID><objectURI><server>http://h/o</server></objectURI>",
            "product[1]/mediaObject[1]/size"
        ),
        (
            "<size>1</size><objectID>id</objectID><objectURI><server>http://h/o</server></objectURI>",
            "product[1]/mediaObject[1]/type"
        ),
        (
            "<size>1</size><type>a/b</type><objectURI><server>http://h/o</server></objectURI>",
            "product[1]/mediaObject[1]/objectID"
        ),
        ("<size>1</size><type>a/b</type><objectID>id</objectID>", "product[1]/mediaObject[1]/objectURI"),
        (
            "<size>1</size><type>a/b</type><objectID>id</objectID><objectURI/>",
            "product[1]/mediaObject[1]/objectURI/server"
        ),
        (
            "<size>1</size><type>a/b</type><objectID>id</objectID><objectURI>http://h/o</objectURI>",
            "product[1]/mediaObject[1]/objectURI/server"
        ),
    ])
    func missingMandatoryElements(body: String, element: String) {
        let error = #expect(throws: DescriptorError.self) { try Self.parse(Self.object(body)) }
        #expect(error?.kind == .missingElement)
        #expect(error?.element == element)
    }

    @Test func missingProductAndMediaObject() {
        let noProduct = #expect(throws: DescriptorError.self) {
            try Self.parse(#"<media xmlns="urn:oma:xml:dl:dd:2.0"/>"#)
        }
        #expect(noProduct?.element == "product")
        let noObject = #expect(throws: DescriptorError.self) {
            try Self.parse(
                #"<media xmlns="urn:oma:xml:dl:dd:2.0"><product><meta><name>x</name></meta></product></media>"#)
        }
        #expect(noObject?.element == "product[1]/mediaObject")
    }

    @Test(arguments: ["size", "objectID", "objectURI", "meta", "installSize"])
    func duplicatesAreRefused(element: String) {
        let extra = [
            "size": "<size>2</size>", "objectID": "<objectID>x</objectID>",
            "objectURI": "<objectURI><server>http://h/p</server></objectURI>", "meta": "<meta/><meta/>",
            "installSize": "<installSize>1</installSize><installSize>2</installSize>",
        ]
        let error = #expect(throws: DescriptorError.self) {
            try Self.parse(Self.object(Self.minimalObject + (extra[element] ?? "")))
        }
        #expect(error?.kind == .duplicateElement)
        #expect(error?.element == "product[1]/mediaObject[1]/\(element)")
    }

    @Test func badValuesNameTheirElement() {
        let size = #expect(throws: DescriptorError.self) {
            try Self.parse(
                Self.object(
                    "<size>0</size><type>a/b</type><objectID>id</objectID><objectURI><server>http://h/o</server></objectURI>"
                ))
        }
        #expect(size?.element == "product[1]/mediaObject[1]/size")
        let installSize = #expect(throws: DescriptorError.self) {
            try Self.parse(Self.object(Self.minimalObject + "<installSize>-1</installSize>"))
        }
        #expect(installSize?.element == "product[1]/mediaObject[1]/installSize")
        let server = #expect(throws: DescriptorError.self) {
            try Self.parse(
                Self.object(
                    "<size>1</size><type>a/b</type><objectID>id</objectID><objectURI><server>o.bin</server></objectURI>"
                ))
        }
        #expect(server?.kind == .relativeURI)
        #expect(server?.element == "product[1]/mediaObject[1]/objectURI/server")
        let notify = #expect(throws: DescriptorError.self) {
            try Self.parse(Self.object("<meta><installNotifyURI>n</installNotifyURI></meta>" + Self.minimalObject))
        }
        #expect(notify?.element == "product[1]/mediaObject[1]/meta/installNotifyURI")
    }

    @Test func relativeServersResolveAgainstBase() throws {
        let body =
            "<size>1</size><type>a/b</type><objectID>id</objectID><objectURI><server>o.bin</server><server>//mirror.example/o.bin</server></objectURI>"
        let dd = try Self.parse(Self.object(body), baseURL: "https://h.example/dd/x.dd2")
        #expect(dd.allMediaObjects.first?.servers == ["https://h.example/dd/o.bin", "https://mirror.example/o.bin"])
    }

    @Test func unknownElementsAreIgnoredAndTextVendorIsAName() throws {
        let text =
            #"<media xmlns="urn:oma:xml:dl:dd:2.0" DDVersion="2.0"><vendor>Acme</vendor><reservation><timestamp>1</timestamp></reservation>"#
            + "<product><meta><environment><os>x</os></environment></meta><mediaObject>" + Self.minimalObject
            + "</mediaObject></product><license>abc</license></media>"
        let dd = try Self.parse(text)
        #expect(dd.vendor?.name == "Acme")
        #expect(dd.products.first?.meta == DownloadDescriptorV2.Meta())
    }

    @Test func wrongNamespace() {
        let dl1 = #expect(throws: DescriptorError.self) {
            try Self.parse(#"<media xmlns="http://www.openmobilealliance.org/xmlns/dd"><type>a/b</type></media>"#)
        }
        #expect(dl1?.kind == .wrongNamespace)
        let none = #expect(throws: DescriptorError.self) { try Self.parse("<media/>") }
        #expect(none?.kind == .wrongNamespace)
    }
}

@Suite struct DownloadDescriptorDocumentTests {
    @Test func detectsTheVersion() throws {
        let v1 = try DownloadDescriptorDocument.parse(Array(DownloadDescriptorV1Tests.referenceExample.utf8))
        #expect(v1.version == .v1)
        #expect(v1.mediaType == "application/vnd.oma.dd+xml")
        let v2 = try DownloadDescriptorDocument.parse(Array(DownloadDescriptorV2Tests.referenceExample.utf8))
        #expect(v2.version == .v2)
        #expect(v2.mediaType == "application/vnd.oma.dd2+xml")
        #expect(try DownloadDescriptorDocument.parse(v2.encoded()) == v2)
        #expect(try DownloadDescriptorDocument.parse(v1.encoded()) == v1)
    }

    @Test func errorsPassThrough() {
        let error = #expect(throws: DescriptorError.self) {
            try DownloadDescriptorDocument.parse(Array(#"<media><DDVersion>2.0</DDVersion></media>"#.utf8))
        }
        #expect(error?.kind == .invalidDDVersion)
    }

    @Test func versionsFromMediaTypes() {
        #expect(DescriptorVersion(mediaType: "application/vnd.oma.dd+xml") == .v1)
        #expect(DescriptorVersion(mediaType: "Application/VND.OMA.DD2+XML; charset=utf-8") == .v2)
        #expect(DescriptorVersion(mediaType: "text/xml") == nil)
        #expect(DescriptorVersion.v1.fileExtension == "dd")
    }
}
