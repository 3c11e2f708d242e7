import DMTree
import DeviceSimulator
import SyncML
import Synchronization
import Testing

/// The client session over a transport, against the in-process stand-in server (``FakeDMServer``).
@Suite("Client session against the stand-in server")
struct SessionTests {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func run(
        _ device: SimulatedDevice, _ server: FakeDMServer, trigger: SessionTrigger = .clientInitiated,
        encoding: SyncMLEncoding? = nil, policy: ServerAuthPolicy = .ifPresent
    ) async -> (SimulatedDevice, SessionResult) {
        var random = Seeded(state: 1)
        let driver = SessionDriver(transport: InProcessTransport(server), serverAuthPolicy: policy)
        return await driver.run(device: device, trigger: trigger, encoding: encoding, random: &random)
    }

    static let getCommands: [Command] = [
        .get(ItemCommand(cmdID: "10", items: [Item(target: "./DevDetail/FwV"), Item(target: "./DevInfo/Missing")])),
        .replace(ItemCommand(cmdID: "11", items: [Item(target: "./Vendor/Acme/Wlan/Default", data: .text("office"))])),
    ]

    @Test("MD5: package 1, a 401 challenge, the resent package 1 with the new nonce, commands, close")
    func md5Challenge() async throws {
        let server = FakeDMServer(.init(commandBatches: [Self.getCommands]))
        let (device, result) = await run(TestDevices.deviceA(), server)
        #expect(result.outcome == .completed)
        let received = server.received
        try #require(received.count == 3)
        let package1 = received[0]
        #expect(package1.header.verProto == "DM/1.2")
        #expect(package1.header.target.locURI == TestDevices.serverURL)
        #expect(package1.header.source.locURI == "IMEI:356938035643809")
        #expect(package1.header.cred?.meta?.type == "syncml:auth-md5")
        #expect(package1.header.meta?.maxMsgSize == "16384")
        guard case .alert(let alert) = package1.body[0], case .replace(let devInfo) = package1.body[1] else {
            Issue.record("package 1 is not Alert + Replace")
            return
        }
        #expect(alert.code == 1201)
        #expect(devInfo.items.map { $0.source?.locURI } == [
            "./DevInfo/DevId", "./DevInfo/Man", "./DevInfo/Mod", "./DevInfo/DmV", "./DevInfo/Lang",
        ])
        #expect(package1.isFinal)
        #expect(received[1].header.msgID == "2")
        #expect(received[1].header.sessionID == package1.header.sessionID)
        guard case .status(let hdr) = received[1].body.first else {
            Issue.record("the resent package 1 does not start with the SyncHdr Status")
            return
        }
        #expect(hdr.cmdRef == "0")
        let package3 = received[2]
        #expect(package3.body.statusSummaries.map(\.code) == [200, 200, 404, 200])
        #expect(package3.body.results.first?.items.first?.data?.string == "1.0.0")
        #expect(package3.body.results.first?.cmdRef == "10")
        #expect(device.tree.value("./Vendor/Acme/Wlan/Default") == "office")
        #expect(package3.header.cred == nil)  // 212: no more credentials in this session
    }

    @Test("Basic over WBXML: the answer comes back in WBXML")
    func basicWBXML() async throws {
        let server = FakeDMServer(.init(clientAuth: .basic, commandBatches: [Self.getCommands]))
        let device = TestDevices.deviceA(account: TestDevices.account(clientAuth: .basic))
        let (_, result) = await run(device, server, encoding: .wbxml)
        #expect(result.outcome == .completed)
        #expect(server.received.count == 2)
        #expect(server.state.withLock { $0.contentTypes }.allSatisfy { $0 == "application/vnd.syncml.dm+wbxml" })
        #expect(server.received[0].header.cred?.meta?.type == "syncml:auth-basic")
    }

    @Test("HMAC: every message carries x-syncml-hmac with the newest nonce")
    func hmac() async throws {
        let server = FakeDMServer(.init(clientAuth: .hmac, commandBatches: [Self.getCommands]))
        let device = TestDevices.deviceA(account: TestDevices.account(clientAuth: .hmac))
        let (_, result) = await run(device, server)
        #expect(result.outcome == .completed)
        #expect(server.received.allSatisfy { $0.header.cred == nil })
        #expect(server.state.withLock { $0.challenges } == 1)  // the first nonce was unknown
        #expect(server.received.count == 3)
    }

    @Test("Wrong device secret: the session fails after the allowed retries")
    func badCredentials() async throws {
        let server = FakeDMServer(.init())
        let device = TestDevices.deviceA(failures: DeviceFailures(badCredentials: true))
        let (_, result) = await run(device, server)
        #expect(result.outcome == .authenticationFailed)
        #expect(server.received.count == 3)
    }

    @Test("Server credentials: a right MD5 Cred gets 212 and a new server nonce; a wrong one gets 401")
    func serverCredentials() async throws {
        let good = FakeDMServer(.init(sendServerCred: true, commandBatches: [Self.getCommands]))
        let (_, ok) = await run(TestDevices.deviceA(), good)
        #expect(ok.outcome == .completed)
        guard case .status(let hdr) = good.received[1].body.first else {
            Issue.record("no SyncHdr Status")
            return
        }
        #expect(hdr.code == 212)
        #expect(hdr.chal?.meta.nextNonce != nil)

        let bad = FakeDMServer(.init(sendServerCred: true, serverSecret: "not-the-secret", commandBatches: [Self.getCommands]))
        let (device, rejected) = await run(TestDevices.deviceA(), bad)
        #expect(rejected.outcome == .serverRejected)
        let answers = bad.received.dropFirst(2).flatMap { $0.body.statusSummaries }
        #expect(answers.contains { $0.cmd == "SyncHdr" && $0.code == 401 })
        #expect(answers.filter { $0.cmd != "SyncHdr" }.allSatisfy { $0.code == 401 })
        #expect(device.tree.value("./Vendor/Acme/Wlan/Default") == "home")  // nothing executed
    }

    @Test("A server without Cred is challenged with 407 when the policy requires server credentials")
    func serverAuthRequired() async throws {
        let server = FakeDMServer(.init(commandBatches: [Self.getCommands]))
        let (_, result) = await run(TestDevices.deviceA(), server, policy: .required)
        #expect(result.outcome == .serverRejected)
        let codes = server.received.dropFirst(2).first?.body.statusSummaries.map(\.code) ?? []
        #expect(codes.first == 407)
    }

    @Test("RespURI: later messages go to it")
    func respURI() async throws {
        let server = FakeDMServer(.init(respURI: "https://dms.example.net/oma/dm?s=3F", commandBatches: [Self.getCommands]))
        _ = await run(TestDevices.deviceA(), server)
        let urls = server.state.withLock { $0.urls }
        #expect(urls.first == TestDevices.serverURL)
        #expect(urls.dropFirst().allSatisfy { $0 == "https://dms.example.net/oma/dm?s=3F" })
    }

    @Test("Server-initiated: Alert 1200 with the notification's session ID")
    func serverInitiated() async throws {
        let server = FakeDMServer(.init())
        _ = await run(TestDevices.deviceA(), server, trigger: .serverInitiated(sessionID: "1234"))
        let package1 = server.received[0]
        #expect(package1.header.sessionID == "1234")
        if case .alert(let alert) = package1.body[0] { #expect(alert.code == 1200) }
    }

    @Test("Large Object from the server: 213 and 1222 without Final until the last chunk")
    func largeObjectIn() async throws {
        let chunks = try [22, 24, 25].map { try Fixtures.message($0).body.filter { if case .status = $0 { false } else { true } } }
        let server = FakeDMServer(.init(commandBatches: chunks))
        let (device, result) = await run(TestDevices.deviceA(), server)
        #expect(result.outcome == .completed)
        let received = server.received
        try #require(received.count == 5, "\(received.map { $0.body.map(\.name) })")
        for message in received[2...3] {
            #expect(!message.isFinal)
            #expect(message.body.statusSummaries.contains { $0.code == 213 })
            #expect(message.body.contains { if case .alert(let a) = $0 { a.code == 1222 } else { false } })
        }
        #expect(received[4].isFinal)
        #expect(device.tree.node("./FwUpdate/x1/Update/PkgData")?.value?.count == 90)
    }

    @Test("Large Object to the server: a Results bigger than MaxMsgSize goes in chunks with MoreData and Size")
    func largeObjectOut() async throws {
        var device = TestDevices.deviceA()
        device.tree.setValue("./Vendor/Acme/Log", String(repeating: "0123456789", count: 300))
        let server = FakeDMServer(
            .init(commandBatches: [[.get(ItemCommand(cmdID: "5", items: [Item(target: "./Vendor/Acme/Log")]))]], maxMsgSize: 1400))
        let (_, result) = await run(device, server)
        #expect(result.outcome == .completed)
        let chunks = server.received.flatMap { $0.body.results }.flatMap(\.items)
        #expect(chunks.count >= 3)
        #expect(chunks.first?.meta?.size == "3000")
        #expect(chunks.dropLast().allSatisfy { $0.moreData })
        #expect(chunks.last?.moreData == false)
        let joined = chunks.compactMap { $0.data?.string }.joined()
        #expect(joined.count == 3000)
        #expect(server.received.last?.isFinal == true)
    }

    @Test("A server package split over messages: the device asks for the rest with 1222, without Final")
    func serverMultiMessagePackage() async throws {
        // The first server message after authentication holds a Get but no Final (commandBatches with MoreData
        // markers are not needed: the stand-in closes the package only with its last batch).
        let batches: [[Command]] = [
            [.get(ItemCommand(cmdID: "7", items: [Item(target: "./DevInfo/Mod")]))],
            [.get(ItemCommand(cmdID: "8", items: [Item(target: "./DevInfo/Man")]))],
        ]
        let server = FakeDMServer(.init(commandBatches: batches, splitPackages: true))
        let (_, result) = await run(TestDevices.deviceA(), server)
        #expect(result.outcome == .completed)
        let received = server.received
        try #require(received.count == 4)
        #expect(!received[2].isFinal)
        #expect(received[2].body.contains { if case .alert(let a) = $0 { a.code == 1222 } else { false } })
        #expect(received[2].body.results.first?.items.first?.data?.string == "Vela X2")
        #expect(received[3].isFinal)
        #expect(received[3].body.results.first?.items.first?.data?.string == "Acme Devices")
    }

    @Test("Server abort 1223 ends the session without an answer")
    func serverAbort() async throws {
        let server = FakeDMServer(.init(commandBatches: [[.alert(AlertCommand(cmdID: "9", data: "1223"))]]))
        let (_, result) = await run(TestDevices.deviceA(), server)
        #expect(result.outcome == .abortedByServer)
        #expect(server.received.count == 2)  // package 1, the resent package 1; no answer to the abort
    }

    @Test("Pending Generic Alerts go in package 1 and are cleared once the server accepts them")
    func genericAlerts() async throws {
        var device = TestDevices.deviceA()
        device.pendingAlerts = [
            PendingAlert(
                type: "org.openmobilealliance.dm.firmwareupdate.downloadandupdate", mark: "critical", data: "402",
                source: "./FwUpdate/x1/DownloadAndUpdate", correlator: "dau-7782")
        ]
        let server = FakeDMServer(.init())
        let (after, result) = await run(device, server)
        #expect(result.outcome == .completed)
        let alerts = server.received[0].body.compactMap { if case .alert(let a) = $0 { a } else { nil } }
        #expect(alerts.map(\.code) == [1201, 1226])
        #expect(alerts[1].correlator == "dau-7782")
        #expect(alerts[1].items.first?.meta?.format == "int")
        #expect(after.pendingAlerts.isEmpty)
    }

    @Test("An injected drop fails the session as a transport error")
    func injectedDrop() async throws {
        let server = FakeDMServer(.init())
        let (_, result) = await run(TestDevices.deviceA(failures: DeviceFailures(dropConnection: 1)), server)
        #expect(result.outcome.kind == "transport")
    }
}
