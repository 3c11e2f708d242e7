import Bus
import Testing

@Suite struct ShutdownTests {
    @Test func shutdownWithOpenSocketsAbsentPeersAndPendingSendsReturns() async throws {
        let node = try BusNode(name: "shutdown")
        let refusing = try RefusingPort()
        let nowhere = refusing.endpoint
        let publisher = try await node.publisher(connectingTo: nowhere)
        let subscriber = try await node.subscriber(connectingTo: nowhere, prefixes: [""])
        let router = try await node.router(bindingTo: "tcp://127.0.0.1:*")
        var options = BusSocketOptions.dealer
        options.immediate = false
        options.linger = .seconds(1)
        let dealer = try await node.dealer(connectingTo: nowhere, options: options)
        // Queued for a peer that never comes: linger bounds how long closing waits for them.
        for index in 0..<100 {
            try await publisher.publish(type: "dm.test.pending", payload: [UInt8(index)])
            try await dealer.send(frames: [[UInt8(index)]])
        }

        try await within("shutdown") { await node.shutdown() }
        #expect(node.isShutDown)
        #expect(try await within("the events to end") { await subscriber.events.next() } == nil)
        #expect(try await within("the commands to end") { await router.incoming.next() } == nil)
        await #expect(throws: BusError.closed) { try await publisher.publish(type: "dm.late", payload: []) }
        await #expect(throws: BusError.closed) { try await dealer.send(frames: [[]]) }
        await #expect(throws: BusError.closed) { try await node.router(bindingTo: "tcp://127.0.0.1:*") }
        try await within("a second shutdown") { await node.shutdown() }
        withExtendedLifetime(refusing) {}
    }

    @Test func concurrentShutdownsAllReturn() async throws {
        let node = try BusNode(name: "concurrent")
        _ = try await node.router(bindingTo: "tcp://127.0.0.1:*")
        try await within("shutdowns") {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { await node.shutdown() } }
            }
        }
    }

    @Test func closingASocketEndsItsSequenceOnly() async throws {
        let node = try BusNode(name: "close")
        let router = try await node.router(bindingTo: "tcp://127.0.0.1:*")
        let dealer = try await node.dealer(connectingTo: router.boundEndpoint)
        let waiting = Task { await dealer.incoming.next() }
        await dealer.close()
        #expect(try await within("the waiting consumer") { await waiting.value } == nil)
        await #expect(throws: BusError.closed) { try await dealer.send(frames: [[]]) }
        await #expect(throws: BusError.unknownPeer) { try await router.send(to: "x".bytes, frames: [[]]) }
        await node.shutdown()
    }

    @Test func aWaitingConsumerCanBeCancelled() async throws {
        let node = try BusNode(name: "cancel")
        let router = try await node.router(bindingTo: "tcp://127.0.0.1:*")
        let waiting = Task { await router.incoming.next() }
        waiting.cancel()
        #expect(try await within("the cancelled consumer") { await waiting.value } == nil)
        await node.shutdown()
    }
}
