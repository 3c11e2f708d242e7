extension SyncMLMessage {
    /// Decodes a WBXML SyncML message (WBXML 1.0-1.3, SyncML 1.1 or 1.2, numeric or string-table public id).
    /// - Throws: ``SyncMLDecodeError`` with the byte offset of the problem.
    public init(wbxml: [UInt8], limits: DecodeLimits = .default) throws(SyncMLDecodeError) {
        var decoder = SyncMLModelDecoder(reader: WBXMLCursor(bytes: wbxml, limits: limits), limits: limits)
        self = try decoder.decodeMessage().expandingDevInfFromWBXML()
    }

    /// Decodes a message in either encoding, told apart by its first bytes.
    public init(bytes: [UInt8], limits: DecodeLimits = .default) throws(SyncMLDecodeError) {
        switch SyncMLEncoding(sniffing: bytes) {
        case .xml: try self.init(xml: bytes, limits: limits)
        case .wbxml: try self.init(wbxml: bytes, limits: limits)
        case nil: throw SyncMLDecodeError(.malformed, "neither XML nor WBXML", offset: 0)
        }
    }

    /// Encodes the message as WBXML 1.2 with UTF-8 strings. DevInf markup in Data is sent as a nested WBXML
    /// DevInf document and its type as `application/vnd.syncml-devinf+wbxml`.
    /// - Parameter publicID: the numeric public id (default, `A4 01` for 1.2) or the string-table form.
    public func wbxml(publicID: WBXMLPublicIDForm = .numeric) -> [UInt8] {
        var encoder = SyncMLModelEncoder(writer: WBXMLTokenWriter(publicID: publicID))
        return encoder.encode(nestingDevInfForWBXML())
    }

    /// Encodes the message in the given encoding (XML is made fit with ``preparedForXML()``).
    public func encoded(as encoding: SyncMLEncoding) -> [UInt8] {
        switch encoding {
        case .xml: preparedForXML().xml()
        case .wbxml: wbxml()
        }
    }
}
