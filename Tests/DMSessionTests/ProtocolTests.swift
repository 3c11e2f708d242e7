import Contracts
@testable import DMSessionServer
import Foundation
import Hummingbird
import HummingbirdTesting
import SyncML
import Testing

/// Retransmission, session tokens, timeouts, bad input and limits.
@Suite struct ProtocolTests {
    @Test func aRetransmittedMessageGetsTheSameAnswer() async throws {
        let harness = try await Harness.make()
        let device = TestDevice()
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
        try await harness.application.test(.router) { client in
            var device = device
            let package1 = device.package1()
            let (body, _) = device.encode(package1)
            let first = try await client.post("/dm", body: body, contentType: device.contentType)
            device.absorb(first)
            let reply = try device.answer(first)
            let (replyBody, _) = device.encode(reply)
            let answer = try await client.post(device.respURI, body: replyBody, contentType: device.contentType)
            let again = try await client.post(device.respURI, body: replyBody, contentType: device.contentType)
            #expect(again.status == 200)
            #expect(again.body == answer.body)
            // The same MsgID with other bytes is refused.
            var other = reply
            other.body.append(.alert(AlertCommand(cmdID: "99", data: "1226")))
            let (otherBody, _) = device.encode(other)
            let refused = try await client.post(device.respURI, body: otherBody, contentType: device.contentType)
            #expect(refused.status == 400)
        }
        // The retransmission changed nothing: one completion.
        #expect(try await harness.events(CommandCompleted.self).count == 1)
    }

    @Test func theSessionTokenIsUnguessableAndChecked() async throws {
        let harness = try await Harness.make(paths: ["/dm", "/oma/dm"])
        let device = TestDevice()
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
        try await harness.application.test(.router) { client in
            var device = device
            let first = try await client.send(device.package1(), from: &device, to: "/oma/dm")
            let respURI = try #require(first.message?.header.respURI)
            let token = try #require(respURI.split(separator: "/").last)
            #expect(respURI.hasSuffix("/oma/dm/\(token)"))
            #expect(token.count == 32)
            let reply = try device.answer(first)
            let (body, _) = device.encode(reply)
            let wrong = try await client.post("/oma/dm/" + String(repeating: "0", count: 32), body: body, contentType: device.contentType)
            #expect(wrong.status == 404)
            // Another SessionID on the right token is refused.
            var foreign = reply
            foreign.header.sessionID = "FF"
            let (foreignBody, _) = device.encode(foreign)
            let refused = try await client.post(respURI, body: foreignBody, contentType: device.contentType)
            #expect(refused.status == 400)
            let right = try await client.post(respURI, body: body, contentType: device.contentType)
            #expect(right.status == 200 && right.message?.isFinal == true)
        }
    }

    @Test func anIdleSessionTimesOutAndItsCommandsGoBackToTheQueue() async throws {
        let harness = try await Harness.make(limits: SessionLimits(idleTimeout: .seconds(30)))
        let device = TestDevice()
        try await harness.register(device)
        let id = try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
        try await harness.application.test(.router) { client in
            var device = device
            let first = try await client.send(device.package1(), from: &device, to: "/dm")
            #expect(first.message?.body.contains { $0.name == "Get" } == true)
            #expect(try await harness.commands(device.deviceID).first?.state == "sent")
            harness.clock.advance(31)
            await harness.server.sweep()
            #expect(try await harness.commands(device.deviceID).first?.state == "queued")
            let reply = try device.answer(first)
            let late = try await client.send(reply, from: &device)
            #expect(late.status == 404)
        }
        #expect(try await harness.events(SessionEnded.self).map(\.outcome) == ["timed-out"])
        // The next session gets the command again.
        var next = device
        next.sessionID = "4B"
        next.clientNonce = Base64.decode(try await harness.account(device.deviceID)!.clientNonce)!
        let (exchanges, _) = try await harness.session(next)
        #expect(exchanges.count == 2)
        #expect(try await harness.commands(device.deviceID).first { $0.commandID == id }?.state == "completed")
    }

