import Contracts
@testable import DMSessionServer
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SyncML
import Testing

/// Every way authentication fails, nonce rotation, and the server's credentials in the scheme the device asks.
@Suite struct AuthenticationTests {
    static func headerStatus(_ exchange: Exchange) -> StatusCommand? {
        guard case .status(let status)? = exchange.message?.body.first, status.cmd == "SyncHdr" else { return nil }
        return status
    }

    @Test(arguments: [AuthScheme.basic, .md5, .hmac])
    func missingCredentialsGet407WithAChallengeThenSucceed(scheme: AuthScheme) async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.scheme = scheme
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
        let initial = device
        try await harness.application.test(.router) { client in
            var device = initial
            device.sendCredentials = false
            let first = try await client.send(device.package1(), from: &device, to: "/dm")
            let status = try #require(Self.headerStatus(first))
            #expect(status.code == 407)
            #expect(status.chal?.meta.type == scheme.metaType)
            if scheme != .basic { #expect(status.chal?.meta.nextNonce?.isEmpty == false) }
            // Only Statuses, each 407: no management command before authentication.
            #expect(first.message?.body.allSatisfy { if case .status(let s) = $0 { s.code == 407 } else { false } } == true)
            device.sendCredentials = true
            let second = try await client.send(device.package1(), from: &device)
            #expect(Self.headerStatus(second)?.code == (scheme == .hmac ? 200 : 212))
            #expect(second.message?.body.contains { $0.name == "Get" } == true)
        }
        let failures = try await harness.events(DeviceAuthenticationFailed.self)
        #expect(failures.map(\.reason) == ["missing-credentials"])
        #expect(try await harness.events(DeviceAuthenticated.self).count == 1)
    }

    @Test(arguments: [AuthScheme.basic, .md5, .hmac])
    func wrongCredentialsGet401AndTheSessionEndsAfterTheLimit(scheme: AuthScheme) async throws {
        let harness = try await Harness.make(limits: SessionLimits(maxAuthFailures: 3))
        var device = TestDevice()
        device.scheme = scheme
        try await harness.register(device)
        let initial = device
        try await harness.application.test(.router) { client in
            var device = initial
            device.secret = "wrong"
            var nonces: Set<String> = []
            for attempt in 1...3 {
                let exchange = try await client.send(device.package1(), from: &device, to: attempt == 1 ? "/dm" : nil)
                let status = try #require(Self.headerStatus(exchange))
                #expect(status.code == 401)
                #expect(status.chal?.meta.type == scheme.metaType)
                if let nonce = status.chal?.meta.nextNonce { nonces.insert(nonce) }
            }
            // A fresh nonce in every challenge.
            if scheme != .basic { #expect(nonces.count == 3) }
            // The session is over: the right password no longer helps.
            device.secret = "device-secret"
            let after = try await client.send(device.package1(), from: &device)
            #expect(after.message?.body.contains { $0.name == "Get" } == false)
        }
        let failures = try await harness.events(DeviceAuthenticationFailed.self)
        #expect(failures.map(\.failures) == [1, 2, 3])
        #expect(failures.map(\.sessionEnded) == [false, false, true])
        #expect(failures.allSatisfy { $0.reason == "invalid-credentials" })
        #expect(try await harness.events(SessionEnded.self).map(\.outcome) == ["authentication-failed"])
    }

    @Test func credentialsOfAnotherSchemeAreRefused() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        try await harness.register(device)  // the account wants MD5
        device.scheme = .basic
        let (exchanges, _) = try await harness.session(device)
        #expect(Self.headerStatus(exchanges[0])?.code == 401)
        #expect(Self.headerStatus(exchanges[0])?.chal?.meta.type == "syncml:auth-md5")
        #expect(try await harness.events(DeviceAuthenticationFailed.self).first?.reason == "wrong-scheme")
    }

    @Test func unknownDeviceIsRefusedAndTheSessionEnds() async throws {
        let harness = try await Harness.make()
        let (exchanges, _) = try await harness.session(TestDevice())
        #expect(Self.headerStatus(exchanges[0])?.code == 401)
        let failure = try #require(try await harness.events(DeviceAuthenticationFailed.self).first)
        #expect(failure.reason == "unknown-device" && failure.sessionEnded)
        // Made-up device ids leave no session rows or session events behind: only the refusal.
        #expect(try await harness.eventTypes() == ["dm.session.device.authentication-failed"])
        let store = harness.store
        #expect(try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dm_session") } == 0)
    }

