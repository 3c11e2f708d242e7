import Foundation
import Testing

@testable import SyncML

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The fixture corpus under `Fixtures/` (see `Fixtures/README.md`): hand-written XML messages and hand-made WBXML
/// files with their expected XML.
enum Corpus {
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures resource directory is missing from the test bundle")
        }
        return url
    }()

    static func names(in folder: String, suffix: String) -> [String] {
        let directory = root.appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// `xml/NN-name.xml`.
    static let xmlNames = names(in: "xml", suffix: ".xml")
    /// `wbxml/NN-name.wbxml` (each has `NN-name.expected.xml` beside it).
    static let wbxmlNames = names(in: "wbxml", suffix: ".wbxml")
    /// `wbxml/NN-name.expected.xml`.
    static let expectedXMLNames = names(in: "wbxml", suffix: ".expected.xml")

    static func bytes(_ folder: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name)))
    }

    static func xml(_ name: String) throws -> [UInt8] { try bytes("xml", name) }

    static func message(_ name: String) throws -> SyncMLMessage { try SyncMLMessage(xml: xml(name)) }

    /// The fixture whose name starts with `prefix` (e.g. "54-").
    static func xmlName(_ prefix: String) throws -> String {
        try #require(xmlNames.first { $0.hasPrefix(prefix) }, "no fixture xml/\(prefix)*")
    }

    static func expectedName(forWBXML name: String) -> String {
        String(name.dropLast(".wbxml".count)) + ".expected.xml"
    }
}

// MARK: - Model normalisation

/// Rewrites every `Data` payload and every Meta `Type` of a message, so that two decodings that differ only in
/// representation can be compared with `==`.
struct ModelNormaliser: Sendable {
    var data: @Sendable (DataContent) -> DataContent
    var type: @Sendable (String) -> String = { $0 }

    /// Data compared by its bytes: text, markup and opaque bytes that are valid UTF-8 all become `.text`.
    /// Used for WBXML fixtures against their expected XML, where OPAQUE and STR_T stand for text.
    static let dataByBytes = ModelNormaliser(data: { content in
        if case .opaque(let bytes) = content, String(validating: bytes, as: UTF8.self) == nil { return content }
        return .text(String(decoding: content.bytes, as: UTF8.self))
    })

    func callAsFunction(_ message: SyncMLMessage) -> SyncMLMessage {
        var copy = message
        copy.header.cred = message.header.cred.map(credential)
        copy.header.meta = message.header.meta.map(meta)
        copy.body = message.body.map(command)
        return copy
    }

    func meta(_ meta: MetaInfo) -> MetaInfo {
        var copy = meta
        copy.type = meta.type.map(type)
        return copy
    }

    func credential(_ cred: Credential) -> Credential {
        var copy = cred
        copy.meta = cred.meta.map(meta)
        return copy
    }

    func item(_ item: Item) -> Item {
        var copy = item
        copy.meta = item.meta.map(meta)
        copy.data = item.data.map(data)
        return copy
    }

    func command(_ command: Command) -> Command {
        switch command {
        case .add(let c): return .add(itemCommand(c))
        case .copy(let c): return .copy(itemCommand(c))
        case .delete(let c): return .delete(itemCommand(c))
        case .get(let c): return .get(itemCommand(c))
        case .replace(let c): return .replace(itemCommand(c))
        case .alert(var c):
            c.cred = c.cred.map(credential)
            c.items = c.items.map(item)
            return .alert(c)
        case .exec(var c):
            c.cred = c.cred.map(credential)
            c.meta = c.meta.map(meta)
            c.items = c.items.map(item)
            return .exec(c)
        case .results(var c):
            c.meta = c.meta.map(meta)
            c.items = c.items.map(item)
            return .results(c)
        case .status(var c):
            c.cred = c.cred.map(credential)
            c.chal = c.chal.map { Challenge(meta: meta($0.meta)) }
            c.items = c.items.map(item)
            return .status(c)
        case .atomic(var c):
            c.meta = c.meta.map(meta)
            c.commands = c.commands.map(self.command)
            return .atomic(c)
        case .sequence(var c):
            c.meta = c.meta.map(meta)
            c.commands = c.commands.map(self.command)
            return .sequence(c)
        case .unsupported:
            return command
        }
    }

