internal import SyncML
/// A connectionless WSP push PDU (WAP-230 §8.2.4.1): the envelope a WAP Push carries its content in.
///
/// Layout: transaction ID (1 byte), PDU type (0x06 Push or 0x07 ConfirmedPush), headers length (`uintvar`,
/// counting the content type and the headers), content type, headers, then the body.
///
/// For a DM notification the content type is the well-known short integer 0x44
/// (`application/vnd.syncml.notification`, encoded `C4`) and the only header is X-WAP-Application-ID (0x2F,
/// encoded `AF`) with application ID 7 (`x-wap-application:syncml.dm`, encoded `87`).
///
/// ```swift
/// let pdu = WSPPushPDU.dmNotification(package: packageBytes)
/// let bytes = try pdu.encoded()        // 01 06 03 C4 AF 87 <package>
/// let back = try WSPPushPDU.decode(bytes)
/// ```
public struct WSPPushPDU: Sendable, Hashable {
    /// The WSP PDU types a push can use.
    public enum PDUType: UInt8, Sendable, Hashable {
        /// 0x06: unconfirmed push.
        case push = 0x06
        /// 0x07: confirmed push.
        case confirmedPush = 0x07
    }

    /// The well-known content-type code of `application/vnd.syncml.notification`.
    public static let syncMLNotificationContentType: UInt8 = 0x44
    /// The well-known header field code of X-WAP-Application-ID.
    public static let applicationIDField: UInt8 = 0x2F
    /// The WINA application ID of `x-wap-application:syncml.dm`.
    public static let syncMLDMApplicationID: UInt32 = 0x07

    /// The transaction ID (TID).
    public var transactionID: UInt8
    /// Push or ConfirmedPush.
    public var pduType: PDUType
    /// The content type.
    public var contentType: WSPContentType
    /// The X-WAP-Application-ID header, or nil when the PDU has none.
    public var applicationID: WSPApplicationID?
    /// Every other header, in order, with its value kept in its encoded form.
    public var otherHeaders: [WSPHeader]
    /// The pushed content (for DM: the package #0).
    public var body: [UInt8]

    /// Creates a push PDU.
    /// - Parameters:
    ///   - transactionID: the TID (default 1).
    ///   - pduType: Push (default) or ConfirmedPush.
    ///   - contentType: the content type.
    ///   - applicationID: the X-WAP-Application-ID, or nil for none.
    ///   - otherHeaders: further headers, written after the application ID.
    ///   - body: the content.
    public init(
        transactionID: UInt8 = 1, pduType: PDUType = .push, contentType: WSPContentType,
        applicationID: WSPApplicationID?, otherHeaders: [WSPHeader] = [], body: [UInt8]
    ) {
        self.transactionID = transactionID
        self.pduType = pduType
        self.contentType = contentType
        self.applicationID = applicationID
        self.otherHeaders = otherHeaders
        self.body = body
    }

    /// The push PDU for a DM notification: content type 0x44, application ID 7, the package as body.
    /// - Parameters:
    ///   - package: the encoded package #0.
    ///   - transactionID: the TID (default 1).
    ///   - pduType: Push (default) or ConfirmedPush.
    public static func dmNotification(
        package: [UInt8], transactionID: UInt8 = 1, pduType: PDUType = .push
    ) -> WSPPushPDU {
        WSPPushPDU(
            transactionID: transactionID, pduType: pduType,
            contentType: .wellKnown(syncMLNotificationContentType),
            applicationID: .wellKnown(syncMLDMApplicationID), body: package)
    }

    /// True when the content type and application ID are those of a DM notification (numeric or text forms).
    public var isDMNotification: Bool {
        contentType.isSyncMLNotification && (applicationID?.isSyncMLDM ?? false)
    }

    /// The encoded headers part: content type, then X-WAP-Application-ID, then the other headers.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when a value cannot be encoded.
    public func encodedHeaders() throws(NotificationError) -> [UInt8] {
        var headers = try contentType.encoded()
        if let applicationID {
            headers.append(0x80 | WSPPushPDU.applicationIDField)
            headers.append(contentsOf: try applicationID.encodedValue())
        }
        for header in otherHeaders { headers.append(contentsOf: try header.encoded()) }
        return headers
    }

    /// The whole PDU.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` when a value cannot be encoded.
    public func encoded() throws(NotificationError) -> [UInt8] {
        let headers = try encodedHeaders()
        var output: [UInt8] = [transactionID, pduType.rawValue]
        Bytes.appendUintvar(UInt32(headers.count), to: &output)
        output.append(contentsOf: headers)
        output.append(contentsOf: body)
        return output
    }

    /// Decodes a connectionless push PDU.
    /// - Parameter bytes: the PDU (for SMS: the user data after the UDH, reassembled).
    /// - Returns: the PDU; headers other than X-WAP-Application-ID are kept in ``otherHeaders``.
    /// - Throws: ``NotificationError``: `truncated` or `malformed` for bad lengths and values, `unsupported` for
    ///   a PDU type other than Push or ConfirmedPush or a header code page shift.
    public static func decode(_ bytes: [UInt8]) throws(NotificationError) -> WSPPushPDU {
        var reader = ByteReader(bytes)
        let transactionID = try reader.readByte("transaction ID")
        let typeOffset = reader.offset
        let typeByte = try reader.readByte("PDU type")
        guard let pduType = PDUType(rawValue: typeByte) else {
            throw NotificationError(
                .unsupported, "WSP PDU type 0x\(Hex.encode([typeByte])) is not Push (0x06) or ConfirmedPush (0x07)",
                offset: typeOffset)
        }
        let headersLength = Int(try reader.readUintvar("headers length"))
        let headersStart = reader.offset
        let headerBytes = try reader.readBytes(headersLength, "headers")
        var headers = ByteReader(headerBytes)
        let contentType: WSPContentType
        do throws(NotificationError) {
            contentType = try WSPContentType.decode(from: &headers)
        } catch {
            throw error.shifted(by: headersStart)
        }
        var applicationID: WSPApplicationID?
        var otherHeaders: [WSPHeader] = []
        while !headers.isAtEnd {
            do throws(NotificationError) {
                let header = try WSPHeader.decode(from: &headers)
                if header.name == .wellKnown(applicationIDField), applicationID == nil {
                    applicationID = try WSPApplicationID.decode(value: header.value)
                } else {
                    otherHeaders.append(header)
                }
            } catch {
                throw error.shifted(by: headersStart)
            }
        }
        return WSPPushPDU(
            transactionID: transactionID, pduType: pduType, contentType: contentType, applicationID: applicationID,
            otherHeaders: otherHeaders, body: reader.readRest())
    }
}

extension NotificationError {
    /// The same error with its offset moved from a sub-buffer to the enclosing input.
    func shifted(by base: Int) -> NotificationError {
        var copy = self
        copy.offset = offset.map { $0 + base }
        return copy
    }
}
