import Contracts
@testable import DMSessionServer
import Foundation
import GRDB
import SyncML
import Testing

/// What dm-session learns from devices and remembers: which containers a device executes, and which wake-up a
/// server-initiated session answers.
@Suite struct WakeupAndCapabilityTests {
    static let atomicReplace = SessionCommandSpec(
        kind: .atomic, commands: [SessionCommandSpec(kind: .replace, items: [.init(target: "./A", data: "1")])])
    static let sequenceGet = SessionCommandSpec(
        kind: .sequence, commands: [SessionCommandSpec(kind: .get, items: [.init(target: "./DevInfo/Mod")])])

    @Test func aDeviceThatRefusesAtomicGetsNoMoreAtomics() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.atomicStatus = 406
        try await harness.register(device)
        let first = try await harness.enqueue(device.deviceID, Self.atomicReplace)
        var (_, after) = try await harness.session(device)
        #expect(try await harness.commands(device.deviceID).first { $0.commandID == first }?.status == 406)
        #expect(try await harness.account(device.deviceID)?.supportsAtomic == false)
        #expect(try await harness.account(device.deviceID)?.supportsSequence == nil)

        // The next Atomic is not sent at all (completed with the device's own answer); the rest still goes.
        let second = try await harness.enqueue(device.deviceID, Self.atomicReplace)
        let sequence = try await harness.enqueue(device.deviceID, Self.sequenceGet)
        let replace = try await harness.enqueue(
            device.deviceID, SessionCommandSpec(kind: .replace, items: [.init(target: "./B", data: "2")]))
        after.atomicStatus = 406
        after.sessionID = "3B"
        after.msgID = 0
        let (exchanges, _) = try await harness.session(after)
        let sent = exchanges.compactMap(\.message).flatMap(\.body)
        #expect(!sent.contains { if case .atomic = $0 { true } else { false } })
        #expect(sent.contains { if case .sequence = $0 { true } else { false } })
        let byID = Dictionary(uniqueKeysWithValues: try await harness.commands(device.deviceID).map { ($0.commandID, $0) })
        #expect(byID[second]?.status == 406 && byID[second]?.state == "completed")
        #expect(byID[sequence]?.status == 200 && byID[replace]?.status == 200)
        #expect(try await harness.account(device.deviceID)?.supportsSequence == true)
        #expect(try await harness.tree(device.deviceID)["./A"] == nil)
    }

    @Test func aDeviceThatRefusesSequenceKeepsAtomic() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.sequenceStatus = 406
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, Self.sequenceGet)
        try await harness.enqueue(device.deviceID, Self.atomicReplace)
        _ = try await harness.session(device)
        let account = try #require(try await harness.account(device.deviceID))
        #expect(account.supportsSequence == false && account.supportsAtomic == true)
        // An Atomic nested in a Sequence is not sent either.
        #expect(account.unsupportedContainer(in: SessionCommandSpec(kind: .atomic, commands: [Self.sequenceGet])) == .sequence)
        #expect(account.unsupportedContainer(in: Self.atomicReplace) == nil)
    }

    /// The forms clients write package #0's SessionID 0x12AB in: the spec's hex, decimal, byte-swapped.
    @Test(arguments: ["12AB", "12ab", "4779", "AB12"])
    func aServerInitiatedSessionIsMatchedToItsWakeup(form: String) async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        try await harness.register(device)
        let store = harness.store
        let deviceID = device.deviceID
        let requested = try await store.writer.write { db -> SessionWakeupRequested in
            let requested = try store.wakeup(SessionWakeup(deviceID: deviceID), in: db)
            // A known SessionID, so that each form can be written.
            try db.execute(
                sql: "UPDATE wakeup SET package0_session_id = ? WHERE notification_id = ?",
                arguments: [0x12AB, requested.notificationID])
            return requested
        }
        device.sessionID = form
        let (_, after) = try await harness.session(device, alert: 1200)
        let started = try #require(try await harness.events(SessionStarted.self).first)
        #expect(started.notificationID == requested.notificationID)
        let answered = try await store.writer.read { db in
            try String.fetchOne(db, sql: "SELECT notification_id FROM dm_session WHERE id = ?", arguments: [started.sessionID])
        }
        #expect(answered == requested.notificationID)

        // The wake-up is answered once: a second server-initiated session with the same id matches nothing.
        var again = after
        again.msgID = 0
        _ = try await harness.session(again, alert: 1200)
        #expect(try await harness.events(SessionStarted.self).last?.notificationID == nil)
    }

    /// A device whose first package 1 is refused (a stale nonce: 401 with a Chal) still answers the wake-up: the
    /// session is written with that first message, before the retry is authenticated.
    @Test func aWakeupIsMatchedWhenTheFirstPackageIsRefused() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        try await harness.register(device)
        device.clientNonce = Array("a-stale-nonce-0000".utf8)
        let store = harness.store
        let deviceID = device.deviceID
        let requested = try await store.writer.write { db in try store.wakeup(SessionWakeup(deviceID: deviceID), in: db) }
        device.sessionID = requested.sessionID
        let (exchanges, _) = try await harness.session(device, alert: 1200)
        #expect(exchanges.count >= 2, "a refused package 1, then the retry")
        #expect(try await harness.events(DeviceAuthenticationFailed.self).count == 1)
        let started = try #require(try await harness.events(SessionStarted.self).first)
        #expect(started.alertCode == 1200 && started.notificationID == requested.notificationID)
    }

    @Test func aClientInitiatedSessionAnswersNoWakeup() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        try await harness.register(device)
        let store = harness.store
        let deviceID = device.deviceID
        let requested = try await store.writer.write { db in try store.wakeup(SessionWakeup(deviceID: deviceID), in: db) }
        device.sessionID = requested.sessionID
        _ = try await harness.session(device, alert: 1201)
        #expect(try await harness.events(SessionStarted.self).first?.notificationID == nil)
    }

    @Test func package0SessionIDForms() {
        #expect(SessionStore.package0SessionIDs(forms: "1234") == [0x1234, 1234, 0x3412])
        #expect(SessionStore.package0SessionIDs(forms: "AB") == [0xAB, 0xAB00])
        #expect(SessionStore.package0SessionIDs(forms: "-3") == [0xFFFD])
        #expect(SessionStore.package0SessionIDs(forms: "65535") == [0xFFFF])
        #expect(SessionStore.package0SessionIDs(forms: "not-an-id").isEmpty)
    }
}
