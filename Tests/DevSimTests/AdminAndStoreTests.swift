import DMTree
import DeviceSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Notification
import SyncML
import Logging
import Testing

@Suite("Admin REST, state, profiles, the SMPP socket")
struct AdminAndStoreTests {
    func fleet(_ server: FakeDMServer, store: (any DeviceStoring)? = nil) -> DeviceFleet {
        DeviceFleet(
            devices: [TestDevices.deviceA()], driver: SessionDriver(transport: InProcessTransport(server)),
            runner: EnablerRunner(fetcher: nil), store: store)
    }

    @Test("GET /devices, GET /devices/{id}/tree, POST sessions and generic-alert")
    func adminRoutes() async throws {
        let server = FakeDMServer(.init())
        let app = Application(router: AdminRoutes.router(fleet: fleet(server)))
        try await app.test(.router) { client in
            try await client.execute(uri: "/devices", method: .get) { response in
                #expect(response.status == .ok)
                let list = try JSONDecoder().decode([DeviceSummary].self, from: Data(response.body.readableBytesView))
                #expect(list.map(\.id) == ["IMEI:356938035643809"])
                #expect(list.first?.fumoState == "10")
            }
            try await client.execute(uri: "/devices/15550100001/tree?path=./DevDetail", method: .get) { response in
                let nodes = try JSONDecoder().decode([TreeNodeView].self, from: Data(response.body.readableBytesView))
                #expect(nodes.first?.uri == "./DevDetail")
                #expect(nodes.contains { $0.uri == "./DevDetail/FwV" && $0.value == "1.0.0" })
            }
            try await client.execute(uri: "/devices/IMEI:356938035643809/sessions", method: .post) { response in
                let view = try JSONDecoder().decode(SessionView.self, from: Data(response.body.readableBytesView))
                #expect(view.outcome == "completed")
            }
            let alert = #"{"type":"org.openmobilealliance.dm.firmwareupdate.devicerequest","format":"chr","data":""}"#
            try await client.execute(
                uri: "/devices/IMEI:356938035643809/generic-alert", method: .post, body: ByteBuffer(string: alert)
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/devices/nobody/tree", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        let generic = server.received.flatMap(\.body).compactMap { if case .alert(let a) = $0, a.code == 1226 { a } else { nil } }
        #expect(generic.first?.items.first?.meta?.type == "org.openmobilealliance.dm.firmwareupdate.devicerequest")
    }

    @Test("POST /push/{msisdn} with a Package #0 starts a session")
    func httpPush() async throws {
        let server = FakeDMServer(.init())
        let app = Application(router: AdminRoutes.router(fleet: fleet(server)))
        let package = try PackageZero(sessionID: 0xAB, serverID: TestDevices.serverID).encoded(
            password: "srv-secret", nonce: [0, 0, 0, 0])
        try await app.test(.router) { client in
            try await client.execute(uri: "/push/15550100001", method: .post, body: ByteBuffer(bytes: package)) {
                response in
                #expect(response.status == .accepted)
                #expect(String(buffer: response.body) == "session-started\n")
            }
        }
        for _ in 0..<200 where server.received.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        #expect(server.received.first?.header.sessionID == "AB")
    }

    @Test("The SQLite state keeps devices, trees and firmware versions across a restart")
    func store() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("devsim-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var device = TestDevices.deviceA()
        device.tree.setValue("./DevDetail/FwV", "9.9.9")
        device.pendingAlerts = [PendingAlert(type: "t", data: "200")]
        do {
            let store = try SQLiteDeviceStore(path: path)
            try await store.saveAll([device])
        }
        let reopened = try SQLiteDeviceStore(path: path)
        let loaded = try await reopened.loadAll()
        #expect(loaded.count == 1)
        #expect(loaded.first?.tree == device.tree)
        #expect(loaded.first?.tree.value("./DevDetail/FwV") == "9.9.9")
        #expect(loaded.first?.pendingAlerts == device.pendingAlerts)
        #expect(loaded.first?.tree.node("./DMAcc/dms/AppAuth/CLCRED/AAuthData")?.value == [0, 0, 0, 0])
    }

    @Test("Profiles: YAML and JSON; the same seed gives the same devices and failures")
    func profiles() throws {
        let yaml = """
            seed: 42
            serverID: dm-session
            models:
              - { manufacturer: Acme Devices, model: Vela X2, firmwareVersions: [4.2.0, 4.2.1], fumoInstance: fw }
            auth: { md5: 50, hmac: 50 }
            failures: { slow: 100, slowMilliseconds: 5, installFailure: 50, installFailureCode: 410 }
            """
        let profile = try SimulatorProfile.parse(yaml)
        let json = try SimulatorProfile.parse(#"{"seed": 42, "serverID": "dm-session", "auth": {"basic": 100}}"#)
        #expect(json.auth == ["basic": 100])
        let a = DeviceFactory(profile: profile, serverURL: "http://127.0.0.1:8080/dm")
        let b = DeviceFactory(profile: profile, serverURL: "http://127.0.0.1:8080/dm")
        #expect(a.device(7) == b.device(7))
        #expect(a.importRecord(3) == b.importRecord(3))
        #expect(a.device(0).deviceID != a.device(1).deviceID)
        let id = a.device(0).deviceID
        #expect(id.hasPrefix("IMEI:35") && id.count == 20)
        #expect(a.device(0).failures.slowMilliseconds == 5)
        #expect(a.device(0).tree.node("./FwUpdate/fw/State") != nil)
        let auths = Set((0..<40).map { a.importRecord($0).clientAuth })
        #expect(auths == [.md5, .hmac])
        #expect(a.importRecord(0).serverID == "dm-session")
    }

    @Test("SMPP over a socket: bind_transceiver, submit_sm to a device's MSISDN, deliver_sm receipt")
    func smppSocket() async throws {
        let delivered = AsyncStream<(String, [UInt8])>.makeStream()
        let smpp = SMPPServer(port: 0, logger: .init(label: "test")) { msisdn, data in
            delivered.continuation.yield((msisdn, data))
            return msisdn == "15550100001"
        }
        let listener = try await smpp.bind()
        let port = try #require(listener.channel.localAddress?.port)
        let serving = Task { try await smpp.serve(listener) }
        defer { serving.cancel() }

        let client = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        var bind = SMPPBodyBuilder()
        bind.cString("dm-notify")
        bind.cString("pw")
        bind.cString("")
        bind.bytes += [0x34, 1, 1, 0]
        let userData = try WAPPushSMS.userData(
            package: try PackageZero(sessionID: 1, serverID: "x").encoded(password: "p", nonce: [0, 0, 0, 0]))[0]
        let submit = SMPPShortMessage(
            sourceAddress: "DMS", destinationAddress: "15550100001", esmClass: 0x40, registeredDelivery: 1,
            dataCoding: 4, message: userData)
        var received: [SMPPPDU] = []
        try await client.executeThenClose { inbound, outbound in
            try await outbound.write(
                ByteBuffer(bytes: SMPPPDU(commandID: SMPPPDU.Command.bindTransceiver, sequence: 1, body: bind.bytes).encoded()))
            try await outbound.write(
                ByteBuffer(bytes: SMPPPDU(commandID: SMPPPDU.Command.submitSM, sequence: 2, body: submit.encoded()).encoded()))
            var buffer = ByteBuffer()
            for try await chunk in inbound {
                buffer.writeImmutableBuffer(chunk)
                while let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self),
                    buffer.readableBytes >= Int(length), let bytes = buffer.readBytes(length: Int(length))
                {
                    received.append(try SMPPPDU.decode(bytes))
                }
                if received.count >= 3 { break }
            }
        }
        #expect(received.map(\.commandID) == [0x8000_0009, 0x8000_0004, SMPPPDU.Command.deliverSM])
        var iterator = delivered.stream.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first?.0 == "15550100001")
        #expect(first?.1 == userData)
    }
}