    @Test(arguments: [AuthScheme.md5, .hmac])
    func noncesRotateAfterEverySessionAndAReplayedDigestFails(scheme: AuthScheme) async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.scheme = scheme
        try await harness.register(device)
        let beforeAccount = try await harness.account(device.deviceID)
        let before = try #require(beforeAccount).clientNonce
        let (first, after) = try await harness.session(device)
        #expect(first.count == 1)
        let rotatedAccount = try await harness.account(device.deviceID)
        let rotated = try #require(rotatedAccount).clientNonce
        #expect(rotated != before)
        // The device was told the new nonce.
        #expect(Base64.encode(after.clientNonce) == rotated)
        #expect(Base64.decode(rotated)?.count == 18)
        // A second session replaying package 1 of the first (old nonce) fails; with the new nonce it succeeds.
        var replay = device
        replay.sessionID = "3B"
        let (replayed, _) = try await harness.session(replay)
        #expect(Self.headerStatus(replayed[0])?.code == 401)
        var next = after
        next.sessionID = "3C"
        next.msgID = 0
        let nextAccount = try await harness.account(device.deviceID)
        next.clientNonce = Base64.decode(try #require(nextAccount).clientNonce)!
        let (fresh, _) = try await harness.session(next)
        #expect([200, 212].contains(Self.headerStatus(fresh[0])?.code ?? 0))
    }

    @Test func hmacNeedsANewNonceForEveryMessage() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.scheme = .hmac
        try await harness.register(device)
        for index in 0..<3 {
            try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
            _ = index
        }
        let initial = device
        try await harness.application.test(.router) { client in
            var device = initial
            let first = try await client.send(device.package1(), from: &device, to: "/dm")
            let nonce1 = try #require(Self.headerStatus(first)?.chal?.meta.nextNonce)
            // Replaying the reply with the nonce of package 1 fails; the fresh nonce works.
            let firstMessage = try #require(first.message)
            let maybeReply = device.reply(to: firstMessage)
            let reply = try #require(maybeReply)
            var stale = device
            stale.clientNonce = Array("client-nonce-0001!".utf8)
            let refused = try await client.send(reply, from: &stale)
            #expect(Self.headerStatus(refused)?.code == 401)
            var retry = device
            let refusedNonce = try #require(Self.headerStatus(refused)?.chal?.meta.nextNonce)
            retry.clientNonce = try #require(Base64.decode(refusedNonce))
            let accepted = try await client.send(retry.reply(to: firstMessage)!, from: &retry)
            #expect(Self.headerStatus(accepted)?.code == 200)
            #expect(Self.headerStatus(accepted)?.chal?.meta.nextNonce != nonce1)
        }
    }

    @Test func serverCredentialsFollowTheDevicesChallenge() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.serverScheme = .basic
        try await harness.register(device)  // the account says basic for the server
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevInfo/Man")]))
        let initial = device
        try await harness.application.test(.router) { client in
            var device = initial
            let first = try await client.send(device.package1(), from: &device, to: "/dm")
            #expect(first.message?.header.cred?.meta?.type == "syncml:auth-basic")
            // The device refuses basic and asks for MD5 with its own nonce; it executes nothing.
            let nonce: [UInt8] = Array("device-chose-this!".utf8)
            let firstMessage = try #require(first.message)
            let maybeRefusal = device.reply(to: firstMessage)
            var refusal = try #require(maybeRefusal)
            refusal.body = [
                .status(
                    StatusCommand(
                        cmdID: "1", msgRef: first.message!.header.msgID, cmdRef: "0", cmd: "SyncHdr",
                        chal: Challenge(meta: MetaInfo(format: "b64", type: "syncml:auth-md5", nextNonce: Base64.encode(nonce))),
                        data: "401"))
            ] + first.message!.body.compactMap { command -> Command? in
                guard command.name == "Get" else { return nil }
                return .status(StatusCommand(cmdID: "9" + command.cmdID, msgRef: first.message!.header.msgID, cmdRef: command.cmdID, cmd: "Get", data: "401"))
            }
            let second = try await client.send(refusal, from: &device)
            let cred = try #require(second.message?.header.cred)
            #expect(cred.meta?.type == "syncml:auth-md5")
            #expect(cred.data == SyncMLAuth.md5Credential(user: "dm.test", password: "server-secret", nonce: nonce))
            // The Gets are sent again.
            #expect(second.message?.body.filter { $0.name == "Get" }.count == 2)
        }
        #expect(try await harness.account(device.deviceID)?.serverNonce == Base64.encode(Array("device-chose-this!".utf8)))
    }
}
