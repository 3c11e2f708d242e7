/// A pull decoder for WBXML SyncML messages (SyncML 1.1 and 1.2, with the MetInf code page): the WBXML side
/// of ``SyncMLTokenReader``. No tree is built; the cursor walks the bytes by index.
///
/// What it accepts:
/// - WBXML versions 1.0 to 1.3; the public identifier as a number (0x1201, 0x0FD3) or as a formal public
///   identifier in the string table, compared without regard to case, with or without a trailing NUL;
///   charsets UTF-8, US-ASCII (read as UTF-8) and ISO-8859-1 (converted to UTF-8).
/// - SWITCH_PAGE as global state (END does not restore the page). STR_I, STR_T, ENTITY and OPAQUE in text.
/// - Unknown tokens on pages 0 and 1, tags on any other page, and LITERAL tags are unknown elements:
///   ``nextChild()`` skips them whole, attribute lists included. Strings between elements are ignored.
///
/// What it refuses: a known SyncML tag with attributes, PI and EXT tokens (`malformed`); `mb_u_int32` values
/// longer than 5 bytes or wider than 32 bits (`malformed`); any length or index past the input or string
/// table (`truncated`/`malformed`, checked before anything is allocated); anything but the end of input
/// after the root element, including zero padding, for which no client is known to need leniency
/// (`malformed`, from ``close()``). Every error carries the byte offset.
///
/// ```swift
/// var cursor = WBXMLCursor(bytes: message)
/// let version = try cursor.openRoot()
/// while let tag = try cursor.nextChild() {
///     switch tag {
///     case .syncHdr: ...
///     default: try cursor.skipElement()
///     }
/// }
/// try cursor.close()
/// ```
public struct WBXMLCursor: SyncMLTokenReader, Sendable {
    private enum State: Sendable {
        /// ``openRoot()`` has not run.
        case initial
        /// Inside an element with content.
        case open
        /// ``nextChild()`` just returned an element without content: it ends at once.
        case enteredEmpty
        /// The root element has ended.
        case finished
    }

    private var scanner: WBXMLScanner
    private let limits: DecodeLimits
    private var state = State.initial
    private var version = SyncMLVersion.v1_2
    /// The element most recently returned by ``nextChild()``, for error messages.
    private var current: SyncMLTag?

    /// The SyncML root element: page 0, token 0x2D.
    private static let rootToken = SyncMLTag.syncML.token

    /// Prepares to decode `bytes`; nothing is read until ``openRoot()``.
    /// - Parameters:
    ///   - bytes: the whole WBXML message.
    ///   - limits: bounds on size (checked first), depth and element count.
    public init(bytes: [UInt8], limits: DecodeLimits = .default) {
        scanner = WBXMLScanner(bytes: bytes, range: 0..<bytes.count, limits: limits)
        self.limits = limits
    }

    /// Reads the header and the `SyncML` root start tag and returns the version the public identifier
    /// names.
    ///
    /// - Throws: `limitExceeded` for a message over `maxMessageBytes`; `malformed` for a bad version byte
    ///   or header integer; `unsupportedDocumentType` for a public identifier other than SyncML 1.1 or 1.2;
    ///   `unsupportedCharset`; `truncated`; `invalidStructure` when the root is not a `SyncML` element with
    ///   content.
    public mutating func openRoot() throws(SyncMLDecodeError) -> SyncMLVersion {
        guard case .initial = state else {
            throw scanner.error(.invalidStructure, "the root element is already open")
        }
        let size = scanner.bytes.count
        guard size <= limits.maxMessageBytes else {
            throw SyncMLDecodeError(
                .limitExceeded, "message of \(size) bytes exceeds the limit of \(limits.maxMessageBytes)", offset: 0)
        }
        let header = try scanner.readHeader()
        guard let version = WBXMLCursor.version(of: header, in: scanner.bytes) else {
            throw SyncMLDecodeError(
                .unsupportedDocumentType, "the public identifier is not SyncML 1.1 or 1.2", offset: 1)
        }
        let rootOffset = scanner.position
        guard case .start(let root) = try scanner.next(), !root.isLiteral, root.page == 0,
            root.token == WBXMLCursor.rootToken
        else {
            throw scanner.error(.invalidStructure, "the root element is not SyncML", offset: rootOffset)
        }
        guard !root.hasAttributes else {
            throw scanner.error(
                .malformed, "attributes are not allowed on SyncML", offset: root.offset, element: "SyncML")
        }
        guard root.hasContent else {
            throw scanner.error(
                .invalidStructure, "the SyncML root element is empty", offset: root.offset, element: "SyncML")
        }
        self.version = version
        state = .open
        current = .syncML
        return version
    }