    @Test func aSessionLongerThanTheMaximumIsAborted() async throws {
        let harness = try await Harness.make(limits: SessionLimits(maxSessionDuration: .seconds(60)))
        let device = TestDevice()
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
        try await harness.application.test(.router) { client in
            var device = device
            let first = try await client.send(device.package1(), from: &device, to: "/dm")
            harness.clock.advance(61)
            let reply = try device.answer(first)
            let aborted = try await client.send(reply, from: &device)
            #expect(aborted.message?.body.contains { if case .alert(let a) = $0 { a.code == 1223 } else { false } } == true)
        }
        #expect(try await harness.events(SessionEnded.self).map(\.outcome) == ["duration-exceeded"])
    }

    @Test func badInputGetsHTTPErrorsNeverACrash() async throws {
        let harness = try await Harness.make(limits: SessionLimits(maxMessageSize: 4096, maxIncomingCommands: 5))
        try await harness.application.test(.router) { client in
            let xml = "application/vnd.syncml.dm+xml"
            #expect(try await client.post("/dm", body: Array("<SyncML/>".utf8), contentType: "text/xml").status == 415)
            #expect(try await client.post("/dm", body: Array("not xml".utf8), contentType: xml).status == 400)
            #expect(try await client.post("/dm", body: [0x03, 0x01, 0xFF, 0xFF], contentType: "application/vnd.syncml.dm+wbxml").status == 400)
            #expect(try await client.post("/dm", body: Array(repeating: 0x20, count: 5000), contentType: xml).status == 413)
            let entity = #"<!DOCTYPE SyncML [<!ENTITY x "y">]><SyncML xmlns="SYNCML:SYNCML1.2"/>"#
            #expect(try await client.post("/dm", body: Array(entity.utf8), contentType: xml).status == 400)
            // Too many commands in one message.
            var device = TestDevice()
            let extra = (0..<10).map { Command.alert(AlertCommand(cmdID: String(10 + $0), data: "1226")) }
            let (body, _) = device.encode(device.package1(extra: extra))
            #expect(try await client.post("/dm", body: body, contentType: xml).status == 413)
            // The plain SyncML media types are accepted and echoed.
            let (ok, _) = device.encode(device.package1())
            let plain = try await client.post("/dm", body: ok, contentType: "application/vnd.syncml+xml")
            #expect(plain.status == 200 && plain.contentType == "application/vnd.syncml+xml")
        }
    }

    @Test func commandsTheDeviceMayNotSendAreRefusedWithAStatus() async throws {
        let harness = try await Harness.make()
        let device = TestDevice()
        try await harness.register(device)
        try await harness.application.test(.router) { client in
            var device = device
            let get = Command.get(ItemCommand(cmdID: "3", items: [Item(target: Location("./x"))]))
            let answer = try await client.send(device.package1(extra: [get]), from: &device, to: "/dm")
            let status = answer.message?.body.compactMap { if case .status(let s) = $0, s.cmdRef == "3" { s } else { nil } }.first
            #expect(status?.code == 405)
        }
    }
}

/// One session per device at a time.
@Suite struct OneSessionPerDeviceTests {
    @Test func aNewSessionReplacesTheDevicesOpenOne() async throws {
        let harness = try await Harness.make()
        let device = TestDevice()
        try await harness.register(device)
        let id = try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
        try await harness.application.test(.router) { client in
            var first = device
            let opened = try await client.send(first.package1(), from: &first, to: "/dm")
            #expect(opened.message?.body.contains { $0.name == "Get" } == true)
            // The device gives up on it and starts over with a new SessionID.
            var second = first
            second.sessionID = "7D"
            second.msgID = 0
            let exchanges = try await client.runSession(&second)
            #expect(exchanges.last?.message?.isFinal == true)
            // The first session's token is gone.
            let stale = try await client.send(try first.answer(opened), from: &first)
            #expect(stale.status == 404)
        }
        #expect(try await harness.events(SessionEnded.self).map(\.outcome) == ["replaced", "completed"])
        #expect(try await harness.commands(device.deviceID).first { $0.commandID == id }?.status == 200)
    }
}
