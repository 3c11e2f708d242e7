import DeviceSimulator
import Foundation
import Synchronization
import SyncML

/// A stand-in DM server for the simulator's tests, until dm-session exists: just enough of the server side of
/// DM 1.2 to drive a device through a session (client auth basic/MD5/HMAC with challenges, optional server
/// credentials, a queue of management commands, "next message" responses, RespURI). It is not dm-session and
/// checks nothing beyond what the tests assert on the messages it records.
final class FakeDMServer: Sendable {
    struct Configuration: Sendable {
        var serverURL = TestDevices.serverURL
        var serverID = TestDevices.serverID
        var clientAuth: ClientAuthType = .md5
        var clientName = "acme-dev-0042"
        var clientSecret = "Wq9!zL2p"
        /// Send server credentials (of `serverAuth` type) in every message.
        var sendServerCred = false
        var serverAuth: ClientAuthType = .md5
        var serverSecret = "srv-secret"
        /// Give a RespURI in the first response.
        var respURI: String?
        /// Management commands for the first package after authentication (each inner list is one message).
        var commandBatches: [[Command]] = []
        /// Server MaxMsgSize to announce.
        var maxMsgSize: Int?
        /// Send the command batches as one package over several messages (Final only on the last).
        var splitPackages = false
        /// The client nonce the server believes the device has (devices start with four zero bytes, so any other
        /// value makes the first credential fail and the server challenge).
        var initialClientNonce: [UInt8] = Array("fake-server-nonce!".utf8)
    }

    struct State {
        var clientNonce: [UInt8] = [0, 0, 0, 0]
        /// The nonce the device handed the server for the server's own credentials.
        var serverNonce: [UInt8] = [0, 0, 0, 0]
        var authenticated: Set<String> = []
        var msgIDs: [String: Int] = [:]
        var batches: [[Command]] = []
        var received: [SyncMLMessage] = []
        var sent: [SyncMLMessage] = []
        var contentTypes: [String] = []
        var urls: [String] = []
        var challenges = 0
    }

    let configuration: Configuration
    let state: Mutex<State>