    /// The SyncML version a header's public identifier names, if any.
    private static func version(of header: WBXMLHeader, in bytes: [UInt8]) -> SyncMLVersion? {
        for version in [SyncMLVersion.v1_2, .v1_1]
        where header.identifies(number: version.wbxmlPublicID, formal: [version.formalPublicIdentifier], in: bytes) {
            return version
        }
        return nil
    }

    /// Moves to the next child of the current element and returns its tag, or nil when the current element
    /// ends (its END consumed). Unknown and LITERAL elements are skipped whole; strings between elements are
    /// ignored.
    public mutating func nextChild() throws(SyncMLDecodeError) -> SyncMLTag? {
        switch state {
        case .open: break
        case .enteredEmpty:
            state = .open
            return nil
        case .initial, .finished:
            throw scanner.error(.invalidStructure, "there is no open element")
        }
        while true {
            switch try scanner.next() {
            case .end:
                endedElement()
                return nil
            case .string, .entity, .opaque:
                continue
            case .start(let start):
                guard !start.isLiteral, let tag = SyncMLTag(page: start.page, token: start.token) else {
                    try scanner.skip(start)
                    continue
                }
                guard !start.hasAttributes else {
                    throw scanner.error(
                        .malformed, "attributes are not allowed on \(tag.name)", offset: start.offset, element: tag.name
                    )
                }
                if !start.hasContent { state = .enteredEmpty }
                current = tag
                return tag
            }
        }
    }

    /// Reads the text of the element just entered through its END: STR_I, STR_T, ENTITY and OPAQUE (taken as
    /// UTF-8 text) pieces, concatenated. An element without content gives "".
    ///
    /// - Throws: `invalidStructure` for a nested element; `malformed` for text that is not valid UTF-8.
    public mutating func readText() throws(SyncMLDecodeError) -> String {
        guard try enterContent() else { return "" }
        var event = try scanner.next()
        var buffer: [UInt8] = []
        if case .string(let range) = event {
            event = try scanner.next()
            if case .end = event {
                endedElement()
                return try scanner.string(range)
            }
            scanner.appendString(range, to: &buffer)
        }
        while true {
            switch event {
            case .end:
                endedElement()
                return try utf8String(buffer)
            case .string(let range):
                scanner.appendString(range, to: &buffer)
            case .opaque(let range):
                scanner.appendBytes(range, to: &buffer)
            case .entity(let scalar):
                buffer.append(contentsOf: String(Character(scalar)).utf8)
            case .start(let tag):
                throw scanner.error(
                    .invalidStructure, "an element inside a text element", offset: tag.offset, element: current?.name)
            }
            event = try scanner.next()
        }
    }

    /// Reads the content of the `Data` element just entered through its END.
    ///
    /// - Only strings (STR_I, STR_T, ENTITY): `.text`, concatenated.
    /// - Any OPAQUE: `.opaque`, every piece in order with strings as UTF-8. When the content is one OPAQUE
    ///   holding a complete WBXML DevInf 1.1 or 1.2 document, it is decoded instead and returned as
    ///   `.markup` DevInf XML with `xmlns="syncml:devinf"` on the root; if that document does not decode,
    ///   the bytes are returned as `.opaque`, exactly as they arrived.
    /// - Any element: `.markup`, the whole content rendered as compact XML (the outermost elements carry
    ///   their namespace; unknown elements are skipped).
    /// - No content: `.text("")`.
    public mutating func readData() throws(SyncMLDecodeError) -> DataContent {
        guard try enterContent() else { return .text("") }
        let dataDepth = scanner.depth
        let first = try scanner.next()
        guard case .string(let range) = first else {
            return try readData(continuingWith: first, buffer: [], pieces: 0, dataDepth: dataDepth)
        }
        let second = try scanner.next()
        if case .end = second {
            endedElement()
            return .text(try scanner.string(range))
        }
        var buffer: [UInt8] = []
        scanner.appendString(range, to: &buffer)
        return try readData(continuingWith: second, buffer: buffer, pieces: 1, dataDepth: dataDepth)
    }

