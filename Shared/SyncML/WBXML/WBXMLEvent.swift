/// One step through a WBXML body, as ``WBXMLScanner`` reports it. SWITCH_PAGE is absorbed by the scanner.
enum WBXMLEvent: Sendable, Hashable {
    /// A start tag (a code-page token or a LITERAL).
    case start(WBXMLStartTag)
    /// END of the innermost element that has content.
    case end
    /// STR_I or STR_T: the range of the string's bytes in the input, in the document's charset.
    case string(Range<Int>)
    /// ENTITY: one Unicode scalar.
    case entity(Unicode.Scalar)
    /// OPAQUE: the range of the raw bytes in the input.
    case opaque(Range<Int>)
}

/// A start tag as read from the input, before its attributes (if any) and content.
struct WBXMLStartTag: Sendable, Hashable {
    /// The code page in force when the tag was read.
    var page: UInt8
    /// The token (0x05...0x3F), or ``WBXMLGlobalToken/literal`` for a LITERAL tag named in the string table.
    var token: UInt8
    /// The tag byte's content and attribute bits.
    var flags: UInt8
    /// The offset of the tag byte.
    var offset: Int

    /// True when END closes the element's content.
    var hasContent: Bool { flags & WBXMLGlobalToken.contentFlag != 0 }
    /// True when an attribute list follows the tag.
    var hasAttributes: Bool { flags & WBXMLGlobalToken.attributesFlag != 0 }
    /// True for LITERAL, LITERAL_C, LITERAL_A and LITERAL_AC tags.
    var isLiteral: Bool { token == WBXMLGlobalToken.literal }
}
