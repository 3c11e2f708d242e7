/// The WBXML global tokens (WBXML 1.3 §7.1), the same on every code page.
enum WBXMLGlobalToken {
    static let switchPage: UInt8 = 0x00
    static let end: UInt8 = 0x01
    static let entity: UInt8 = 0x02
    static let inlineString: UInt8 = 0x03
    static let literal: UInt8 = 0x04
    static let extensionInline0: UInt8 = 0x40
    static let extensionInline2: UInt8 = 0x42
    static let processingInstruction: UInt8 = 0x43
    static let literalContent: UInt8 = 0x44
    static let extensionTable0: UInt8 = 0x80
    static let extensionTable2: UInt8 = 0x82
    static let tableString: UInt8 = 0x83
    static let literalAttributes: UInt8 = 0x84
    static let extension0: UInt8 = 0xC0
    static let extension2: UInt8 = 0xC2
    static let opaque: UInt8 = 0xC3
    static let literalAttributesContent: UInt8 = 0xC4

    /// Tag byte flag: the element has content and ends with END.
    static let contentFlag: UInt8 = 0x40
    /// Tag byte flag: an attribute list, ended by END, follows the tag.
    static let attributesFlag: UInt8 = 0x80
    /// The bits of a tag byte that hold the token.
    static let tokenMask: UInt8 = 0x3F

    /// The `mb_u_int32` MIBenum of UTF-8, the only charset this stack writes.
    static let utf8MIBEnum: UInt8 = 0x6A
}
