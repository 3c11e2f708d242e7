extension PackageZero {
    /// The session ID as the device must echo it in its SyncHdr `SessionID`: upper-case hex with no leading
    /// zeros (`0x1234` gives `1234`, `0x00AB` gives `AB`, 0 gives `0`).
    public var sessionIDHex: String { String(sessionID, radix: 16, uppercase: true) }

    /// The ways deployed clients have written a package #0 session ID back in their SyncHdr (pitfall 4).
    public enum SessionIDForm: String, Sendable, Hashable, CaseIterable {
        /// Hex, as the specification asks (any case, leading zeros tolerated).
        case hex
        /// Decimal (an AOSP build option).
        case decimal
        /// Hex of the byte-swapped value (libdmclient's `ntohs` on a little-endian host: 0x1234 as `3412`).
        case byteSwappedHex
        /// Decimal of the byte-swapped value.
        case byteSwappedDecimal
        /// The AOSP Java parser's sign-extended low byte: a negative 32-bit value, in decimal or hex.
        case signExtended
    }

    /// The form in which `text` names this package's session ID, or nil when it does not name it.
    /// - Parameter text: the SessionID a device sent.
    /// - Returns: the first matching form in ``SessionIDForm`` order.
    public func sessionIDForm(of text: String) -> SessionIDForm? {
        PackageZero.sessionIDForm(of: text, sessionID: sessionID)
    }

    /// True when `text` names this package's session ID in any of the ``SessionIDForm`` forms.
    public func matchesSessionID(_ text: String) -> Bool {
        sessionIDForm(of: text) != nil
    }

    /// The form in which `text` names `sessionID`, or nil when it does not.
    ///
    /// Note that short texts can be read more than one way ("1234" is hex 0x1234 and also decimal 1234 =
    /// 0x04D2); the forms are tried in ``SessionIDForm`` order and the first that matches wins.
    /// - Parameters:
    ///   - text: the SessionID a device sent (surrounding whitespace and a `0x` prefix are tolerated).
    ///   - sessionID: the session ID the package carried.
    public static func sessionIDForm(of text: String, sessionID: UInt16) -> SessionIDForm? {
        var trimmed = Substring(text)
        while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        var hexText = trimmed
        if hexText.hasPrefix("0x") || hexText.hasPrefix("0X") { hexText = hexText.dropFirst(2) }
        let hexValue = hexText.count <= 8 ? UInt32(hexText, radix: 16) : nil
        let decimalValue = trimmed.count <= 11 ? Int64(trimmed, radix: 10) : nil
        let swapped = sessionID.byteSwapped

        if hexValue == UInt32(sessionID) { return .hex }
        if decimalValue == Int64(sessionID) { return .decimal }
        if hexValue == UInt32(swapped) { return .byteSwappedHex }
        if decimalValue == Int64(swapped) { return .byteSwappedDecimal }
        let low = UInt32(sessionID & 0xFF)
        if low >= 0x80 {
            let extended = 0xFFFF_FF00 | low
            if hexValue == extended || decimalValue == Int64(Int32(bitPattern: extended)) { return .signExtended }
        }
        return nil
    }
}
