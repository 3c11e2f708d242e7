extension SyncMLMessage {
    /// Decodes an XML SyncML message.
    /// - Parameters:
    ///   - xml: the message bytes (UTF-8, or any encoding its XML declaration names that libxml2 knows).
    ///   - limits: size, depth, element, item and command limits.
    /// - Throws: ``SyncMLDecodeError`` saying what is wrong and where.
    public init(xml: [UInt8], limits: DecodeLimits = .default) throws(SyncMLDecodeError) {
        var decoder = SyncMLModelDecoder(reader: try XMLCursor(bytes: xml, limits: limits), limits: limits)
        self = try decoder.decodeMessage()
    }

    /// Encodes the message as compact UTF-8 XML in DTD order.
    public func xml() -> [UInt8] {
        var encoder = SyncMLModelEncoder(writer: XMLTokenWriter())
        return encoder.encode(self)
    }
}