    private func itemCommand(_ c: ItemCommand) -> ItemCommand {
        var copy = c
        copy.cred = c.cred.map(credential)
        copy.meta = c.meta.map(meta)
        copy.items = c.items.map(item)
        return copy
    }
}

/// Every command of a message, depth first, containers before their children.
func allCommands(_ commands: [Command]) -> [Command] {
    commands.flatMap { command -> [Command] in
        switch command {
        case .atomic(let c), .sequence(let c): [command] + allCommands(c.commands)
        default: [command]
        }
    }
}

// MARK: - Independent leaf oracle

/// Reads an XML SyncML message with Foundation's XMLParser (not our codec) and lists every leaf element of the
/// SyncML and MetInf namespaces as "path=text", sorted. Elements of other namespaces (vendor extensions) are left
/// out with their content; a `Data` holding elements (nested DevInf) is listed as "path=<markup>". Sorting makes
/// the list independent of child order, which the encoder may change to DTD order.
final class LeafOracle: NSObject, XMLParserDelegate {
    private struct Open {
        var name: String
        var known: Bool
        var text = ""
        var hasChildren = false
    }

    private var stack: [Open] = []
    private var leaves: [String] = []
    private var foreignDepth = 0

    static func leaves(of bytes: [UInt8]) throws -> [String] {
        let oracle = LeafOracle()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.delegate = oracle
        guard parser.parse() else {
            throw SyncMLDecodeError(.malformed, "XMLParser: \(parser.parserError.map { "\($0)" } ?? "failed")")
        }
        return oracle.leaves.sorted()
    }

    private static func isKnown(_ namespace: String?) -> Bool {
        guard let namespace else { return false }
        return namespace.uppercased().hasPrefix("SYNCML:SYNCML1.") || namespace.lowercased() == "syncml:metinf"
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if !stack.isEmpty { stack[stack.count - 1].hasChildren = true }
        let known = foreignDepth == 0 && Self.isKnown(namespaceURI)
        if !known { foreignDepth += 1 }
        stack.append(Open(name: elementName, known: known))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if foreignDepth == 0, !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if foreignDepth == 0, !stack.isEmpty {
            stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let open = stack.removeLast()
        if !open.known {
            foreignDepth -= 1
            return
        }
        let path = (stack.map(\.name) + [open.name]).joined(separator: "/")
        if open.name == "Data", open.hasChildren {
            leaves.append(path + "=<markup>")
        } else if !open.hasChildren {
            leaves.append(path + "=" + open.text)
        }
    }
}

/// Where two models first differ, as a short excerpt of their descriptions, for failure messages.
func modelDifference(_ a: SyncMLMessage, _ b: SyncMLMessage) -> String {
    let left = Array(String(describing: a)), right = Array(String(describing: b))
    var index = 0
    while index < min(left.count, right.count), left[index] == right[index] { index += 1 }
    func excerpt(_ text: [Character]) -> String {
        let start = max(0, index - 100)
        let end = min(text.count, index + 140)
        return (start > 0 ? "…" : "") + String(text[start..<end]) + (end < text.count ? "…" : "")
    }
    return "first difference at character \(index):\n  expected: \(excerpt(right))\n  actual:   \(excerpt(left))"
}

/// The differences between two sorted lists, for failure messages.
func listDifference(_ a: [String], _ b: [String]) -> String {
    var onlyA = a
    var onlyB: [String] = []
    for entry in b {
        if let index = onlyA.firstIndex(of: entry) { onlyA.remove(at: index) } else { onlyB.append(entry) }
    }
    return "only in original: \(onlyA.prefix(8)); only in re-encoded: \(onlyB.prefix(8))"
}

// MARK: - Tests

@Suite struct CorpusRoundTripTests {
    @Test func corpusHasTheAgreedSize() {
        #expect(Corpus.xmlNames.count >= 48, "xml fixtures: \(Corpus.xmlNames.count)")
        #expect(Corpus.wbxmlNames.count >= 8, "wbxml fixtures: \(Corpus.wbxmlNames.count)")
        for name in Corpus.wbxmlNames {
            #expect(
                Corpus.expectedXMLNames.contains(Corpus.expectedName(forWBXML: name)), "\(name) has no expected XML")
        }
    }

