internal import SyncML
/// A GSM 03.40 user data header (UDH): the information elements in front of the SMS payload.
///
/// It is written as the UDH length octet (UDHL) followed by the elements: concatenation first, then ports,
/// then any other element, as in `0B 00 03 <ref> <tot> <seq> 05 04 0B 84 C0 02`.
public struct SMSUserDataHeader: Sendable, Hashable {
    /// IEI of concatenation with an 8-bit reference.
    public static let concatenation8BitIdentifier: UInt8 = 0x00
    /// IEI of 16-bit application port addressing.
    public static let ports16BitIdentifier: UInt8 = 0x05
    /// IEI of concatenation with a 16-bit reference.
    public static let concatenation16BitIdentifier: UInt8 = 0x08

    /// 16-bit application ports, when present.
    public var ports: SMSPorts?
    /// The concatenation element, when the message has more than one segment.
    public var concatenation: SMSConcatenation?
    /// Every other element, in order.
    public var otherElements: [SMSInformationElement]

    /// Creates a header.
    public init(
        ports: SMSPorts? = nil, concatenation: SMSConcatenation? = nil, otherElements: [SMSInformationElement] = []
    ) {
        self.ports = ports
        self.concatenation = concatenation
        self.otherElements = otherElements
    }

    /// The size of the encoded header, UDHL octet included.
    public var encodedLength: Int {
        var length = 1
        if let concatenation {
            if case .sixteenBit = concatenation.reference { length += 6 } else { length += 5 }
        }
        if ports != nil { length += 6 }
        for element in otherElements { length += 2 + element.data.count }
        return length
    }

    /// The encoded header: UDHL, then the elements.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when an element is longer than 255 bytes or the
    ///   header would exceed 255 bytes.
    public func encoded() throws(NotificationError) -> [UInt8] {
        var elements: [UInt8] = []
        if let concatenation {
            switch concatenation.reference {
            case .eightBit(let reference):
                elements += [SMSUserDataHeader.concatenation8BitIdentifier, 3, reference]
            case .sixteenBit(let reference):
                elements += [
                    SMSUserDataHeader.concatenation16BitIdentifier, 4, UInt8(reference >> 8), UInt8(reference & 0xFF),
                ]
            }
            elements += [concatenation.total, concatenation.sequence]
        }
        if let ports {
            elements += [
                SMSUserDataHeader.ports16BitIdentifier, 4, UInt8(ports.destination >> 8),
                UInt8(ports.destination & 0xFF),
                UInt8(ports.source >> 8), UInt8(ports.source & 0xFF),
            ]
        }
        for element in otherElements {
            guard element.data.count <= 255 else {
                throw NotificationError(
                    .invalidArgument,
                    "information element 0x\(Hex.encode([element.identifier])) is longer than 255 bytes")
            }
            elements += [element.identifier, UInt8(element.data.count)] + element.data
        }
        guard elements.count <= 255 else {
            throw NotificationError(.invalidArgument, "user data header of \(elements.count) bytes exceeds 255 bytes")
        }
        return [UInt8(elements.count)] + elements
    }

    /// Reads a header (UDHL and elements) at the reader's position.
    static func decode(from reader: inout ByteReader) throws(NotificationError) -> SMSUserDataHeader {
        let length = Int(try reader.readByte("user data header length"))
        let base = reader.offset
        var elements = ByteReader(try reader.readBytes(length, "user data header"))
        var header = SMSUserDataHeader()
        while !elements.isAtEnd {
            let start = base + elements.offset
            let identifier = try elements.readByte("information element identifier")
            let size = Int(try elements.readByte("information element length"))
            let data: [UInt8]
            do throws(NotificationError) {
                data = try elements.readBytes(size, "information element 0x\(Hex.encode([identifier]))")
            } catch {
                throw error.shifted(by: base)
            }
            switch identifier {
            case concatenation8BitIdentifier, concatenation16BitIdentifier:
                let wide = identifier == concatenation16BitIdentifier
                guard data.count == (wide ? 4 : 3) else {
                    throw NotificationError(
                        .malformed, "concatenation element 0x\(Hex.encode([identifier])) has length \(data.count)",
                        offset: start)
                }
                guard header.concatenation == nil else {
                    throw NotificationError(.malformed, "the header has two concatenation elements", offset: start)
                }
                let reference: SMSConcatenationReference =
                    wide ? .sixteenBit(UInt16(data[0]) << 8 | UInt16(data[1])) : .eightBit(data[0])
                let total = data[data.count - 2]
                let sequence = data[data.count - 1]
                guard total >= 1, sequence >= 1, sequence <= total else {
                    throw NotificationError(
                        .malformed, "concatenation segment \(sequence) of \(total) is out of range", offset: start)
                }
                header.concatenation = SMSConcatenation(reference: reference, total: total, sequence: sequence)
            case ports16BitIdentifier:
                guard data.count == 4 else {
                    throw NotificationError(.malformed, "port element 0x05 has length \(data.count)", offset: start)
                }
                guard header.ports == nil else {
                    throw NotificationError(.malformed, "the header has two port elements", offset: start)
                }
                header.ports = SMSPorts(
                    destination: UInt16(data[0]) << 8 | UInt16(data[1]), source: UInt16(data[2]) << 8 | UInt16(data[3]))
            default:
                header.otherElements.append(SMSInformationElement(identifier: identifier, data: data))
            }
        }
        return header
    }
}
