/// One SMPP 3.4 PDU: the 16-byte header and the body bytes. Pure encode/decode of the PDUs the SMSC role needs.
public struct SMPPPDU: Sendable, Hashable {
    public var commandID: UInt32
    public var status: UInt32
    public var sequence: UInt32
    public var body: [UInt8]

    public init(commandID: UInt32, status: UInt32 = 0, sequence: UInt32, body: [UInt8] = []) {
        self.commandID = commandID
        self.status = status
        self.sequence = sequence
        self.body = body
    }

    public enum Command {
        public static let genericNack: UInt32 = 0x8000_0000
        public static let bindReceiver: UInt32 = 0x0000_0001
        public static let bindTransmitter: UInt32 = 0x0000_0002
        public static let submitSM: UInt32 = 0x0000_0004
        public static let deliverSM: UInt32 = 0x0000_0005
        public static let unbind: UInt32 = 0x0000_0006
        public static let bindTransceiver: UInt32 = 0x0000_0009
        public static let enquireLink: UInt32 = 0x0000_0015
        public static let responseBit: UInt32 = 0x8000_0000
    }

    public enum Status {
        public static let ok: UInt32 = 0x0000_0000
        public static let invalidCommandLength: UInt32 = 0x0000_0002
        public static let invalidCommandID: UInt32 = 0x0000_0003
        public static let incorrectBindStatus: UInt32 = 0x0000_0004
        public static let alreadyBound: UInt32 = 0x0000_0005
        public static let systemError: UInt32 = 0x0000_0008
        public static let invalidDestination: UInt32 = 0x0000_000B
        public static let bindFailed: UInt32 = 0x0000_000D
        public static let invalidPassword: UInt32 = 0x0000_000E
    }

    /// The whole PDU with its length prefix.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 + body.count)
        Self.append(UInt32(16 + body.count), to: &bytes)
        Self.append(commandID, to: &bytes)
        Self.append(status, to: &bytes)
        Self.append(sequence, to: &bytes)
        return bytes + body
    }

    /// Decodes one PDU from its complete bytes (length prefix included).
    public static func decode(_ bytes: [UInt8]) throws(SMPPError) -> SMPPPDU {
        guard bytes.count >= 16 else { throw SMPPError("PDU shorter than its header") }
        let length = Int(uint32(bytes, 0))
        guard length == bytes.count else { throw SMPPError("command_length \(length) but \(bytes.count) bytes") }
        return SMPPPDU(
            commandID: uint32(bytes, 4), status: uint32(bytes, 8), sequence: uint32(bytes, 12),
            body: Array(bytes[16...]))
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}

/// An SMPP decoding error.
public struct SMPPError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads the fields of a PDU body.
struct SMPPBodyReader {
    var bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func cString(max: Int = 256) throws(SMPPError) -> String {
        guard let end = bytes[offset...].firstIndex(of: 0), end - offset < max else {
            throw SMPPError("unterminated C-Octet String at \(offset)")
        }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        offset = end + 1
        return text
    }

