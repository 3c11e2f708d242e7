import Bus
import Foundation

/// dm-bus's settings, read from the environment until the shared configuration layer takes over.
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `DM_BUS_XSUB` | endpoint publishers connect to (XSUB, bound) | `tcp://127.0.0.1:5550` |
/// | `DM_BUS_XPUB` | endpoint subscribers connect to (XPUB, bound) | `tcp://127.0.0.1:5551` |
/// | `DM_BUS_CURVE_SECRET` | the bus's CurveZMQ secret key (Z85); set, both sides require CurveZMQ | unset: no CurveZMQ |
/// | `DM_BUS_CURVE_ALLOWED` | comma-separated Z85 public keys of the publishers and subscribers let in; required with a secret | empty |
/// | `DM_BUS_STATS_INTERVAL` | seconds between message-count lines on standard error; 0 turns them off | `60` |
struct BusServiceConfiguration {
    var frontend = "tcp://127.0.0.1:5550"
    var backend = "tcp://127.0.0.1:5551"
    var security: CurveServerSecurity?
    var statisticsInterval: Duration? = .seconds(60)

    /// A configuration problem, reported on standard error before exiting with 1.
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    init(environment: [String: String]) throws {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                return nil
            }
            return text
        }
        if let endpoint = value("DM_BUS_XSUB") { frontend = endpoint }
        if let endpoint = value("DM_BUS_XPUB") { backend = endpoint }
        let allowed = (value("DM_BUS_CURVE_ALLOWED") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let secret = value("DM_BUS_CURVE_SECRET") {
            guard !allowed.isEmpty else {
                throw Invalid(description: "DM_BUS_CURVE_SECRET is set but DM_BUS_CURVE_ALLOWED lists no client key")
            }
            do {
                security = try CurveServerSecurity(keyPair: CurveKeyPair(secretKey: secret), allowedClientKeys: allowed)
            } catch {
                throw Invalid(description: "DM_BUS_CURVE_SECRET or DM_BUS_CURVE_ALLOWED: \(error)")
            }
        } else if !allowed.isEmpty {
            throw Invalid(description: "DM_BUS_CURVE_ALLOWED is set without DM_BUS_CURVE_SECRET")
        }
        if let text = value("DM_BUS_STATS_INTERVAL") {
            guard let seconds = Int(text), seconds >= 0 else {
                throw Invalid(description: "DM_BUS_STATS_INTERVAL must be a whole number of seconds, got \(text)")
            }
            statisticsInterval = seconds == 0 ? nil : .seconds(seconds)
        }
    }

    /// The proxy's configuration: the same CurveZMQ keys and client list on both sides.
    var proxy: BusProxyConfiguration {
        BusProxyConfiguration(
            frontend: frontend, backend: backend, frontendSecurity: security, backendSecurity: security)
    }
}
