import Foundation
import HummingbirdTesting
import SyncML

/// A small OMA DM 1.2 client for the tests: sends package 1 with its credentials, keeps the nonces it is given,
/// checks the server's credentials, executes the server's commands on a dictionary tree and answers them.
struct TestDevice {
    var deviceID = "IMEI:350000000000001"
    var user = "device-user"
    var secret = "device-secret"
    var scheme: AuthScheme = .md5
    var serverScheme: AuthScheme = .md5
    var serverSecret = "server-secret"
    var encoding: SyncMLEncoding = .xml
    var contentType: String { encoding.contentType }
    var sessionID = "3A"
    var msgID = 0
    /// The nonce for the device's next credential (raw bytes).
    var clientNonce: [UInt8] = Array("client-nonce-0001!".utf8)
    /// The nonce the device expects the server's credential to use.
    var serverNonce: [UInt8] = Array("server-nonce-0001!".utf8)
    var maxMsgSize: Int? = 64 * 1024
    var maxObjSize: Int? = 1 << 20
    var sendCredentials = true
    var tree: [String: String] = [
        "./DevInfo/DevId": "IMEI:350000000000001", "./DevInfo/Man": "Acme", "./DevInfo/Mod": "X1",
        "./DevInfo/DmV": "1.2", "./DevInfo/Lang": "en-US", "./DevDetail/SwV": "2.1.0",
    ]
    var respURI = "/dm"
    /// Every server credential verdict the device reached (true: valid).
    var serverCredentialChecks: [Bool] = []
    /// A Large Object the server is sending.
    var incoming: (uri: String, data: String)?
    /// What a user answers to UI alerts.
    var uiAnswer = "1"
    /// Status the device gives to Atomic (507 makes it fail).
    var atomicStatus = 200
    /// Status the device gives to Sequence (406: not supported).
    var sequenceStatus = 200

    mutating func nextHeader(withCred: Bool) -> SyncHeader {
        msgID += 1
        var cred: Credential?
        if withCred, sendCredentials {
            switch scheme {
            case .basic:
                cred = Credential(
                    meta: MetaInfo(format: "b64", type: scheme.metaType),
                    data: SyncMLAuth.basicCredential(user: user, password: secret))
            case .md5:
                cred = Credential(
                    meta: MetaInfo(format: "b64", type: scheme.metaType),
                    data: SyncMLAuth.md5Credential(user: user, password: secret, nonce: clientNonce))
            case .hmac:
                cred = nil
            }
        }
        return SyncHeader(
            sessionID: sessionID, msgID: String(msgID), target: Location("http://localhost/dm"),
            source: Location(deviceID, name: user), cred: cred,
            meta: MetaInfo(maxMsgSize: maxMsgSize.map(String.init), maxObjSize: maxObjSize.map(String.init)))
    }

    /// Package 1: Alert 1201 (or 1200) and the DevInfo Replace.
    mutating func package1(alert: Int = 1201, extra: [Command] = []) -> SyncMLMessage {
        let devInfo = tree.keys.filter { $0.hasPrefix("./DevInfo/") }.sorted().map {
            Item(source: Location($0), data: .text(tree[$0]!))
        }
        var body: [Command] = [
            .alert(AlertCommand(cmdID: "1", data: String(alert))),
            .replace(ItemCommand(cmdID: "2", items: devInfo)),
        ]
        body.append(contentsOf: extra)
        return SyncMLMessage(header: nextHeader(withCred: true), body: body, isFinal: true)
    }

    /// The bytes and the HMAC header for a message.
    func encode(_ message: SyncMLMessage) -> (body: [UInt8], hmac: String?) {
        let bytes = message.encoded(as: encoding)
        guard scheme == .hmac, sendCredentials else { return (bytes, nil) }
        let mac = SyncMLAuth.hmac(user: user, password: secret, nonce: clientNonce, body: bytes)
        return (bytes, HMACHeader(username: user, mac: mac).value)
    }

    /// Takes what the server said about itself and the device: RespURI, the next nonce, its credentials.
    mutating func absorb(_ exchange: Exchange) {
        guard let message = exchange.message else { return }
        if let uri = message.header.respURI { respURI = uri }
        if case .status(let status)? = message.body.first, status.cmd == "SyncHdr",
            let next = status.chal?.meta.nextNonce, let bytes = Base64.decode(next)
        {
            clientNonce = bytes
        }
        switch serverScheme {
        case .basic:
            if let cred = message.header.cred {
                serverCredentialChecks.append(cred.data == SyncMLAuth.basicCredential(user: "dm.test", password: serverSecret))
            }
        case .md5:
            if let cred = message.header.cred {
                serverCredentialChecks.append(
                    cred.data == SyncMLAuth.md5Credential(user: "dm.test", password: serverSecret, nonce: serverNonce))
            }
        case .hmac:
            if let header = exchange.hmac.flatMap(HMACHeader.init(parsing:)) {
                serverCredentialChecks.append(
                    SyncMLAuth.verifyHMAC(
                        header, userPasswordDigest: SyncMLAuth.userPasswordDigest(user: "dm.test", password: serverSecret),
                        nonceBase64: Base64.encode(serverNonce), body: exchange.body))
            }
        }
    }

