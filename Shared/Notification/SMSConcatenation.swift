/// The reference number shared by every segment of one concatenated SMS.
public enum SMSConcatenationReference: Sendable, Hashable {
    /// An 8-bit reference (information element 0x00).
    case eightBit(UInt8)
    /// A 16-bit reference (information element 0x08).
    case sixteenBit(UInt16)

    /// The reference as a number, whatever its width.
    public var value: UInt16 {
        switch self {
        case .eightBit(let value): UInt16(value)
        case .sixteenBit(let value): value
        }
    }
}

/// Where one segment sits in a concatenated SMS (information element 0x00 or 0x08).
public struct SMSConcatenation: Sendable, Hashable {
    /// The reference shared by every segment of the message.
    public var reference: SMSConcatenationReference
    /// How many segments the message has (1-255).
    public var total: UInt8
    /// This segment's number (1-based, at most `total`).
    public var sequence: UInt8

    /// Creates the concatenation element of one segment.
    public init(reference: SMSConcatenationReference, total: UInt8, sequence: UInt8) {
        self.reference = reference
        self.total = total
        self.sequence = sequence
    }
}
