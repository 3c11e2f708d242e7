import Bus
import Contracts
@testable import DMSessionServer
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import Notification
import NIOCore
import ServiceKit
import SyncML
import Testing

/// The admin REST API and the bus commands.
@Suite struct AdminAndBusTests {
    static func json(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: try ContractsJSON.encode(value))
    }

    @Test func devicesCommandsResultsTreeAndWakeupOverREST() async throws {
        let harness = try await Harness.make()
        let device = TestDevice()
        let registration = SessionDeviceRegister(
            deviceID: device.deviceID, msisdn: "+4915100000001", serverID: "dm.test", clientAuth: "md5",
            clientName: device.user, clientSecret: device.secret, serverAuth: "md5", serverName: "dm.test",
            serverSecret: device.serverSecret, clientNonce: Base64.encode(device.clientNonce),
            serverNonce: Base64.encode(device.serverNonce))
        try await harness.adminApplication.test(.router) { client in
            let json: HTTPFields = [.contentType: "application/json"]
            try await client.execute(uri: "/devices", method: .post, headers: json, body: try Self.json(registration)) {
                #expect($0.status == .created)
            }
            try await client.execute(uri: "/devices", method: .post, headers: json, body: try Self.json(registration)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/devices/\(device.deviceID)", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains("\"clientAuth\":\"md5\"") && !text.contains("secret"))
            }
            try await client.execute(uri: "/devices/nope", method: .get) { #expect($0.status == .notFound) }
            let enqueue = #"{"command":{"kind":"get","items":[{"target":"./DevDetail/SwV"}]},"priority":20}"#
            try await client.execute(
                uri: "/devices/\(device.deviceID)/commands", method: .post, headers: json, body: ByteBuffer(string: enqueue)
            ) { #expect($0.status == .created) }
            let invalid = #"{"command":{"kind":"get","items":[]}}"#
            try await client.execute(
                uri: "/devices/\(device.deviceID)/commands", method: .post, headers: json, body: ByteBuffer(string: invalid)
            ) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/devices/\(device.deviceID)/commands?state=queued", method: .get) { response in
                let commands = try ContractsJSON.decode([CommandView].self, from: Data(response.body.readableBytesView))
                #expect(commands.count == 1 && commands[0].priority == 20)
            }
            try await client.execute(
                uri: "/devices/\(device.deviceID)/wakeup", method: .post, headers: json,
                body: ByteBuffer(string: #"{"uiMode":"background"}"#)
            ) { response in
                #expect(response.status == .accepted)
                let requested = try ContractsJSON.decode(SessionWakeupRequested.self, from: Data(response.body.readableBytesView))
                #expect(!requested.sessionID.isEmpty)
            }
        }
        // The device's session, then results and the tree over REST.
        _ = try await harness.session(device)
        try await harness.adminApplication.test(.router) { client in
            try await client.execute(uri: "/devices/\(device.deviceID)/results", method: .get) { response in
                let commands = try ContractsJSON.decode([CommandView].self, from: Data(response.body.readableBytesView))
                #expect(commands.first?.results?.first?.data == "2.1.0")
            }
            try await client.execute(uri: "/devices/\(device.deviceID)/tree?uri=./DevInfo", method: .get) { response in
                let nodes = try ContractsJSON.decode([TreeNodeView].self, from: Data(response.body.readableBytesView))
                #expect(nodes.count == 5 && nodes.allSatisfy { $0.uri.hasPrefix("./DevInfo/") && $0.sessionID != nil })
            }
            try await client.execute(uri: "/devices/\(device.deviceID)", method: .delete) { #expect($0.status == .ok) }
            try await client.execute(uri: "/devices/\(device.deviceID)", method: .delete) { #expect($0.status == .notFound) }
        }
    }

    @Test func importReadsCSVAndJSON() async throws {
        let harness = try await Harness.make()
        let csv = """
            deviceID,msisdn,serverID,clientAuth,clientName,clientSecret,serverAuth,serverSecret
            IMEI:1,+491,dm.test,md5,u1,s1,md5,p1
            IMEI:2,"+492",dm.test,hmac,u2,"s,2",basic,p2
            """
        try await harness.adminApplication.test(.router) { client in
            try await client.execute(
                uri: "/devices/import", method: .post, headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"imported\":2"))
            }
            let json = #"[{"deviceID":"IMEI:3","serverID":"dm.test","clientAuth":"basic","clientName":"u3","clientSecret":"s3","serverAuth":"basic","serverSecret":"p3"}]"#
            try await client.execute(
                uri: "/devices/import", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: json)
            ) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/devices/import", method: .post, headers: [.contentType: "text/csv"],
                body: ByteBuffer(string: "deviceID,clientAuth\nIMEI:9,md5\n")
            ) { #expect($0.status == .badRequest) }
        }
        let account = try #require(try await harness.account("IMEI:2"))
        #expect(account.clientAuth == .hmac && account.serverAuth == .basic)
        #expect(account.clientDigest == SyncMLAuth.userPasswordDigest(user: "u2", password: "s,2"))
        #expect(try await harness.account("IMEI:3") != nil)
    }

    /// No socket: the tests hand frames to `CommandReceiver.receive` directly.
    struct NoEndpoint: CommandEndpoint {
        var requests: any AsyncSequence<RoutedRequest, Never> { AsyncStream<RoutedRequest> { $0.finish() } }
        func reply(to peer: [UInt8], _ frames: Frames) async throws {}
    }

    /// Handles commands through a real `CommandReceiver` (inbox and transaction included) and returns the
    /// outcome of each as `.success(json:)` (the result's data) or `.failure(code:message:)`.
    static func handle(_ harness: Harness, _ requests: [Frames]) async throws -> [CommandOutcome] {
        let handler = SessionCommandHandler(store: harness.store)
        let receiver = CommandReceiver(writer: harness.store.writer, endpoint: NoEndpoint(), handler: handler.handler)
        var outcomes: [CommandOutcome] = []
        for frames in requests {
            let reply = try #require(try await receiver.receive(frames))
            let result = try ContractsJSON.decode(CommandResult<JSONValue>.self, from: Data(reply[1]))
            if let data = result.data {
                outcomes.append(.success(json: String(decoding: try ContractsJSON.encode(data), as: UTF8.self)))
            } else if let failure = result.error {
                outcomes.append(.failure(code: failure.code, message: failure.message))
            }
        }
        return outcomes
    }

    static func frames<C: BusCommand>(_ command: C) throws -> Frames {
        let envelope = CommandEnvelope(command, source: "test")
        return [Array(C.commandName.utf8), Array(try ContractsJSON.encode(envelope))]
    }

    @Test func busCommandsRegisterEnqueueWakeupAndDelete() async throws {
        let harness = try await Harness.make()
        var registration = SessionDeviceRegister.sample
        registration.serverNonce = Base64.encode([0, 0, 0, 0])
        let unknown: Frames = [
            Array("session.nothing".utf8),
            Array(#"{"id":"6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","name":"session.nothing","source":"t","time":"2026-03-01T12:00:00Z","data":{}}"#.utf8),
        ]
        let outcomes = try await Self.handle(
            harness,
            [
                try Self.frames(registration), try Self.frames(SessionCommandEnqueue.sample), try Self.frames(SessionWakeup.sample),
                try Self.frames(SessionWakeup(deviceID: "nobody")), unknown,
            ])
        #expect(outcomes[0] == .success(json: #"{"created":true,"deviceID":"IMEI:493005100592800"}"#))
        #expect(outcomes[1] == .success(json: #"{"commandID":"0c6b2f4e-8a1d-4f3b-9e2a-7d5c4b3a2f10","deviceID":"IMEI:493005100592800"}"#))
        guard case .success(let wakeJSON) = outcomes[2] else { Issue.record("wake-up failed: \(outcomes[2])"); return }
        let wake = try ContractsJSON.decode(SessionWakeupRequested.self, from: Data(wakeJSON.utf8))
        #expect(outcomes[3] == .failure(code: "not_found", message: "no device nobody"))
        #expect(outcomes[4] == .failure(code: "unknown_command", message: "session.nothing"))

        // The wake-up waits in the command outbox for dm-notify, with a package #0 signed with the server nonce.
        let row = try #require(
            try await harness.store.writer.read { db in
                try Row.fetchOne(db, sql: "SELECT id, target, name, payload FROM bus_command_outbox")
            })
        #expect(row["target"] as String == "notify" && row["name"] as String == "notify.package0.deliver")
        #expect(row["id"] as String == wake.notificationID)
        let envelope = try ContractsJSON.decode(CommandEnvelope<NotifyPackage0Deliver>.self, from: row["payload"])
        let bytes = try #require(Base64.decode(envelope.data.package0))
        let package = try PackageZero.decode(bytes)
        #expect(package.serverID == "com.example.dm")
        #expect(String(package.sessionID, radix: 16, uppercase: true) == wake.sessionID)
        #expect(package.verifyDigest(password: "server-secret", nonce: [0, 0, 0, 0]))
        #expect(envelope.data.msisdn == "+4915112345678")

        let deleted = try await Self.handle(harness, [try Self.frames(SessionDeviceDelete.sample)])
        #expect(deleted == [.success(json: #"{"deleted":true,"deviceID":"IMEI:493005100592800"}"#)])
    }

    /// dm-session's commands on the service kit's ServiceBus, as `dm-session` runs them, with a real proxy and
    /// sockets on loopback: ping and replay (answered by the kit, from the session's own outbox) next to a session
    /// command.
    @Test func pingReplayAndSessionCommandsOnTheServiceBus() async throws {
        let harness = try await Harness.make()
        try await harness.register(TestDevice())
        _ = try await harness.session(TestDevice())
        let proxy = try await BusProxy.start(
            BusProxyConfiguration(frontend: "tcp://127.0.0.1:*", backend: "tcp://127.0.0.1:*"))
        let bus = ServiceBus(
            identity: ServiceIdentity(service: "session", instanceID: "session"),
            configuration: BusConfiguration(
                publishEndpoint: proxy.frontendEndpoint, subscribeEndpoint: proxy.backendEndpoint,
                commandEndpoint: "tcp://127.0.0.1:*", commandEndpoints: [:]),
            writer: harness.store.writer, handlers: SessionCommandHandler(store: harness.store).commandHandlers,
            logger: Logger(label: "test.session"))
        #expect(bus.source == harness.store.eventSource)
        let running = Task { try await bus.run() }
        try await bus.waitUntilStarted()
        let node = try BusNode(name: "test")
        let requester = CommandRequester(
            channel: try await node.dealer(connectingTo: try #require(bus.commandEndpoint)), source: "test")
        let requesting = Task { await requester.run() }

        let ping = try ContractsJSON.decode(
            CommandResult<SystemPingResult>.self,
            from: Data(try await requester.request(name: SystemPing.commandName, data: "{}", timeout: .seconds(10))))
        #expect(ping.data?.service == "dm-session")
        let page = try await requester.replay(source: bus.source, from: 1, limit: 2)
        #expect(page.events.count == 2)
        #expect(try ContractsJSON.decode(RawCloudEvent.self, from: Data(page.events[0])).type == "dm.session.session.started")
        #expect(page.lastSequence > 2)
        let delete = try ContractsJSON.decode(
            CommandResult<SessionDeviceDeleted>.self,
            from: Data(
                try await requester.request(
                    name: SessionDeviceDelete.commandName, data: #"{"deviceID":"\#(TestDevice().deviceID)"}"#,
                    timeout: .seconds(10))))
        #expect(delete.data?.deleted == true)

        requesting.cancel()
        running.cancel()
        _ = await running.result
        await node.shutdown()
        await proxy.stop()
    }
}
