internal import XMLStream

/// Converts DevInf between its XML form and a standalone WBXML document.
///
/// In a WBXML SyncML message, DevInf travels as a complete nested WBXML document inside OPAQUE. This type
/// encodes such a document from DevInf XML and decodes one back into compact XML. ``WBXMLTokenWriter`` and
/// ``WBXMLCursor`` use it for `Data` content; it is public for tools and tests.
///
/// ```swift
/// let wbxml = try WBXMLDevInf.encode(xml: #"<DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD></DevInf>"#)
/// // 02 A4 03 6A 00 4A 65 03 31 2E 32 00 01 01
/// let xml = try WBXMLDevInf.decode(wbxml)
/// // <DevInf xmlns="syncml:devinf"><VerDTD>1.2</VerDTD></DevInf>
/// ```
public enum WBXMLDevInf {
    /// The public identifier of DevInf 1.2.
    static let devInf12PublicID: UInt32 = 0x1203
    /// The public identifier of DevInf 1.1.
    static let devInf11PublicID: UInt32 = 0x0FD4
    /// The formal public identifier of DevInf 1.2.
    static let devInf12Formal = "-//SYNCML//DTD DevInf 1.2//EN"
    /// The formal public identifier of DevInf 1.1.
    static let devInf11Formal = "-//SYNCML//DTD DevInf 1.1//EN"

    /// Encodes DevInf XML as a WBXML DevInf 1.2 document: WBXML 1.2, public identifier 0x1203, UTF-8, no
    /// string table. Whitespace-only text is dropped; an element left without content is written as its bare
    /// token.
    ///
    /// - Parameter xml: a document whose root is `DevInf` in the `syncml:devinf` namespace (or in no
    ///   namespace). The XML is read with the secure ``XMLPullReader`` settings.
    /// - Returns: the WBXML document.
    /// - Throws: ``SyncMLDecodeError``: `unsupportedDocumentType` when the root is not DevInf,
    ///   `invalidStructure` for an element DevInf 1.2 does not define, or the XML reader's error.
    public static func encode(xml: String) throws(SyncMLDecodeError) -> [UInt8] {
        let reader: XMLPullReader
        do {
            reader = try XMLPullReader(bytes: Array(xml.utf8))
        } catch {
            throw SyncMLDecodeError(error)
        }
        var output: [UInt8] = [0x02]
        WBXMLMultiByte.append(devInf12PublicID, to: &output)
        output.append(WBXMLGlobalToken.utf8MIBEnum)
        output.append(0x00)
        // The offset of each open element's tag byte: its content bit is set when content turns up.
        var open: [Int] = []
        var sawRoot = false
        while true {
            let event: XMLNodeEvent
            do {
                event = try reader.next()
            } catch {
                throw SyncMLDecodeError(error)
            }
            switch event {
            case .start(let isEmpty):
                let name = reader.localName
                if !sawRoot {
                    let namespace = reader.namespaceURI?.lowercased()
                    guard name == "DevInf", namespace == nil || namespace == WBXMLDevInfCodePage.namespace else {
                        throw SyncMLDecodeError(
                            .unsupportedDocumentType, "the root element is not DevInf (syncml:devinf)",
                            line: reader.line, element: name)
                    }
                    sawRoot = true
                }
                guard let token = WBXMLDevInfCodePage.token(of: name) else {
                    throw SyncMLDecodeError(
                        .invalidStructure, "DevInf 1.2 has no element \(name)", line: reader.line, element: name)
                }
                if let parent = open.last { output[parent] |= WBXMLGlobalToken.contentFlag }
                output.append(token)
                if !isEmpty { open.append(output.count - 1) }
            case .end:
                if let index = open.popLast(), output[index] & WBXMLGlobalToken.contentFlag != 0 {
                    output.append(WBXMLGlobalToken.end)
                }
            case .text:
                guard let parent = open.last else { continue }
                reader.withTextBytes { text in
                    guard text.contains(where: { !WBXMLDevInf.isXMLWhitespace($0) }) else { return }
                    output[parent] |= WBXMLGlobalToken.contentFlag
                    output.append(WBXMLGlobalToken.inlineString)
                    output.append(contentsOf: text)
                    output.append(0x00)
                }
            case .endOfDocument:
                guard sawRoot else {
                    throw SyncMLDecodeError(.invalidStructure, "the document has no root element")
                }
                return output
            }
        }
    }

    /// Decodes a WBXML DevInf 1.2 or 1.1 document into compact XML whose root carries
    /// `xmlns="syncml:devinf"`.
    ///
    /// The header may name DevInf by number (0x1203, 0x0FD4) or by formal public identifier in the string
    /// table; UTF-8, US-ASCII and ISO-8859-1 are accepted. Unknown tags are skipped whole; nothing may follow
    /// the root element.
    ///
    /// - Parameters:
    ///   - bytes: the WBXML document.
    ///   - limits: size, depth and element-count bounds.
    /// - Returns: the DevInf XML, without an XML declaration.
    /// - Throws: ``SyncMLDecodeError`` with the byte offset of the problem.
    public static func decode(_ bytes: [UInt8], limits: DecodeLimits = .default) throws(SyncMLDecodeError)
        -> String
    {
        try decode(bytes, range: 0..<bytes.count, limits: limits, maxElements: limits.maxElements)
    }

    /// Decodes the DevInf document held in `bytes[range]`; error offsets are offsets into `bytes`.
    static func decode(_ bytes: [UInt8], range: Range<Int>, limits: DecodeLimits, maxElements: Int)
        throws(SyncMLDecodeError) -> String
    {
        guard range.count <= limits.maxMessageBytes else {
            throw SyncMLDecodeError(
                .limitExceeded,
                "DevInf document of \(range.count) bytes exceeds the limit of \(limits.maxMessageBytes)",
                offset: range.lowerBound)
        }
        var scanner = WBXMLScanner(bytes: bytes, range: range, limits: limits, maxElements: maxElements)
        let header = try scanner.readHeader()
        let isDevInf12 = header.identifies(number: devInf12PublicID, formal: [devInf12Formal], in: bytes)
        guard isDevInf12 || header.identifies(number: devInf11PublicID, formal: [devInf11Formal], in: bytes) else {
            throw SyncMLDecodeError(
                .unsupportedDocumentType, "the public identifier is not DevInf 1.1 or 1.2",
                offset: range.lowerBound + 1)
        }
        let first = try scanner.next()
        guard case .start(let root) = first, !root.isLiteral, root.page == 0,
            root.token == WBXMLDevInfCodePage.rootToken
        else {
            throw scanner.error(.invalidStructure, "the root element is not DevInf")
        }
        var renderer = WBXMLMarkupRenderer(vocabulary: .devInf(devInf11: !isDevInf12))
        try renderer.render(startingWith: first, scanner: &scanner, baseDepth: 1)
        guard scanner.isAtEnd else {
            throw scanner.error(.malformed, "\(scanner.reader.remaining) bytes follow the DevInf root element")
        }
        return renderer.xml
    }

    private static func isXMLWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