    mutating func byte() throws(SMPPError) -> UInt8 {
        guard offset < bytes.count else { throw SMPPError("truncated body at \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func take(_ count: Int) throws(SMPPError) -> [UInt8] {
        guard count >= 0, offset + count <= bytes.count else { throw SMPPError("truncated body at \(offset)") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint16() throws(SMPPError) -> UInt16 {
        let pair = try take(2)
        return UInt16(pair[0]) << 8 | UInt16(pair[1])
    }

    /// The optional parameters (TLVs) after the mandatory fields.
    mutating func tlvs() throws(SMPPError) -> [UInt16: [UInt8]] {
        var result: [UInt16: [UInt8]] = [:]
        while !isAtEnd {
            let tag = try uint16()
            let length = Int(try uint16())
            result[tag] = try take(length)
        }
        return result
    }
}

/// Writes PDU body fields.
struct SMPPBodyWriter {
    var bytes: [UInt8] = []

    mutating func cString(_ text: String) {
        bytes += Array(text.utf8)
        bytes.append(0)
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func tlv(_ tag: UInt16, _ value: [UInt8]) {
        bytes += [UInt8(tag >> 8), UInt8(tag & 0xFF), UInt8(value.count >> 8), UInt8(value.count & 0xFF)]
        bytes += value
    }
}

/// The fields of a `submit_sm` (or `deliver_sm`) the SMSC role uses.
public struct SMPPShortMessage: Sendable, Hashable {
    public var serviceType: String
    public var sourceAddress: String
    public var destinationAddress: String
    public var esmClass: UInt8
    public var registeredDelivery: UInt8
    public var dataCoding: UInt8
    /// `short_message`, or the `message_payload` TLV when short_message is empty.
    public var message: [UInt8]
    public var tlvs: [UInt16: [UInt8]]

    public static let messagePayloadTag: UInt16 = 0x0424
    public static let destinationPortTag: UInt16 = 0x020B
    public static let receiptedMessageIDTag: UInt16 = 0x001E
    public static let messageStateTag: UInt16 = 0x0427

    public init(
        serviceType: String = "", sourceAddress: String, destinationAddress: String, esmClass: UInt8 = 0,
        registeredDelivery: UInt8 = 0, dataCoding: UInt8 = 0, message: [UInt8], tlvs: [UInt16: [UInt8]] = [:]
    ) {
        self.serviceType = serviceType
        self.sourceAddress = sourceAddress
        self.destinationAddress = destinationAddress
        self.esmClass = esmClass
        self.registeredDelivery = registeredDelivery
        self.dataCoding = dataCoding
        self.message = message
        self.tlvs = tlvs
    }

    /// True when the user data starts with a UDH (esm_class UDHI bit 0x40).
    public var hasUDH: Bool { esmClass & 0x40 != 0 }

    /// Decodes a submit_sm or deliver_sm body.
    public static func decode(_ body: [UInt8]) throws(SMPPError) -> SMPPShortMessage {
        var reader = SMPPBodyReader(body)
        let serviceType = try reader.cString(max: 6)
        _ = try reader.byte()
        _ = try reader.byte()
        let source = try reader.cString(max: 21)
        _ = try reader.byte()
        _ = try reader.byte()
        let destination = try reader.cString(max: 21)
        let esm = try reader.byte()
        _ = try reader.byte()  // protocol_id
        _ = try reader.byte()  // priority_flag
        _ = try reader.cString(max: 17)  // schedule_delivery_time
        _ = try reader.cString(max: 17)  // validity_period
        let registered = try reader.byte()
        _ = try reader.byte()  // replace_if_present_flag
        let coding = try reader.byte()
        _ = try reader.byte()  // sm_default_msg_id
        let length = Int(try reader.byte())
        var message = try reader.take(length)
        let tlvs = try reader.tlvs()
        if message.isEmpty, let payload = tlvs[messagePayloadTag] { message = payload }
        return SMPPShortMessage(
            serviceType: serviceType, sourceAddress: source, destinationAddress: destination, esmClass: esm,
            registeredDelivery: registered, dataCoding: coding, message: message, tlvs: tlvs)
    }

    /// Encodes the body of a submit_sm/deliver_sm (international numbers, ISDN plan).
    public func encoded() -> [UInt8] {
        var writer = SMPPBodyWriter()
        writer.cString(serviceType)
        writer.byte(1)
        writer.byte(1)
        writer.cString(sourceAddress)
        writer.byte(1)
        writer.byte(1)
        writer.cString(destinationAddress)
        writer.byte(esmClass)
        writer.byte(0)
        writer.byte(0)
        writer.cString("")
        writer.cString("")
        writer.byte(registeredDelivery)
        writer.byte(0)
        writer.byte(dataCoding)
        writer.byte(0)
        if message.count <= 254 {
            writer.byte(UInt8(message.count))
            writer.bytes += message
        } else {
            writer.byte(0)
            writer.tlv(Self.messagePayloadTag, message)
        }
        for (tag, value) in tlvs.sorted(by: { $0.key < $1.key }) where tag != Self.messagePayloadTag {
            writer.tlv(tag, value)
        }
        return writer.bytes
    }
}
