import DMTree
import DeviceSimulator
import Foundation
import Notification
import SyncML
import Testing

@Suite("Notifications: WAP Push SMS, Package #0, SMSC role")
struct NotificationIntakeTests {
    static func packageZero(secret: String = "srv-secret", sessionID: UInt16 = 0x1234, uiMode: PackageZero.UIMode = .background)
        throws -> [UInt8]
    {
        let package = PackageZero(uiMode: uiMode, sessionID: sessionID, serverID: TestDevices.serverID)
        return try package.encoded(password: secret, nonce: [0, 0, 0, 0])
    }

    func fleet(_ server: FakeDMServer, devices: [SimulatedDevice] = [TestDevices.deviceA()]) -> DeviceFleet {
        DeviceFleet(
            devices: devices, driver: SessionDriver(transport: InProcessTransport(server)),
            runner: EnablerRunner(fetcher: nil))
    }

    @Test("A concatenated WAP Push is reassembled into the Package #0")
    func concatenation() throws {
        let package = try Self.packageZero() + Array(repeating: 0x41, count: 200)  // a vendor body forces 2 segments
        let segments = try WAPPushSMS.userData(package: package, reference: .eightBit(7))
        #expect(segments.count == 2)
        var intake = SMSIntake()
        #expect(intake.receive(userData: segments[1], to: "15550100001") == .incomplete)
        #expect(intake.receive(userData: segments[0], to: "15550100001") == .packageZero(package))
    }

    @Test("A verified notification starts a session with Alert 1200 and the notification's session ID")
    func notificationStartsSession() async throws {
        let server = FakeDMServer(.init())
        let fleet = fleet(server)
        let verdict = await fleet.notify("15550100001", packageZero: try Self.packageZero())
        #expect(verdict == .sessionStarted(sessionID: "1234"))
        for _ in 0..<200 where server.received.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        let first = try #require(server.received.first)
        #expect(first.header.sessionID == "1234")
        if case .alert(let alert) = first.body[0] { #expect(alert.code == 1200) }
    }

    @Test("A wrong digest, a wrong server id and a user who rejects start no session")
    func refusedNotifications() async throws {
        let server = FakeDMServer(.init())
        let fleet = fleet(server)
        #expect(await fleet.notify("15550100001", packageZero: try Self.packageZero(secret: "wrong")) == .badDigest)
        let other = try PackageZero(sessionID: 1, serverID: "other.server").encoded(password: "srv-secret", nonce: [0, 0, 0, 0])
        #expect(await fleet.notify("15550100001", packageZero: other) == .wrongServer)
        let rejecting = self.fleet(server, devices: [TestDevices.deviceA(policy: UIPolicy(response: .reject))])
        #expect(
            await rejecting.notify("IMEI:356938035643809", packageZero: try Self.packageZero(uiMode: .userInteraction))
                == .userRejected)
        #expect(await fleet.notify("15559999999", packageZero: try Self.packageZero()) == .unknownDevice)
        try await Task.sleep(for: .milliseconds(50))
        #expect(server.received.isEmpty)
    }

    @Test("SMSC session: bind_transceiver, submit_sm with UDH, receipt, enquire_link, unbind")
    func smscSession() throws {
        var session = SMSCSession()
        var bind = SMPPBodyBuilder()
        bind.cString("dm-notify")
        bind.cString("secret")
        bind.cString("")
        bind.bytes += [0x34, 1, 1, 0]
        let bound = session.handle(SMPPPDU(commandID: SMPPPDU.Command.bindTransceiver, sequence: 1, body: bind.bytes))
        #expect(bound.replies.first?.commandID == 0x8000_0009)
        #expect(bound.replies.first?.status == 0)
        let userData = try WAPPushSMS.userData(package: try Self.packageZero())[0]
        let submit = SMPPShortMessage(
            sourceAddress: "DMSERVER", destinationAddress: "15550100001", esmClass: 0x40, registeredDelivery: 1,
            dataCoding: 0x04, message: userData)
        let submitted = session.handle(SMPPPDU(commandID: SMPPPDU.Command.submitSM, sequence: 2, body: submit.encoded()))
        #expect(submitted.replies.first?.commandID == 0x8000_0004)
        let (id, message) = try #require(submitted.submitted.first)
        #expect(message.destinationAddress == "15550100001")
        #expect(message.hasUDH)
        #expect(message.message == userData)
        let made = session.receipt(for: id, of: message, delivered: true)
        let receipt = try #require(made)
        #expect(receipt.commandID == SMPPPDU.Command.deliverSM)
        let text = String(decoding: try SMPPShortMessage.decode(receipt.body).message, as: UTF8.self)
        #expect(text.hasPrefix("id:\(id) sub:001 dlvrd:001"))
        #expect(text.contains("stat:DELIVRD"))
        let link = session.handle(SMPPPDU(commandID: SMPPPDU.Command.enquireLink, sequence: 3))
        #expect(link.replies.first?.commandID == 0x8000_0015)
        let unbind = session.handle(SMPPPDU(commandID: SMPPPDU.Command.unbind, sequence: 4))
        #expect(unbind.close)
    }

    @Test("A submit_sm before bind is refused with ESME_RINVBNDSTS")
    func submitBeforeBind() {
        var session = SMSCSession()
        let submit = SMPPShortMessage(sourceAddress: "A", destinationAddress: "B", message: [1])
        let output = session.handle(SMPPPDU(commandID: SMPPPDU.Command.submitSM, sequence: 1, body: submit.encoded()))
        _ = output
        #expect(output.replies.first?.status == SMPPPDU.Status.incorrectBindStatus)
        #expect(output.submitted.isEmpty)
    }
}

/// Builds SMPP body fields in tests.
struct SMPPBodyBuilder {
    var bytes: [UInt8] = []
    mutating func cString(_ text: String) { bytes += Array(text.utf8) + [0] }
}
