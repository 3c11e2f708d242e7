/// The user data of one SMS sent with the UDHI bit set: a user data header and the payload after it.
///
/// A WAP Push over SMS is the WSP push PDU (with the package #0 as its body) carried as 8-bit data to port
/// 2948. When it does not fit in the 140 octets of one SMS, ``segments(payload:ports:reference:maxLength:)``
/// splits it, and every segment carries a concatenation element as well as the ports; the WSP header then
/// appears only in the first segment's payload.
///
/// ```swift
/// let pdu = try WSPPushPDU.dmNotification(package: packageBytes).encoded()
/// let parts = try SMSUserData.segments(payload: pdu, reference: .eightBit(42))
/// let wire = try parts.map { try $0.encoded() }           // hand each to the SMSC as 8-bit data
/// let back = try SMSUserData.reassemble(wire.map { try SMSUserData.decode($0) })
/// ```
public struct SMSUserData: Sendable, Hashable {
    /// The octets one SMS carries as 8-bit user data.
    public static let maxLength = 140

    /// The user data header.
    public var header: SMSUserDataHeader
    /// The octets after the header.
    public var payload: [UInt8]

    /// Creates the user data of one SMS.
    public init(header: SMSUserDataHeader, payload: [UInt8]) {
        self.header = header
        self.payload = payload
    }

    /// The encoded user data: the header (with its UDHL octet), then the payload.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when the header cannot be encoded.
    public func encoded() throws(NotificationError) -> [UInt8] {
        try header.encoded() + payload
    }

    /// Decodes the user data of one SMS whose UDHI bit is set.
    /// - Parameter bytes: the user data, starting with the UDHL octet.
    /// - Throws: ``NotificationError`` of kind `truncated` or `malformed` for a bad header.
    public static func decode(_ bytes: [UInt8]) throws(NotificationError) -> SMSUserData {
        var reader = ByteReader(bytes)
        let header = try SMSUserDataHeader.decode(from: &reader)
        return SMSUserData(header: header, payload: reader.readRest())
    }

    /// Splits a payload into SMS user data.
    ///
    /// When the payload fits in one SMS beside the port element, the result is one user data with ports
    /// only. Otherwise every segment carries the concatenation element (0x00 for an 8-bit reference, 0x08 for
    /// a 16-bit one) followed by the port element, and as much payload as fits.
    /// - Parameters:
    ///   - payload: the octets to send (for WAP Push: the encoded WSP push PDU).
    ///   - ports: the application ports (default 2948 and 9200).
    ///   - reference: the concatenation reference used when the payload needs more than one SMS; it should
    ///     change from one concatenated message to the next towards the same device.
    ///   - maxLength: the user data size of one SMS (default 140).
    /// - Returns: the user data of each SMS, in sequence order.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when the payload needs more than 255 segments
    ///   or `maxLength` leaves no room for payload.
    public static func segments(
        payload: [UInt8], ports: SMSPorts = .wapPush, reference: SMSConcatenationReference = .eightBit(0),
        maxLength: Int = SMSUserData.maxLength
    ) throws(NotificationError) -> [SMSUserData] {
        let single = SMSUserDataHeader(ports: ports)
        if single.encodedLength + payload.count <= maxLength {
            return [SMSUserData(header: single, payload: payload)]
        }
        let sample = SMSUserDataHeader(
            ports: ports, concatenation: SMSConcatenation(reference: reference, total: 1, sequence: 1))
        let room = maxLength - sample.encodedLength
        guard room > 0 else {
            throw NotificationError(.invalidArgument, "user data of \(maxLength) octets leaves no room for payload")
        }
        let count = (payload.count + room - 1) / room
        guard count <= 255 else {
            throw NotificationError(
                .invalidArgument, "payload of \(payload.count) octets needs \(count) segments; at most 255 are possible"
            )
        }
        var result: [SMSUserData] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            let start = index * room
            let header = SMSUserDataHeader(
                ports: ports,
                concatenation: SMSConcatenation(reference: reference, total: UInt8(count), sequence: UInt8(index + 1)))
            result.append(
                SMSUserData(header: header, payload: Array(payload[start..<min(start + room, payload.count)])))
        }
        return result
    }

    /// Joins the segments of one concatenated message, given in any order.
    ///
    /// A repeated segment with the same content is dropped (networks do deliver duplicates); a repeated
    /// sequence number with different content is an error. A single segment without a concatenation element
    /// is returned unchanged.
    /// - Parameter segments: the decoded user data of every SMS of the message.
    /// - Returns: one user data with the ports of the segments, no concatenation element, the other elements of
    ///   the first segment, and the joined payload.
    /// - Throws: ``NotificationError``: `missingSegment` when a sequence number is absent (or nothing was given),
    ///   `inconsistentSegments` when references, totals or ports differ, or a sequence number repeats with other
    ///   content.
    public static func reassemble(_ segments: [SMSUserData]) throws(NotificationError) -> SMSUserData {
        guard let first = segments.first else {
            throw NotificationError(.missingSegment, "no segments to reassemble")
        }
        guard let concatenation = first.header.concatenation else {
            guard segments.count == 1 else {
                throw NotificationError(
                    .inconsistentSegments,
                    "a segment without a concatenation element came with \(segments.count - 1) others")
            }
            return first
        }
        var parts = [[UInt8]?](repeating: nil, count: Int(concatenation.total))
        for segment in segments {
            guard let element = segment.header.concatenation else {
                throw NotificationError(.inconsistentSegments, "a segment has no concatenation element")
            }
            guard element.reference == concatenation.reference else {
                throw NotificationError(
                    .inconsistentSegments,
                    "segment references differ (\(describe(concatenation.reference)) and \(describe(element.reference)))"
                )
            }
            guard element.total == concatenation.total else {
                throw NotificationError(
                    .inconsistentSegments, "segment totals differ (\(concatenation.total) and \(element.total))")
            }
            guard segment.header.ports == first.header.ports else {
                throw NotificationError(.inconsistentSegments, "segment ports differ")
            }
            let index = Int(element.sequence) - 1
            if let existing = parts[index] {
                guard existing == segment.payload else {
                    throw NotificationError(
                        .inconsistentSegments, "segment \(element.sequence) arrived twice with different content")
                }
                continue
            }
            parts[index] = segment.payload
        }
        let missing = parts.indices.filter { parts[$0] == nil }.map { String($0 + 1) }
        guard missing.isEmpty else {
            throw NotificationError(
                .missingSegment,
                "segment\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) of \(concatenation.total) missing"
            )
        }
        let payload = parts.reduce(into: [UInt8]()) { $0 += $1 ?? [] }
        return SMSUserData(
            header: SMSUserDataHeader(ports: first.header.ports, otherElements: first.header.otherElements),
            payload: payload)
    }

    /// Decodes the user data of each SMS and joins them (see ``reassemble(_:)``).
    /// - Parameter userData: the raw user data of every SMS of the message, in any order.
    public static func reassemble(userData: [[UInt8]]) throws(NotificationError) -> SMSUserData {
        var decoded: [SMSUserData] = []
        for (index, bytes) in userData.enumerated() {
            do throws(NotificationError) {
                decoded.append(try decode(bytes))
            } catch {
                var copy = error
                copy.message = "segment \(index + 1): \(error.message)"
                throw copy
            }
        }
        return try reassemble(decoded)
    }

    private static func describe(_ reference: SMSConcatenationReference) -> String {
        switch reference {
        case .eightBit(let value): "8-bit \(value)"
        case .sixteenBit(let value): "16-bit \(value)"
        }
    }
}
