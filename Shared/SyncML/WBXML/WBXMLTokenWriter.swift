/// Writes a WBXML SyncML message: the WBXML side of ``SyncMLTokenWriter``.
///
/// - Header: the chosen WBXML version byte, the public identifier in the chosen form, charset UTF-8
///   (`6A`), and a string table only when the identifier is written there.
/// - Tags carry the content bit when they have content; an element without content is its bare token.
/// - SWITCH_PAGE is written only before a start tag whose code page differs from the current one, so a
///   MetInf run inside `Meta` is followed by `00 00` just before the next SyncML start tag.
/// - Text is written as STR_I; text containing NUL (which STR_I cannot hold) is written as OPAQUE.
/// - `Data` content: `.text` as text, `.opaque` as OPAQUE, `.markup` whose root is DevInf as a nested
///   WBXML DevInf document inside OPAQUE (see ``WBXMLDevInf/encode(xml:)``), and any other markup (or
///   DevInf that does not encode) as OPAQUE holding its UTF-8 bytes.
///
/// ```swift
/// var writer = WBXMLTokenWriter()
/// writer.begin(version: .v1_2)
/// writer.start(.syncHdr)
/// writer.leaf(.verDTD, "1.2")
/// writer.end(.syncHdr)
/// let bytes = writer.finish()  // 02 A4 01 6A 00 6D 6C 71 03 31 2E 32 00 01 01 01
/// ```
public struct WBXMLTokenWriter: SyncMLTokenWriter, Sendable {
    private let publicIDForm: WBXMLPublicIDForm
    private let wbxmlVersion: UInt8
    private var bytes: [UInt8] = []
    private var page: UInt8 = 0
    /// Elements started and not yet ended, the root included.
    private var openElements = 0

    /// - Parameters:
    ///   - publicID: how to write the public identifier.
    ///   - wbxmlVersion: the version byte: 0x00...0x03 for WBXML 1.0...1.3; 0x02 (1.2) is what the reference
    ///     toolkit writes.
    public init(publicID: WBXMLPublicIDForm = .numeric, wbxmlVersion: UInt8 = 0x02) {
        self.publicIDForm = publicID
        self.wbxmlVersion = wbxmlVersion
        bytes.reserveCapacity(1024)
    }

    /// Writes the header and the `SyncML` root start tag, discarding anything written before.
    public mutating func begin(version: SyncMLVersion) {
        bytes.removeAll(keepingCapacity: true)
        page = 0
        bytes.append(wbxmlVersion)
        switch publicIDForm {
        case .numeric:
            WBXMLMultiByte.append(version.wbxmlPublicID, to: &bytes)
            bytes.append(WBXMLGlobalToken.utf8MIBEnum)
            bytes.append(0x00)
        case .stringTable:
            let identifier = version.formalPublicIdentifier.utf8
            bytes.append(0x00)
            bytes.append(0x00)
            bytes.append(WBXMLGlobalToken.utf8MIBEnum)
            WBXMLMultiByte.append(UInt32(identifier.count), to: &bytes)
            bytes.append(contentsOf: identifier)
        }
        bytes.append(SyncMLTag.syncML.token | WBXMLGlobalToken.contentFlag)
        openElements = 1
    }

    /// Starts an element that will have children.
    public mutating func start(_ tag: SyncMLTag) {
        writeTag(tag, hasContent: true)
        openElements += 1
    }

    /// Ends the element most recently started.
    public mutating func end(_ tag: SyncMLTag) {
        guard openElements > 0 else { return }
        bytes.append(WBXMLGlobalToken.end)
        openElements -= 1
    }

    /// Writes an element without content as its bare token.
    public mutating func empty(_ tag: SyncMLTag) {
        writeTag(tag, hasContent: false)
    }

    /// Writes an element with text content; empty text gives the bare token.
    public mutating func leaf(_ tag: SyncMLTag, _ text: String) {
        guard !text.isEmpty else {
            empty(tag)
            return
        }
        writeTag(tag, hasContent: true)
        writeText(text)
        bytes.append(WBXMLGlobalToken.end)
    }

    /// Writes a `Data`-like element. Empty text gives the bare token; empty opaque content is kept as an
    /// OPAQUE of length 0.
    public mutating func data(_ tag: SyncMLTag, _ content: DataContent) {
        switch content {
        case .text(let text):
            leaf(tag, text)
        case .opaque(let data):
            writeTag(tag, hasContent: true)
            writeOpaque(data)
            bytes.append(WBXMLGlobalToken.end)
        case .markup(let xml):
            writeTag(tag, hasContent: true)
            if let devInf = WBXMLTokenWriter.devInfDocument(xml) {
                writeOpaque(devInf)
            } else {
                writeOpaque(Array(xml.utf8))
            }
            bytes.append(WBXMLGlobalToken.end)
        }
    }

    /// Ends every open element, the root last, and returns the whole document.
    public mutating func finish() -> [UInt8] {
        while openElements > 0 {
            bytes.append(WBXMLGlobalToken.end)
            openElements -= 1
        }
        return bytes
    }

    /// Writes SWITCH_PAGE when needed, then the tag byte.
    private mutating func writeTag(_ tag: SyncMLTag, hasContent: Bool) {
        if tag.page != page {
            bytes.append(WBXMLGlobalToken.switchPage)
            bytes.append(tag.page)
            page = tag.page
        }
        bytes.append(hasContent ? tag.token | WBXMLGlobalToken.contentFlag : tag.token)
    }

    /// Writes text as STR_I, or as OPAQUE when it contains NUL.
    private mutating func writeText(_ text: String) {
        let utf8 = text.utf8
        if utf8.contains(0) {
            writeOpaque(Array(utf8))
            return
        }
        bytes.append(WBXMLGlobalToken.inlineString)
        bytes.append(contentsOf: utf8)
        bytes.append(0x00)
    }

    private mutating func writeOpaque(_ data: [UInt8]) {
        bytes.append(WBXMLGlobalToken.opaque)
        WBXMLMultiByte.append(UInt32(truncatingIfNeeded: data.count), to: &bytes)
        bytes.append(contentsOf: data)
    }

    /// The nested WBXML document for DevInf markup, or nil when `xml` is not DevInf that encodes.
    private static func devInfDocument(_ xml: String) -> [UInt8]? {
        // Most markup is not DevInf: look for the name before starting an XML reader.
        guard xml.contains("DevInf") else { return nil }
        return try? WBXMLDevInf.encode(xml: xml)
    }
}