    /// The general case of ``readData()``: `first` is the next unprocessed event, `buffer` the UTF-8 of the
    /// `pieces` already read, `dataDepth` the depth of the `Data` element.
    private mutating func readData(continuingWith first: WBXMLEvent, buffer: [UInt8], pieces: Int, dataDepth: Int)
        throws(SyncMLDecodeError) -> DataContent
    {
        var buffer = buffer
        var pieces = pieces
        var sawOpaque = false
        var onlyOpaque: Range<Int>?
        var event = first
        while true {
            switch event {
            case .end:
                endedElement()
                if let onlyOpaque, pieces == 1, let markup = nestedDevInf(onlyOpaque) { return .markup(markup) }
                return sawOpaque ? .opaque(buffer) : .text(try utf8String(buffer))
            case .string(let range):
                scanner.appendString(range, to: &buffer)
            case .opaque(let range):
                if pieces == 0 { onlyOpaque = range }
                sawOpaque = true
                scanner.appendBytes(range, to: &buffer)
            case .entity(let scalar):
                buffer.append(contentsOf: String(Character(scalar)).utf8)
            case .start:
                return .markup(try readMarkup(startingWith: event, before: buffer, dataDepth: dataDepth))
            }
            pieces += 1
            event = try scanner.next()
        }
    }

    /// Renders the rest of a `Data` element as XML, starting at its first nested element; `text` is the
    /// UTF-8 of the character data before it.
    private mutating func readMarkup(startingWith event: WBXMLEvent, before text: [UInt8], dataDepth: Int)
        throws(SyncMLDecodeError) -> String
    {
        var renderer = WBXMLMarkupRenderer(vocabulary: .syncML(version))
        if !text.isEmpty { renderer.text(try utf8String(text)) }
        try renderer.render(startingWith: event, scanner: &scanner, baseDepth: dataDepth)
        endedElement()
        return renderer.xml
    }

    /// The XML of the DevInf document held in `range`, or nil when it is not one that decodes.
    private func nestedDevInf(_ range: Range<Int>) -> String? {
        // A WBXML document has at least a version, a public identifier, a charset and a table length.
        guard range.count >= 4, scanner.bytes[range.lowerBound] <= WBXMLHeader.newestVersion else { return nil }
        let budget = limits.maxElements - scanner.elementCount
        return try? WBXMLDevInf.decode(scanner.bytes, range: range, limits: limits, maxElements: budget)
    }

    /// Skips the content of the element just entered, through its END.
    public mutating func skipElement() throws(SyncMLDecodeError) {
        guard try enterContent() else { return }
        try scanner.skipContent()
        endedElement()
    }

    /// Checks that the root element has ended and that nothing follows it.
    ///
    /// - Throws: `invalidStructure` when the root element is still open; `malformed` when bytes follow it.
    public mutating func close() throws(SyncMLDecodeError) {
        guard case .finished = state else {
            throw scanner.error(.invalidStructure, "the SyncML root element has not ended")
        }
        guard scanner.isAtEnd else {
            throw scanner.error(.malformed, "\(scanner.reader.remaining) bytes follow the SyncML root element")
        }
    }

    /// An error of the given kind at the cursor's current byte offset.
    public func error(_ kind: SyncMLDecodeError.Kind, _ message: String, element: SyncMLTag?) -> SyncMLDecodeError {
        scanner.error(kind, message, element: element?.name)
    }

    /// Prepares to read the content of the element just entered: false when it has none (and is now done).
    private mutating func enterContent() throws(SyncMLDecodeError) -> Bool {
        switch state {
        case .open: return true
        case .enteredEmpty:
            state = .open
            return false
        case .initial, .finished:
            throw scanner.error(.invalidStructure, "there is no open element")
        }
    }

    /// Bookkeeping after an END: the root's END finishes the document.
    private mutating func endedElement() {
        if scanner.depth == 0 { state = .finished }
    }

    /// `bytes` as a String, which must be valid UTF-8.
    private func utf8String(_ bytes: [UInt8]) throws(SyncMLDecodeError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw scanner.error(.malformed, "text is not valid UTF-8", element: current?.name)
        }
        return text
    }
}
