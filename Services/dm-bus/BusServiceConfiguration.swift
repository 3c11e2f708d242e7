import Bus
import Configuration
import Foundation
import ServiceKit

/// dm-bus's own settings (the shared ones, such as `admin.port` and `log.*`, are in `ServiceConfiguration`).
///
/// | key | environment | meaning | default |
/// |---|---|---|---|
/// | `xsub` | `DM_BUS_XSUB` | endpoint publishers connect to (XSUB, bound) | `tcp://127.0.0.1:5550` |
/// | `xpub` | `DM_BUS_XPUB` | endpoint subscribers connect to (XPUB, bound) | `tcp://127.0.0.1:5551` |
/// | `curve.secret` | `DM_BUS_CURVE_SECRET` | the bus's CurveZMQ secret key (Z85); set, both sides require CurveZMQ | unset: no CurveZMQ |
/// | `curve.allowed` | `DM_BUS_CURVE_ALLOWED` | comma-separated Z85 public keys of the publishers and subscribers let in; required with a secret | empty |
/// | `stats.interval` | `DM_BUS_STATS_INTERVAL` | seconds between message-count log lines; 0 turns them off (the counts are always at `/metrics`) | `60` |
struct BusServiceConfiguration {
    var frontend = "tcp://127.0.0.1:5550"
    var backend = "tcp://127.0.0.1:5551"
    var security: CurveServerSecurity?
    var statisticsInterval: Duration? = .seconds(60)

    init(reader: ConfigReader) throws {
        func value(_ key: String) -> String? {
            guard let text = reader.string(forKey: ConfigKey(key))?.trimmingCharacters(in: .whitespaces),
                !text.isEmpty
            else { return nil }
            return text
        }
        if let endpoint = value("xsub") { frontend = endpoint }
        if let endpoint = value("xpub") { backend = endpoint }
        let allowed = (value("curve.allowed") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let secret = reader.string(forKey: "curve.secret", isSecret: true)?.trimmingCharacters(in: .whitespaces),
            !secret.isEmpty
        {
            guard !allowed.isEmpty else {
                throw ServiceKitError.invalidConfiguration(
                    key: "curve.allowed", "curve.secret is set but curve.allowed lists no client key")
            }
            do {
                security = try CurveServerSecurity(keyPair: CurveKeyPair(secretKey: secret), allowedClientKeys: allowed)
            } catch {
                throw ServiceKitError.invalidConfiguration(key: "curve.secret", "\(error)")
            }
        } else if !allowed.isEmpty {
            throw ServiceKitError.invalidConfiguration(key: "curve.allowed", "is set without curve.secret")
        }
        let seconds = try reader.validatedInt(forKey: "stats.interval", default: 60, in: 0...86_400)
        statisticsInterval = seconds == 0 ? nil : .seconds(seconds)
    }

    /// The proxy's configuration: the same CurveZMQ keys and client list on both sides.
    var proxy: BusProxyConfiguration {
        BusProxyConfiguration(
            frontend: frontend, backend: backend, frontendSecurity: security, backendSecurity: security)
    }
}
