internal import SyncML
/// A complete PAP push submission: the `multipart/related` HTTP body a push initiator posts to a PPG, with
/// the PAP control document as the first part and the push content as the second.
///
/// ```swift
/// let submission = try message.submission(content: packageBytes)
/// // POST submission.body with "Content-Type: \(submission.contentType)"
/// ```
public struct PAPSubmission: Sendable, Hashable {
    /// How the push content part is written.
    public enum TransferEncoding: String, Sendable, Hashable, CaseIterable {
        /// Base64 with `Content-Transfer-Encoding: base64` (Kannel's PPG decodes it); safe for any bytes.
        case base64
        /// The raw bytes with `Content-Transfer-Encoding: binary`.
        case binary
    }

    /// The default MIME boundary.
    public static let defaultBoundary = "oma-dm-pap-boundary"

    /// The HTTP `Content-Type` of the body: `multipart/related; boundary=...; type="application/xml"`.
    public var contentType: String
    /// The boundary separating the parts.
    public var boundary: String
    /// The HTTP body.
    public var body: [UInt8]

    /// Creates a submission from its parts;
    /// ``PAPPushMessage/submission(content:contentType:applicationID:boundary:transferEncoding:)`` builds one.
    public init(contentType: String, boundary: String, body: [UInt8]) {
        self.contentType = contentType
        self.boundary = boundary
        self.body = body
    }
}

extension PAPPushMessage {
    /// The multipart/related body a PPG such as Kannel expects: this message's PAP document, then the content
    /// with its `Content-Type` and `X-Wap-Application-Id` headers.
    /// - Parameters:
    ///   - content: the push content (for DM: the encoded package #0).
    ///   - contentType: the content's MIME type (default `application/vnd.syncml.notification`).
    ///   - applicationID: the `X-Wap-Application-Id` value (default `x-wap-application:syncml.dm`).
    ///   - boundary: the MIME boundary: 1-70 letters, digits, `+`, `_`, `-` or `.` (so that it needs no quoting).
    ///   - transferEncoding: base64 (default) or binary.
    /// - Throws: ``NotificationError`` of kind `invalidArgument` for a bad boundary, a header value with a line
    ///   break, binary content that contains the boundary, or an invalid PAP document.
    public func submission(
        content: [UInt8], contentType: String = PackageZero.mimeType,
        applicationID: String = WSPApplicationID.syncMLDMURI, boundary: String = PAPSubmission.defaultBoundary,
        transferEncoding: PAPSubmission.TransferEncoding = .base64
    ) throws(NotificationError) -> PAPSubmission {
        try PAPSubmission.checkBoundary(boundary)
        for (name, value) in [("content type", contentType), ("application ID", applicationID)] {
            guard !value.isEmpty, !value.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
                throw NotificationError(.invalidArgument, "the \(name) must be one non-empty line")
            }
        }
        let delimiter = Array("--\(boundary)".utf8)
        let newline: [UInt8] = [0x0D, 0x0A]
        let encodedContent: [UInt8]
        switch transferEncoding {
        case .base64:
            encodedContent = PAPSubmission.wrapped(Array(Base64.encode(content).utf8))
        case .binary:
            guard !PAPSubmission.contains(content, delimiter) else {
                throw NotificationError(.invalidArgument, "the content contains the boundary \"\(boundary)\"")
            }
            encodedContent = content
        }
        var body: [UInt8] = []
        body += delimiter + newline
        body += Array("Content-Type: application/xml; charset=utf-8".utf8) + newline + newline
        body += try document()
        body += newline + delimiter + newline
        body += Array("Content-Type: \(contentType)".utf8) + newline
        body += Array("X-Wap-Application-Id: \(applicationID)".utf8) + newline
        body += Array("Content-Transfer-Encoding: \(transferEncoding.rawValue)".utf8) + newline + newline
        body += encodedContent
        body += newline + delimiter + Array("--".utf8) + newline
        return PAPSubmission(
            contentType: "multipart/related; boundary=\(boundary); type=\"application/xml\"", boundary: boundary,
            body: body)
    }
}

extension PAPSubmission {
    static func checkBoundary(_ boundary: String) throws(NotificationError) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+_-.".unicodeScalars)
        guard (1...70).contains(boundary.unicodeScalars.count),
            boundary.unicodeScalars.allSatisfy({ allowed.contains($0) })
        else {
            throw NotificationError(
                .invalidArgument, "boundary \"\(boundary)\" must be 1 to 70 letters, digits or + _ - .")
        }
    }

    /// Base64 text broken into lines of 76 characters.
    static func wrapped(_ text: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < text.count {
            if index > 0 { output += [0x0D, 0x0A] }
            output += text[index..<min(index + 76, text.count)]
            index += 76
        }
        return output
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