    /// XML -> model -> XML -> model gives the same model, and encoding is stable (the second XML equals the first).
    @Test(arguments: Corpus.xmlNames + Corpus.expectedXMLNames.map { "../wbxml/" + $0 })
    func xmlRoundTrip(name: String) throws {
        let original = try Corpus.message(name)
        let encoded = original.xml()
        let decoded = try SyncMLMessage(xml: encoded)
        #expect(decoded == original, "\(name): XML round trip changed the model; \(modelDifference(decoded, original))")
        #expect(decoded.xml() == encoded, "\(name): encoding the decoded message again gave other bytes")
    }

    /// Every SyncML/MetInf leaf of the fixture survives decode + encode, as read by an independent XML parser.
    /// A decoder that silently dropped or altered a value would pass the round trip above but fail here.
    @Test(arguments: Corpus.xmlNames)
    func leavesSurviveDecodeAndEncode(name: String) throws {
        let bytes = try Corpus.xml(name)
        let before = try LeafOracle.leaves(of: bytes)
        let after = try LeafOracle.leaves(of: try SyncMLMessage(xml: bytes).xml())
        #expect(before.count > 10, "\(name): oracle found only \(before.count) leaves")
        #expect(before == after, "\(name): \(listDifference(before, after))")
    }

    /// model -> WBXML -> model gives the same model.
    @Test(arguments: Corpus.xmlNames + Corpus.expectedXMLNames.map { "../wbxml/" + $0 })
    func wbxmlRoundTrip(name: String) throws {
        let original = try Corpus.message(name)
        let wbxml = original.wbxml()
        let decoded = try SyncMLMessage(wbxml: wbxml)
        #expect(
            decoded == original, "\(name): WBXML round trip changed the model; \(modelDifference(decoded, original))")
        #expect(decoded.wbxml() == wbxml, "\(name): encoding the decoded message again gave other bytes")
    }

    /// Each hand-made WBXML file decodes to the model of its expected XML (Data compared by bytes, since OPAQUE
    /// and STR_T stand for the text the XML spells out).
    @Test(arguments: Corpus.wbxmlNames)
    func wbxmlFixtureMatchesExpectedXML(name: String) throws {
        let fromWBXML = try SyncMLMessage(wbxml: Corpus.bytes("wbxml", name))
        let fromXML = try SyncMLMessage(xml: Corpus.bytes("wbxml", Corpus.expectedName(forWBXML: name)))
        let normalise = ModelNormaliser.dataByBytes
        #expect(
            normalise(fromWBXML) == normalise(fromXML),
            "\(name) differs from its expected XML; \(modelDifference(normalise(fromWBXML), normalise(fromXML)))")
    }

    /// The encoder reproduces the reference's hand-checked 174-byte document from its model.
    @Test func encoderReproducesReference174Bytes() throws {
        let reference = try Corpus.bytes("wbxml", "01-reference-174-bytes.wbxml")
        #expect(reference.count == 174)
        let message = try SyncMLMessage(xml: Corpus.bytes("wbxml", "01-reference-174-bytes.expected.xml"))
        #expect(message.wbxml() == reference)
    }
}

