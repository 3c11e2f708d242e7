/// The element cursor a SyncML decoder walks, implemented once for XML and once for WBXML.
///
/// The model decoder is recursive descent over this protocol, so XML and WBXML share every rule about
/// which child goes where. A cursor always stands inside some element (initially: inside the root, after
/// ``openRoot()``).
public protocol SyncMLTokenReader {
    /// Checks the document header and root element and returns the SyncML version it declares.
    mutating func openRoot() throws(SyncMLDecodeError) -> SyncMLVersion

    /// Moves to the next child element of the current element and returns its tag; nil when the current
    /// element ends (its end has then been consumed). Unknown elements (vendor extensions, other namespaces)
    /// are skipped whole; whitespace between elements is ignored.
    mutating func nextChild() throws(SyncMLDecodeError) -> SyncMLTag?

    /// Reads the character content of the element just entered (by ``nextChild()``) through its end tag.
    /// An empty element gives "".
    mutating func readText() throws(SyncMLDecodeError) -> String

    /// Reads the content of the `Data` element just entered through its end tag, exactly: text, opaque
    /// bytes or nested markup. An empty `Data` gives `.text("")`.
    mutating func readData() throws(SyncMLDecodeError) -> DataContent

    /// Skips the content of the element just entered through its end tag.
    mutating func skipElement() throws(SyncMLDecodeError)

    /// Checks that nothing but whitespace follows the root element.
    mutating func close() throws(SyncMLDecodeError)

    /// An error of the given kind, carrying the cursor's current position.
    func error(_ kind: SyncMLDecodeError.Kind, _ message: String, element: SyncMLTag?) -> SyncMLDecodeError
}

/// The element sink a SyncML encoder writes to, implemented once for XML and once for WBXML.
///
/// The encoder calls these in DTD order; the writer decides the bytes (XML namespaces for MetInf elements,
/// WBXML code-page switches and tokens).
public protocol SyncMLTokenWriter {
    /// Starts the document: header (WBXML) and the `SyncML` root start tag.
    mutating func begin(version: SyncMLVersion)
    /// Starts an element that will have children.
    mutating func start(_ tag: SyncMLTag)
    /// Ends the element most recently started.
    mutating func end(_ tag: SyncMLTag)
    /// Writes an element with no content, e.g. `<Final/>`.
    mutating func empty(_ tag: SyncMLTag)
    /// Writes an element with text content.
    mutating func leaf(_ tag: SyncMLTag, _ text: String)
    /// Writes a `Data`-like element with the given content, kept exact.
    mutating func data(_ tag: SyncMLTag, _ content: DataContent)
    /// Ends the root element and returns the whole document.
    mutating func finish() -> [UInt8]
}
