import Contracts
import SyncML

extension DMSession {
    /// Authenticates the message and writes the SyncHdr Status. Returns false when the message must be answered
    /// with Statuses only (missing or wrong credentials, unknown device); the reply is then complete.
    mutating func authenticate(
        _ message: SyncMLMessage, body: [UInt8], hmacHeader: String?, reply: inout ReplyBuilder,
        effects: inout SessionEffects, makeNonce: () -> String
    ) -> Bool {
        guard var account else {
            authFailures += 1
            effects.authentications.append(
                AuthenticationReport(
                    succeeded: false, scheme: "unknown", reason: "unknown-device", failures: authFailures, sessionEnded: true))
            reply.headerStatus(StatusCode.invalidCredentials.rawValue)
            reply.answerAll(message.body, with: StatusCode.invalidCredentials.rawValue)
            finish(.authenticationFailed, effects: &effects)
            return false
        }
        let scheme = account.clientAuth
        // MD5 and basic: 212 covers the rest of the session. HMAC: every message carries its own.
        if clientAuthenticated && scheme != .hmac {
            reply.headerStatus(StatusCode.ok.rawValue)
            return true
        }
        let verdict = ClientAuthentication.check(header: message.header, hmacHeader: hmacHeader, body: body, account: account)
        var nonce: String?
        if scheme != .basic {
            nonce = makeNonce()
            account.clientNonce = nonce!
            self.account = account
            effects.newClientNonce = nonce
        }
        switch verdict {
        case .authenticated:
            if !clientAuthenticated {
                effects.authentications.append(
                    AuthenticationReport(
                        succeeded: true, scheme: scheme.rawValue, reason: nil, failures: authFailures, sessionEnded: false))
            }
            clientAuthenticated = true
            switch scheme {
            case .basic: reply.headerStatus(StatusCode.authenticationAccepted.rawValue)
            case .md5:
                reply.headerStatus(
                    StatusCode.authenticationAccepted.rawValue, chal: ServerAuthentication.challenge(.md5, nextNonce: nonce))
            case .hmac:
                reply.headerStatus(StatusCode.ok.rawValue, chal: ServerAuthentication.challenge(.hmac, nextNonce: nonce))
            }
            return true
        case .missing, .invalid:
            clientAuthenticated = false
            authFailures += 1
            let code = verdict == .missing ? StatusCode.missingCredentials.rawValue : StatusCode.invalidCredentials.rawValue
            let reason: String
            if case .invalid(let why) = verdict { reason = why } else { reason = "missing-credentials" }
            let ends = authFailures >= limits.maxAuthFailures
            effects.authentications.append(
                AuthenticationReport(
                    succeeded: false, scheme: scheme.rawValue, reason: reason, failures: authFailures, sessionEnded: ends))
            reply.headerStatus(code, chal: ServerAuthentication.challenge(scheme, nextNonce: nonce))
            reply.answerAll(message.body, with: code)
            if ends { finish(.authenticationFailed, effects: &effects) }
            return false
        }
    }

    /// The device's Status for the server's SyncHdr: its verdict on the server's credentials and its next nonce.
    mutating func receiveServerAuthentication(_ status: StatusCommand, effects: inout SessionEffects) {
        if let meta = status.chal?.meta {
            if let next = meta.nextNonce, !next.isEmpty, account != nil {
                account!.serverNonce = next
                effects.newServerNonce = next
            }
            if let type = meta.type, let scheme = AuthScheme(metaType: type) { serverAuthScheme = scheme }
        }
        switch status.code {
        case StatusCode.authenticationAccepted.rawValue:
            serverAuthenticated = true
        case StatusCode.invalidCredentials.rawValue, StatusCode.missingCredentials.rawValue:
            serverAuthenticated = false
            serverAuthFailures += 1
        default:
            break
        }
    }
}
