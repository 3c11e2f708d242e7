/// An information element of a user data header that this module does not interpret, kept as carried.
public struct SMSInformationElement: Sendable, Hashable {
    /// The information element identifier.
    public var identifier: UInt8
    /// The element's data (at most 255 bytes).
    public var data: [UInt8]

    /// Creates an element.
    public init(identifier: UInt8, data: [UInt8]) {
        self.identifier = identifier
        self.data = data
    }
}