    /// The device's answer to a server message, or nil when the server's package had no commands and was final.
    mutating func reply(to server: SyncMLMessage, extra: [Command] = [], forceFinal: Bool = false) -> SyncMLMessage? {
        var answers: [Command] = []
        var next = 1
        func cmdID() -> String {
            defer { next += 1 }
            return String(next)
        }
        let serverMsgID = server.header.msgID
        answers.append(
            .status(
                StatusCommand(
                    cmdID: cmdID(), msgRef: serverMsgID, cmdRef: "0", cmd: "SyncHdr", data: "200")))
        var hasCommands = false
        var chunkPending = false
        func execute(_ command: Command, inAtomic: Bool) {
            hasCommands = true
            func status(_ code: Int, items: [Item] = []) {
                answers.append(
                    .status(
                        StatusCommand(
                            cmdID: cmdID(), msgRef: serverMsgID, cmdRef: command.cmdID, cmd: command.name,
                            data: String(code), items: items)))
            }
            switch command {
            case .get(let get):
                var results: [Item] = []
                var code = 200
                for item in get.items {
                    guard let uri = item.target?.locURI, let value = tree[uri] else {
                        code = 404
                        continue
                    }
                    results.append(
                        Item(source: Location(uri), meta: MetaInfo(format: "chr"), data: .text(value)))
                }
                status(code)
                if !results.isEmpty {
                    answers.append(
                        .results(ResultsCommand(cmdID: cmdID(), msgRef: serverMsgID, cmdRef: get.cmdID, items: results)))
                }
            case .replace(let c), .add(let c):
                var code = 200
                for item in c.items {
                    guard let uri = item.target?.locURI else { continue }
                    let text = item.data?.string ?? ""
                    if item.moreData {
                        incoming = (uri, (incoming?.uri == uri ? incoming!.data : "") + text)
                        code = 213
                        chunkPending = true
                    } else if let partial = incoming, partial.uri == uri {
                        tree[uri] = partial.data + text
                        incoming = nil
                    } else {
                        if case .add = command, tree[uri] != nil { code = 418 }
                        tree[uri] = text
                    }
                }
                status(code)
            case .delete(let delete):
                var code = 200
                for item in delete.items {
                    guard let uri = item.target?.locURI else { continue }
                    if tree.removeValue(forKey: uri) == nil { code = 404 }
                    for key in tree.keys where key.hasPrefix(uri + "/") { tree[key] = nil }
                }
                status(code)
            case .exec:
                status(202)
            case .copy(let copy):
                if let from = copy.items.first?.source?.locURI, let to = copy.items.first?.target?.locURI,
                    let value = tree[from]
                {
                    tree[to] = value
                    status(200)
                } else {
                    status(404)
                }
            case .alert(let alert):
                switch alert.code {
                case 1102, 1103, 1104: status(200, items: [Item(data: .text(uiAnswer))])
                default: status(200)
                }
            case .atomic(let container):
                status(atomicStatus)
                if atomicStatus == 406 { break }  // not supported: nothing inside runs
                for inner in container.commands {
                    if atomicStatus == 200 {
                        execute(inner, inAtomic: true)
                    } else {
                        answers.append(
                            .status(
                                StatusCommand(
                                    cmdID: cmdID(), msgRef: serverMsgID, cmdRef: inner.cmdID, cmd: inner.name, data: "216")))
                    }
                }
            case .sequence(let container):
                status(sequenceStatus)
                if sequenceStatus == 406 { break }
                for inner in container.commands { execute(inner, inAtomic: false) }
            case .status, .results, .unsupported:
                hasCommands = false
            }
        }
        for command in server.body {
            if case .status = command { continue }
            execute(command, inAtomic: false)
        }
        answers.append(contentsOf: extra.map { renumber($0, cmdID()) })
        if !hasCommands && server.isFinal && extra.isEmpty { return nil }
        let final = forceFinal || server.isFinal
        if !server.isFinal {
            answers.append(.alert(AlertCommand(cmdID: cmdID(), data: "1222")))
        }
        _ = chunkPending
        return SyncMLMessage(header: nextHeader(withCred: scheme != .hmac ? false : true), body: answers, isFinal: final)
    }

    func renumber(_ command: Command, _ id: String) -> Command {
        switch command {
        case .alert(var alert):
            alert.cmdID = id
            return .alert(alert)
        case .replace(var replace):
            replace.cmdID = id
            return .replace(replace)
        case .results(var results):
            results.cmdID = id
            return .results(results)
        default:
            return command
        }
    }
}

extension TestClientProtocol {
    /// Sends a message of the device to where it must go, and lets the device absorb the answer.
    func send(_ message: SyncMLMessage, from device: inout TestDevice, to target: String? = nil) async throws -> Exchange {
        let (body, hmac) = device.encode(message)
        let exchange = try await post(target ?? device.respURI, body: body, contentType: device.contentType, hmac: hmac)
        device.absorb(exchange)
        return exchange
    }

    /// A whole session: package 1 (answering one challenge), then replies until the server ends it.
    @discardableResult
    func runSession(_ device: inout TestDevice, alert: Int = 1201, maxMessages: Int = 50) async throws -> [Exchange] {
        device.respURI = "/dm"
        var exchanges: [Exchange] = []
        var exchange = try await send(device.package1(alert: alert), from: &device, to: "/dm")
        exchanges.append(exchange)
        // A challenge: send package 1 again with the new nonce.
        if case .status(let status)? = exchange.message?.body.first, status.code == 401 || status.code == 407 {
            exchange = try await send(device.package1(alert: alert), from: &device)
            exchanges.append(exchange)
        }
        while exchanges.count < maxMessages, let message = exchange.message, let reply = device.reply(to: message) {
            exchange = try await send(reply, from: &device)
            exchanges.append(exchange)
        }
        return exchanges
    }
}

/// The device had nothing to answer.
struct NoReply: Error {}

extension TestDevice {
    /// The reply to an exchange's message; throws when there is none.
    mutating func answer(_ exchange: Exchange) throws -> SyncMLMessage {
        guard let message = exchange.message, let reply = reply(to: message) else { throw NoReply() }
        return reply
    }
}