/// Spot checks of decoded values against what the fixtures say, independent of the encoder.
@Suite struct CorpusContentTests {
    @Test func package1WithMD5CredAndSizes() throws {
        let message = try Corpus.message(Corpus.xmlName("01-"))
        #expect(message.version == .v1_2)
        #expect(message.header.sessionID == "3F")
        #expect(message.header.source == Location("IMEI:356938035643809", name: "acme-dev-0042"))
        #expect(message.header.cred?.meta?.type == "syncml:auth-md5")
        #expect(message.header.cred?.meta?.format == "b64")
        #expect(message.header.cred?.data == "3GH5uVPLQzS2Yenxs3YYyQ==")
        #expect(message.header.meta?.maxMsgSizeValue == 16384)
        #expect(message.header.meta?.maxObjSizeValue == 524288)
        #expect(message.isFinal)
        #expect(message.body.map(\.name) == ["Alert", "Replace"])
        #expect(
            message.body[1].items.map(\.data) == [
                .text("IMEI:356938035643809"), .text("Acme Devices"), .text("Vela X2"), .text("1.2"), .text("en-US"),
            ])
    }

    @Test func challengeAndRespURI() throws {
        let message = try Corpus.message(Corpus.xmlName("10-"))
        #expect(message.header.respURI == "https://dms-node4.example.net/oma/dm/B07")
        guard case .status(let status) = message.body.first else {
            Issue.record("first command is not a Status")
            return
        }
        #expect(status.cmd == "SyncHdr" && status.cmdRef == "0" && status.code == 200)
        #expect(status.chal?.meta.type == "syncml:auth-MAC")
        #expect(status.chal?.meta.nextNonce == "xBl6AuhVMZ2wb0QSiD6nXCHZ")
        let respURI = try Corpus.message(Corpus.xmlName("02-")).header.respURI
        #expect(respURI == "https://dms.example.net/oma/dm?s=3F&n=7c1e")
    }

    @Test func largeObjectFirstChunk() throws {
        let message = try Corpus.message(Corpus.xmlName("22-"))
        #expect(!message.isFinal)
        guard case .replace(let replace) = message.body.last else {
            Issue.record("last command is not a Replace")
            return
        }
        #expect(replace.meta?.format == "b64")
        #expect(replace.items.count == 1)
        #expect(replace.items[0].moreData)
        #expect(replace.items[0].meta?.sizeValue == 120)
        #expect(replace.items[0].data == .text("CzBVep/E6Q4zWH2ix+wRNluApcrvFDleg6jN8hc8"))
        let last = try Corpus.message(Corpus.xmlName("25-"))
        #expect(last.isFinal)
        #expect(last.body.flatMap(\.items).allSatisfy { !$0.moreData })
    }

    @Test func correlatorBeforeAndAfterData() throws {
        for (prefix, correlator) in [("36-", "fumo-B07-0001"), ("37-", "inband-B08-x1")] {
            let message = try Corpus.message(Corpus.xmlName(prefix))
            guard case .alert(let alert) = message.body.last else {
                Issue.record("\(prefix): last command is not an Alert")
                continue
            }
            #expect(alert.code == 1226)
            #expect(alert.correlator == correlator)
            #expect(alert.items.first?.meta?.format == "int")
        }
        guard case .alert(let alert) = try Corpus.message(Corpus.xmlName("36-")).body.last else { return }
        #expect(alert.items.first?.meta?.mark == "critical")
        #expect(alert.items.first?.meta?.type == "org.openmobilealliance.dm.firmwareupdate.download")
        #expect(alert.items.first?.data == .text("503"))
    }

    @Test func characterReferencesAndUTF8() throws {
        let items = try Corpus.message(Corpus.xmlName("50-")).body.flatMap(\.items)
        let values = items.compactMap { $0.data?.string }
        #expect(
            values == [
                "Jürgen Müller", "Müller & Söhne KG", "ABC < 10 > 2 \"quoted\" 'single'", "東京支店 営業部",
                "Καλημέρα · Добрый день · 안녕하세요 · 🚚", "a\nb\tc",
            ])
    }

    @Test func cdataSections() throws {
        let cdata = try Corpus.message(Corpus.xmlName("51-")).body.flatMap(\.items).map(\.data)
        #expect(
            cdata == [
                .text(#"<bookmarks><b href="https://intranet.example/?a=1&b=2">Intranet</b></bookmarks>"#),
                .text("Ünïcödé in CDATA: 5 > 3 && 2 < 4"), .text(""),
            ])
        let mixed = try Corpus.message(Corpus.xmlName("61-")).body.flatMap(\.items).map(\.data)
        #expect(
            mixed == [
                .text(#"<deny host="ads.example"/>&<allow host="*"/>"#), .text("<Intranet>:start"),
                .text(#"if (a]]>b) { x = "]]>"; }"#),
            ])
    }

    @Test func namespacePrefixes() throws {
        let message = try Corpus.message(Corpus.xmlName("52-"))
        #expect(message.header.cred?.meta?.type == "syncml:auth-md5")
        #expect(message.header.meta?.maxMsgSizeValue == 20000)
        #expect(message.header.meta?.maxObjSizeValue == 262144)
        #expect(message.body.map(\.name) == ["Alert", "Replace", "Alert"])
        guard case .alert(let alert) = message.body[2] else { return }
        #expect(alert.code == 1226)
        #expect(alert.items.first?.meta?.type == "org.openmobilealliance.dm.firmwareupdate.devicerequest")
    }

    @Test func nestedDevInfIsKeptAsMarkup() throws {
        let message = try Corpus.message(Corpus.xmlName("54-"))
        guard case .replace(let replace) = message.body[1] else {
            Issue.record("second command is not a Replace")
            return
        }
        #expect(replace.meta?.type == "application/vnd.syncml-devinf+xml")
        guard case .markup(let markup)? = replace.items.first?.data else {
            Issue.record("DevInf Data is \(String(describing: replace.items.first?.data)), not markup")
            return
        }
        #expect(markup.hasPrefix(#"<DevInf xmlns="syncml:devinf">"#))
        #expect(markup.contains("<Man>Ostwind Telecom</Man>"))
        #expect(markup.contains("<DisplayName>Kontakte</DisplayName>"))
        #expect(markup.hasSuffix("</DevInf>"))
    }

    @Test func unknownVendorElementsAreSkipped() throws {
        let message = try Corpus.message(Corpus.xmlName("55-"))
        #expect(message.header.sessionID == "D6")
        #expect(message.body.map(\.name) == ["Alert", "Replace"])
        #expect(message.body[1].items.count == 5)
        #expect(message.body[1].items[1].data == .text("Acme Devices"))
        let text = String(decoding: message.xml(), as: UTF8.self)
        #expect(!text.contains("AcmeTrace") && !text.contains("AcmeHint") && !text.contains("AcmeOrigin"))
    }

    @Test func nestingKeepsEveryCommandAndUniqueCmdIDs() throws {
        let message = try Corpus.message(Corpus.xmlName("18-"))
        let commands = allCommands(message.body)
        #expect(commands.map(\.cmdID) == (1...11).map(String.init))
        guard case .sequence(let outer) = message.body[1], case .atomic(let atomic) = outer.commands[0],
            case .sequence(let inner) = atomic.commands[0], case .atomic(let innermost) = inner.commands[0]
        else {
            Issue.record("Sequence > Atomic > Sequence > Atomic structure lost")
            return
        }
        #expect(outer.noResp)
        #expect(innermost.commands.map(\.name) == ["Replace", "Replace"])
        let other = try Corpus.message(Corpus.xmlName("17-"))
        guard case .atomic(let top) = other.body[1] else { return }
        #expect(top.commands.map(\.name) == ["Delete", "Sequence", "Copy", "Alert"])
    }

    @Test func whitespaceAndVersions() throws {
        let crlf = try Corpus.message(Corpus.xmlName("59-"))
        #expect(crlf.isFinal && crlf.body.count == 2)
        #expect(crlf.body[1].items.map(\.data).contains(.text("Nordlicht GmbH")))
        let wrapped = try Corpus.message(Corpus.xmlName("47-"))
        let pkgData = allCommands(wrapped.body).flatMap(\.items).first {
            $0.target?.locURI.hasSuffix("PkgData") == true
        }
        #expect(pkgData?.data?.string?.contains("\n") == true, "line breaks inside Data must be kept")
        for prefix in ["56-", "57-", "58-"] {
            let message = try Corpus.message(Corpus.xmlName(prefix))
            #expect(message.version == .v1_1)
            #expect(message.header.verProto == "DM/1.1")
        }
        #expect(try Corpus.message(Corpus.xmlName("53-")).version == .v1_2)
    }

    @Test func uiAlertAnswersCarryItems() throws {
        let message = try Corpus.message(Corpus.xmlName("33-"))
        let statuses = message.body.compactMap { command -> StatusCommand? in
            if case .status(let status) = command { return status }
            return nil
        }
        #expect(statuses.map(\.code) == [200, 200, 200, 304])
        #expect(statuses[2].items.map(\.data) == [.text("2"), .text("1"), .text("4")])
    }
}
