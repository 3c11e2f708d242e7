/// The `x-syncml-hmac` transport header: `algorithm=MD5, username="name", mac=base64`.
///
/// Parsing accepts any order, optional spaces after commas (the AOSP engine writes none), a missing
/// algorithm (MD5 is assumed) and a quoted or bare username.
public struct HMACHeader: Sendable, Hashable {
    /// The HTTP header name.
    public static let name = "x-syncml-hmac"

    public var algorithm: String
    public var username: String
    public var mac: String

    public init(algorithm: String = "MD5", username: String, mac: String) {
        self.algorithm = algorithm
        self.username = username
        self.mac = mac
    }

    /// Parses a header value; nil when the username or mac is missing or the algorithm is not MD5.
    public init?(parsing value: String) {
        var algorithm = "MD5"
        var username: String?
        var mac: String?
        for part in HMACHeader.splitParameters(value) {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let key = String(part[..<equals]).trimmingASCIIWhitespace().lowercased()
            var parameter = String(part[part.index(after: equals)...]).trimmingASCIIWhitespace()
            if parameter.count >= 2, parameter.hasPrefix("\""), parameter.hasSuffix("\"") {
                parameter = String(parameter.dropFirst().dropLast())
            }
            switch key {
            case "algorithm": algorithm = parameter
            case "username": username = parameter
            case "mac": mac = parameter
            default: continue
            }
        }
        guard let username, let mac, !mac.isEmpty, algorithm.uppercased() == "MD5" else { return nil }
        self.init(algorithm: algorithm, username: username, mac: mac)
    }

    /// The header value in the spec's form.
    public var value: String {
        "algorithm=\(algorithm), username=\"\(username)\", mac=\(mac)"
    }

    /// Splits on commas outside double quotes (a username may contain a comma).
    private static func splitParameters(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle() }
            if character == ",", !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
