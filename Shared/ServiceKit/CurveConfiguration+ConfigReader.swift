public import Configuration
import Foundation

extension CurveConfiguration {
    /// Reads the CurveZMQ keys from the `bus.curve` scope; `nil` when neither key of the pair is set (Curve off).
    ///
    /// Keys (relative to the scope; environment `DM_<SERVICE>_BUS_CURVE_<KEY>`), all Z85 text of 40 characters:
    /// - `public-key` (string): this instance's public key.
    /// - `secret-key` (string, **secret**): this instance's secret key.
    /// - `server-keys.<service>` (string): the public key of a server this instance connects to, for `bus` and
    ///   each service with a command endpoint (`server-keys.session`, ...).
    /// - `authorized-keys` (string list; comma-separated in the environment): client keys this instance's
    ///   servers accept.
    ///
    /// - Parameter reader: A reader scoped to `bus.curve`.
    /// - Throws: ``ServiceKitError`` when only half of the pair is set or a key is not Z85.
    public init?(reader: ConfigReader) throws {
        let publicKey = reader.string(forKey: "public-key")
        let secretKey = reader.string(forKey: "secret-key", isSecret: true)
        switch (publicKey, secretKey) {
        case (nil, nil):
            return nil
        case (nil, _?):
            throw ServiceKitError.invalidConfiguration(key: "public-key", "is missing while secret-key is set")
        case (_?, nil):
            throw ServiceKitError.invalidConfiguration(key: "secret-key", "is missing while public-key is set")
        case (let publicKey?, let secretKey?):
            try Self.checkKey(publicKey, key: "public-key", shown: publicKey)
            try Self.checkKey(secretKey, key: "secret-key", shown: "<redacted>")
            var serverKeys: [String: String] = [:]
            let servers = [StackService.bus] + StackService.commandReceivers
            for server in servers {
                let key = "server-keys.\(server.name)"
                guard let value = reader.string(forKey: ConfigKey(key)) else { continue }
                try Self.checkKey(value, key: key, shown: value)
                serverKeys[server.name] = value
            }
            let authorized = reader.stringArray(forKey: "authorized-keys", default: [])
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            for value in authorized {
                try Self.checkKey(value, key: "authorized-keys", shown: value)
            }
            self.init(
                publicKey: publicKey, secretKey: secretKey, serverKeys: serverKeys, authorizedClientKeys: authorized)
        }
    }

    private static func checkKey(_ value: String, key: String, shown: String) throws {
        guard isZ85Key(value) else {
            throw ServiceKitError.invalidConfiguration(key: key, "\"\(shown)\" is not a 40-character Z85 key")
        }
    }
}