    init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
        var initial = State()
        initial.batches = configuration.commandBatches
        initial.clientNonce = configuration.initialClientNonce
        state = Mutex(initial)
    }

    var received: [SyncMLMessage] { state.withLock { $0.received } }
    var sent: [SyncMLMessage] { state.withLock { $0.sent } }

    func handle(url: String, body: [UInt8], contentType: String, hmacHeader: String?) -> TransportResponse {
        state.withLock { state in
            state.urls.append(url)
            state.contentTypes.append(contentType)
            guard let message = try? SyncMLMessage(bytes: body) else { return TransportResponse(status: 400, body: []) }
            state.received.append(message)
            let encoding = SyncMLEncoding(contentType: contentType) ?? .xml
            let session = message.header.sessionID
            let msgID = (state.msgIDs[session] ?? 0) + 1
            state.msgIDs[session] = msgID
            let c = configuration

            // Client authentication.
            var authOK = state.authenticated.contains(session)
            let nonceText = Base64.encode(state.clientNonce)
            if !authOK {
                switch c.clientAuth {
                case .basic:
                    if let cred = message.header.cred, let parsed = SyncMLAuth.parseBasicCredential(cred.data) {
                        authOK = parsed.user == c.clientName && parsed.password == c.clientSecret
                    }
                case .md5:
                    if let cred = message.header.cred {
                        authOK = SyncMLAuth.verifyMD5Credential(
                            cred.data, user: c.clientName, password: c.clientSecret, nonceBase64: nonceText)
                    }
                case .hmac:
                    if let header = hmacHeader.flatMap(HMACHeader.init(parsing:)) {
                        authOK = SyncMLAuth.verifyHMAC(
                            header, userPasswordDigest: SyncMLAuth.userPasswordDigest(
                                user: c.clientName, password: c.clientSecret),
                            nonceBase64: nonceText, body: body)
                    }
                }
            }
            // The device's Chal for the server's credentials: the nonce to use from now on.
            for case .status(let s) in message.body where s.cmdRef == "0" {
                if let nonce = s.chal?.meta.nextNonce, let bytes = Base64.decode(nonce) { state.serverNonce = bytes }
            }
            var header = SyncHeader(
                sessionID: session, msgID: String(msgID), target: Location(message.header.source.locURI),
                source: Location(c.serverURL), respURI: c.respURI)
            if let size = c.maxMsgSize { header.meta = MetaInfo(maxMsgSize: String(size)) }
            if c.sendServerCred {
                switch c.serverAuth {
                case .basic:
                    header.cred = Credential(
                        meta: MetaInfo(format: "b64", type: c.serverAuth.metaType),
                        data: SyncMLAuth.basicCredential(user: c.serverID, password: c.serverSecret))
                case .md5:
                    header.cred = Credential(
                        meta: MetaInfo(format: "b64", type: c.serverAuth.metaType),
                        data: SyncMLAuth.md5Credential(
                            user: c.serverID, password: c.serverSecret, nonce: state.serverNonce))
                case .hmac:
                    break
                }
            }
            var body: [Command] = []
            var id = 0
            func next() -> String {
                id += 1
                return String(id)
            }
            let newNonce = Nonce.generate()
            var headerStatus = StatusCommand(
                cmdID: next(), msgRef: message.header.msgID, cmdRef: "0", cmd: "SyncHdr",
                targetRefs: [message.header.target.locURI], sourceRefs: [message.header.source.locURI], data: "200")
            if !authOK {
                state.challenges += 1
                state.clientNonce = newNonce
                headerStatus.data = message.header.cred == nil && hmacHeader == nil ? "407" : "401"
                headerStatus.chal = Challenge(
                    meta: MetaInfo(format: "b64", type: c.clientAuth.metaType, nextNonce: Base64.encode(newNonce)))
                body.append(.status(headerStatus))
                for command in message.body {
                    if case .status = command { continue }
                    body.append(
                        .status(
                            StatusCommand(
                                cmdID: next(), msgRef: message.header.msgID, cmdRef: command.cmdID, cmd: command.name,
                                data: headerStatus.data)))
                }
                return reply(SyncMLMessage(header: header, body: body, isFinal: true), encoding, &state)
            }
            if c.clientAuth == .hmac {
                state.clientNonce = newNonce
                headerStatus.chal = Challenge(
                    meta: MetaInfo(format: "b64", type: c.clientAuth.metaType, nextNonce: Base64.encode(newNonce)))
            } else if !state.authenticated.contains(session) {
                headerStatus.data = "212"
            }
            state.authenticated.insert(session)
            body.append(.status(headerStatus))
            var clientWantsMore = false
            for command in message.body {
                switch command {
                case .status, .results: continue
                case .alert(let alert):
                    if alert.code == 1222 { clientWantsMore = true }
                    body.append(
                        .status(
                            StatusCommand(
                                cmdID: next(), msgRef: message.header.msgID, cmdRef: alert.cmdID, cmd: "Alert",
                                data: alert.code == 1226 ? "202" : "200")))
                default:
                    body.append(
                        .status(
                            StatusCommand(
                                cmdID: next(), msgRef: message.header.msgID, cmdRef: command.cmdID, cmd: command.name,
                                data: "200")))
                }
            }
            let chunkStatus = message.body.contains { if case .results(let r) = $0 { r.items.contains { $0.moreData } } else { false } }
            if !message.isFinal && !clientWantsMore {
                // "Next message" response: the client's package is still open.
                if chunkStatus {
                    for case .results(let r) in message.body {
                        body.append(
                            .status(
                                StatusCommand(
                                    cmdID: next(), msgRef: message.header.msgID, cmdRef: r.cmdID, cmd: "Results",
                                    data: "213")))
                    }
                }
                body.append(.alert(AlertCommand(cmdID: next(), data: "1222")))
                return reply(SyncMLMessage(header: header, body: body, isFinal: false), encoding, &state)
            }
            if !state.batches.isEmpty {
                let batch = state.batches.removeFirst()
                for command in batch { body.append(command) }
                let lastOfPackage =
                    state.batches.isEmpty || (!c.splitPackages && !batch.contains { Self.hasMoreData($0) })
                return reply(SyncMLMessage(header: header, body: body, isFinal: lastOfPackage), encoding, &state)
            }
            return reply(SyncMLMessage(header: header, body: body, isFinal: true), encoding, &state)
        }
    }

    static func hasMoreData(_ command: Command) -> Bool {
        command.items.contains { $0.moreData }
    }

    private func reply(_ message: SyncMLMessage, _ encoding: SyncMLEncoding, _ state: inout State) -> TransportResponse {
        state.sent.append(message)
        let bytes = message.encoded(as: encoding)
        var hmac: String?
        if configuration.sendServerCred && configuration.serverAuth == .hmac {
            let mac = SyncMLAuth.hmac(
                user: configuration.serverID, password: configuration.serverSecret, nonce: state.serverNonce,
                body: bytes)
            hmac = HMACHeader(username: configuration.serverID, mac: mac).value
        }
        return TransportResponse(status: 200, contentType: encoding.contentType, hmacHeader: hmac, body: bytes)
    }
}

/// A transport that hands each message to an in-process handler.
struct InProcessTransport: DMTransport {
    let handler: @Sendable (String, [UInt8], String, String?) async -> TransportResponse

    init(_ server: FakeDMServer) {
        handler = { url, body, type, hmac in server.handle(url: url, body: body, contentType: type, hmacHeader: hmac) }
    }

    func post(url: String, body: [UInt8], contentType: String, hmacHeader: String?, dropAfter: Int?) async throws
        -> TransportResponse
    {
        if dropAfter != nil { throw InjectedDrop() }
        return await handler(url, body, contentType, hmacHeader)
    }
}
