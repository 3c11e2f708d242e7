/// Meta information (`syncml:metinf`) of a header, command or item. Values are kept as the text that was
/// sent; typed accessors read them as numbers.
public struct MetaInfo: Sendable, Hashable {
    /// `Format`: b64, bin, bool, chr, int, node, null, xml, date, time, float (default chr).
    public var format: String?
    /// `Type`: a MIME type, an auth type (`syncml:auth-md5`) or a Generic Alert type.
    public var type: String?
    /// `Mark`: Generic Alert severity.
    public var mark: String?
    /// `Size`: total size of a Large Object (first chunk only).
    public var size: String?
    /// `Anchor` (data sync legacy): `Last` and `Next`.
    public var anchor: Anchor?
    /// `Version`.
    public var version: String?
    /// `NextNonce`, base64, in a `Chal`.
    public var nextNonce: String?
    /// `MaxMsgSize` in bytes.
    public var maxMsgSize: String?
    /// `MaxObjSize` in bytes.
    public var maxObjSize: String?
    /// `EMI` extensions, in order.
    public var emi: [String]
    /// `Mem` (data sync legacy).
    public var mem: Memory?
    /// `FieldLevel` (SyncML 1.2, empty element).
    public var fieldLevel: Bool

    public init(
        format: String? = nil, type: String? = nil, mark: String? = nil, size: String? = nil,
        anchor: Anchor? = nil, version: String? = nil, nextNonce: String? = nil, maxMsgSize: String? = nil,
        maxObjSize: String? = nil, emi: [String] = [], mem: Memory? = nil, fieldLevel: Bool = false
    ) {
        self.format = format
        self.type = type
        self.mark = mark
        self.size = size
        self.anchor = anchor
        self.version = version
        self.nextNonce = nextNonce
        self.maxMsgSize = maxMsgSize
        self.maxObjSize = maxObjSize
        self.emi = emi
        self.mem = mem
        self.fieldLevel = fieldLevel
    }

    /// `Anchor` of data sync: the last and next sync anchors.
    public struct Anchor: Sendable, Hashable {
        public var last: String?
        public var next: String?
        public init(last: String? = nil, next: String? = nil) {
            self.last = last
            self.next = next
        }
    }

    /// `Mem` of data sync: shared memory flag, free memory and free ids.
    public struct Memory: Sendable, Hashable {
        public var sharedMem: Bool
        public var freeMem: String?
        public var freeID: String?
        public init(sharedMem: Bool = false, freeMem: String? = nil, freeID: String? = nil) {
            self.sharedMem = sharedMem
            self.freeMem = freeMem
            self.freeID = freeID
        }
    }

    /// `Size` as a number, when it is a decimal integer.
    public var sizeValue: Int? { size.flatMap { Int($0.trimmingASCIIWhitespace()) } }
    /// `MaxMsgSize` as a number, when it is a decimal integer.
    public var maxMsgSizeValue: Int? { maxMsgSize.flatMap { Int($0.trimmingASCIIWhitespace()) } }
    /// `MaxObjSize` as a number, when it is a decimal integer.
    public var maxObjSizeValue: Int? { maxObjSize.flatMap { Int($0.trimmingASCIIWhitespace()) } }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs, CR and LF.
    package func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
