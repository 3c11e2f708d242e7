import Bus
import Testing

@Suite struct BusErrorTests {
    @Test(arguments: ["nonsense://x", "tcp://", "tcp://127.0.0.1", "inproc://"])
    func badBindEndpointsAreRefused(_ endpoint: String) async throws {
        let node = try BusNode(name: "bad-bind")
        await #expect(throws: BusError.invalidEndpoint) { try await node.router(bindingTo: endpoint) }
        await node.shutdown()
    }

    @Test(arguments: ["nonsense://x", "tcp://", "tcp://no-port"])
    func badConnectEndpointsAreRefused(_ endpoint: String) async throws {
        let node = try BusNode(name: "bad-connect")
        await #expect(throws: BusError.invalidEndpoint) { try await node.dealer(connectingTo: endpoint) }
        await #expect(throws: BusError.invalidEndpoint) { try await node.publisher(connectingTo: endpoint) }
        await node.shutdown()
    }

    @Test func anEndpointInUseIsRefused() async throws {
        let node = try BusNode(name: "in-use")
        let router = try await node.router(bindingTo: "tcp://127.0.0.1:*")
        let error = await #expect(throws: BusError.invalidEndpoint) {
            try await node.router(bindingTo: router.boundEndpoint)
        }
        #expect(error?.errorNumber != nil)
        #expect(error?.message.contains(router.boundEndpoint) == true)
        await node.shutdown()
    }

    @Test func errorsCompareByKind() {
        #expect(BusError.wouldBlock == BusError.wouldBlock)
        #expect(BusError.wouldBlock != BusError.unknownPeer)
        #expect(String(describing: BusError.closed).contains("closed"))
    }
}
