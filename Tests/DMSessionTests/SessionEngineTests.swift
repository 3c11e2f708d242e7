import Contracts
@testable import DMSessionServer
import Foundation
import SyncML
import Testing

/// The session state machine alone: no HTTP, no database.
@Suite struct SessionEngineTests {
    static let account = DeviceAccount(
        deviceID: "IMEI:1", serverID: "dm.test", clientAuth: .md5, clientName: "u", clientSecret: "s",
        clientNonce: Base64.encode(Array("nonce-1".utf8)), serverAuth: .basic, serverName: "dm.test", serverSecret: "p")

    static func session(limits: SessionLimits = SessionLimits()) -> DMSession {
        DMSession(
            id: "s1", token: "t", deviceID: "IMEI:1", syncMLSessionID: "1", encoding: .xml, respURI: "http://dm/dm/t",
            account: account, limits: limits, now: Date(timeIntervalSince1970: 0))
    }

    static func package1(cred: Bool) -> SyncMLMessage {
        SyncMLMessage(
            header: SyncHeader(
                sessionID: "1", msgID: "1", target: "http://dm/dm", source: Location("IMEI:1", name: "u"),
                cred: cred
                    ? Credential(
                        meta: MetaInfo(format: "b64", type: "syncml:auth-md5"),
                        data: SyncMLAuth.md5Credential(user: "u", password: "s", nonce: Array("nonce-1".utf8))) : nil),
            body: [.alert(AlertCommand(cmdID: "1", data: "1201"))])
    }

    @Test func aChallengeThenCommandsThenTheEnd() {
        var session = Self.session()
        let queue = [QueuedCommand(id: "c1", spec: SessionCommandSpec(kind: .get, items: [.init(target: "./DevInfo/Man")]))]
        let package1 = Self.package1(cred: true)
        let (answer, effects) = session.receive(
            package1, body: package1.xml(), hmacHeader: nil, queue: queue, now: Date(timeIntervalSince1970: 1),
            makeNonce: { "Tk9OQ0UtMg==" })
        #expect(effects.sessionStarted && effects.newClientNonce == "Tk9OQ0UtMg==")
        #expect(effects.pickedCommands == ["c1"])
        #expect(answer.message.header.cred?.data == SyncMLAuth.basicCredential(user: "dm.test", password: "p"))
        guard case .get(let get) = answer.message.body.last else {
            Issue.record("no Get")
            return
        }
        // The device answers: Status and Results; the server's next package is empty: the end.
        let reply = SyncMLMessage(
            header: SyncHeader(sessionID: "1", msgID: "2", target: "http://dm/dm", source: "IMEI:1"),
            body: [
                .status(StatusCommand(cmdID: "1", msgRef: "1", cmdRef: "0", cmd: "SyncHdr", data: "212")),
                .status(StatusCommand(cmdID: "2", msgRef: "1", cmdRef: get.cmdID, cmd: "Get", data: "200")),
                .results(
                    ResultsCommand(
                        cmdID: "3", msgRef: "1", cmdRef: get.cmdID,
                        items: [Item(source: "./DevInfo/Man", meta: MetaInfo(format: "chr"), data: .text("Acme"))])),
            ])
        let (last, end) = session.receive(reply, body: reply.xml(), hmacHeader: nil, queue: [], now: Date(timeIntervalSince1970: 2))
        #expect(end.completions.map(\.status) == [200])
        #expect(end.completions.first?.results.first?.data == "Acme")
        #expect(end.treeWrites.map(\.uri) == ["./DevInfo/Man"])
        #expect(end.sessionEnded == .completed)
        #expect(last.message.isFinal && last.message.header.cred == nil)  // the device accepted the server (212)
        #expect(session.admission(msgID: 2, body: reply.xml()) == .retransmission(last))
        #expect(session.admission(msgID: 1, body: package1.xml()) == .stale)
    }

    @Test func expiryFollowsTheLimits() {
        let session = Self.session(limits: SessionLimits(idleTimeout: .seconds(10), maxSessionDuration: .seconds(100)))
        #expect(!session.isExpired(now: Date(timeIntervalSince1970: 9)))
        #expect(session.isExpired(now: Date(timeIntervalSince1970: 11)))
    }

    @Test func chunkBoundariesKeepBase64GroupsAndUTF8Characters() {
        let b64 = OutgoingLargeObject(
            commandID: "c", kind: .replace, item: SessionCommandItem(target: "./x", format: "b64"), payload: Array("QUJDRA==QUJD".utf8))
        #expect(b64.chunkLength(room: 7) == 4)
        let text = OutgoingLargeObject(
            commandID: "c", kind: .replace, item: SessionCommandItem(target: "./x"), payload: Array("aéb".utf8))
        #expect(text.chunkLength(room: 2) == 1)
    }
}
