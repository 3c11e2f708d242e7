import DeviceSimulator
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SyncML
import Synchronization
import Testing

/// The stand-in server behind a real HTTP listener, so the AsyncHTTPClient transport, the HMAC header and the
/// load generator are exercised over sockets.
@Suite("HTTP transport and load generator over loopback")
struct HTTPTransportTests {
    static func app(_ server: FakeDMServer) -> some ApplicationProtocol {
        let router = Router()
        router.post("/dm") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 4 << 20)
            let response = server.handle(
                url: "http://127.0.0.1/dm", body: Array(body.readableBytesView),
                contentType: request.headers[.contentType] ?? "", hmacHeader: request.headers[.init("x-syncml-hmac")!])
            var headers: HTTPFields = [.contentType: response.contentType ?? "application/vnd.syncml.dm+xml"]
            if let hmac = response.hmacHeader { headers[.init("x-syncml-hmac")!] = hmac }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: response.body)))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    @Test("An HMAC session over HTTP, and a WBXML one with basic auth")
    func sessionsOverHTTP() async throws {
        let server = FakeDMServer(.init(clientAuth: .hmac, commandBatches: [SessionTests.getCommands]))
        try await Self.app(server).test(.live) { client in
            let url = "http://127.0.0.1:\(client.port ?? 0)/dm"
            let transport = HTTPTransport(client: HTTPTransport.makeClient(concurrency: 2))
            defer { Task { try? await transport.shutdown() } }
            var device = TestDevices.deviceA(account: TestDevices.account(clientAuth: .hmac, url: url))
            device.encoding = .wbxml
            var random = SeededRandom(seed: 1)
            let (_, result) = await SessionDriver(transport: transport).run(
                device: device, trigger: .clientInitiated, random: &random)
            #expect(result.outcome == .completed)
            #expect(server.received.count == 3)
            #expect(server.state.withLock { $0.contentTypes }.allSatisfy { $0.hasSuffix("+wbxml") })
            try await transport.shutdown()
        }
    }

    @Test("An injected drop closes the connection mid-message; the next session still works")
    func dropOverHTTP() async throws {
        let server = FakeDMServer(.init())
        try await Self.app(server).test(.live) { client in
            let url = "http://127.0.0.1:\(client.port ?? 0)/dm"
            let transport = HTTPTransport(client: HTTPTransport.makeClient(concurrency: 2))
            var random = SeededRandom(seed: 1)
            let dropping = TestDevices.deviceA(
                account: TestDevices.account(url: url), failures: DeviceFailures(dropConnection: 1))
            let (_, dropped) = await SessionDriver(transport: transport).run(
                device: dropping, trigger: .clientInitiated, random: &random)
            #expect(dropped.outcome.kind == "transport")
            #expect(server.received.isEmpty)
            let (_, fine) = await SessionDriver(transport: transport).run(
                device: TestDevices.deviceA(account: TestDevices.account(url: url)), trigger: .clientInitiated,
                random: &random)
            #expect(fine.outcome == .completed)
            try await transport.shutdown()
        }
    }

    @Test("The load generator runs a bounded number of sessions and reports percentiles")
    func load() async throws {
        let server = FakeDMServer(.init(initialClientNonce: [0, 0, 0, 0]))
        try await Self.app(server).test(.live) { client in
            let url = "http://127.0.0.1:\(client.port ?? 0)/dm"
            let transport = HTTPTransport(client: HTTPTransport.makeClient(concurrency: 4))
            let factory = DeviceFactory(
                profile: {
                    var profile = SimulatorProfile()
                    profile.serverID = TestDevices.serverID
                    return profile
                }(), serverURL: url, seed: 3)
            // The stand-in server knows one user; give every device its credentials.
            let devices = (0..<8).map { index -> SimulatedDevice in
                var device = factory.device(index)
                device.tree.setValue("./DMAcc/dms/AppAuth/CLCRED/AAuthName", "acme-dev-0042")
                device.tree.setValue("./DMAcc/dms/AppAuth/CLCRED/AAuthSecret", "Wq9!zL2p")
                return device
            }
            let generator = LoadGenerator(
                driver: SessionDriver(transport: transport), options: LoadOptions(concurrency: 4, sessions: 40))
            let (_, report) = await generator.run(devices: devices) { _ in }
            #expect(report.sessions == 40)
            #expect(report.succeeded == 40)
            #expect(report.latencyMilliseconds["p99"] != nil)
            #expect(report.text.contains("sessions/s"))
            try await transport.shutdown()
        }
    }
}
