import Bus
import Testing

@Suite struct CommandRoutingTests {
    @Test func dealerRouterRoundTripWithRoutingIDs() async throws {
        let node = try BusNode(name: "routing")
        let router = try await node.router(bindingTo: "tcp://127.0.0.1:*")
        let first = try await node.dealer(connectingTo: router.boundEndpoint, routingID: "dealer-1".bytes)
        let second = try await node.dealer(connectingTo: router.boundEndpoint, routingID: "dealer-2".bytes)

        try await sendWhenConnected(first, ["system.ping".bytes, "{\"n\":1}".bytes])
        try await sendWhenConnected(second, ["system.ping".bytes, "{\"n\":2}".bytes])
        var received: [RoutedMessage] = []
        for _ in 0..<2 {
            received.append(try await within("a command") { try #require(await router.incoming.next()) })
        }
        #expect(Set(received.map(\.peer)) == ["dealer-1".bytes, "dealer-2".bytes])
        for message in received {
            #expect(message.frames.first == "system.ping".bytes)
            #expect(message.clientKey == nil)
            try await router.send(to: message.peer, frames: ["result".bytes, message.peer])
        }

        let firstReply = try await within("the first reply") { try #require(await first.incoming.next()) }
        let secondReply = try await within("the second reply") { try #require(await second.incoming.next()) }
        #expect(firstReply == ["result".bytes, "dealer-1".bytes])
        #expect(secondReply == ["result".bytes, "dealer-2".bytes])
        await node.shutdown()
    }

    @Test func aDealerWithoutRoutingIDGetsOneFromTheRouter() async throws {
        let node = try BusNode(name: "anonymous")
        let router = try await node.router(bindingTo: "tcp://127.0.0.1:*")
        let dealer = try await node.dealer(connectingTo: router.boundEndpoint)
        try await sendWhenConnected(dealer, ["hello".bytes])
        let message = try await within("a command") { try #require(await router.incoming.next()) }
        #expect(!message.peer.isEmpty)
        #expect(message.frames == ["hello".bytes])
        try await router.send(to: message.peer, frames: ["back".bytes, []])
        #expect(try await within("the reply") { await dealer.incoming.next() } == ["back".bytes, []])
        await node.shutdown()
    }

    @Test func routerSendToAnUnknownPeerFails() async throws {
        let node = try BusNode(name: "mandatory")
        let router = try await node.router(bindingTo: "tcp://127.0.0.1:*")
        await #expect(throws: BusError.unknownPeer) {
            try await router.send(to: "nobody".bytes, frames: ["result".bytes])
        }
        await node.shutdown()
    }

    @Test func aMessageWithoutFramesIsRefused() async throws {
        let node = try BusNode(name: "no-frames")
        let router = try await node.router(bindingTo: "tcp://127.0.0.1:*")
        let dealer = try await node.dealer(connectingTo: router.boundEndpoint)
        await #expect(throws: BusError.invalidMessage) { try await dealer.send(frames: []) }
        await node.shutdown()
    }

    @Test func dealerSendWithoutARouterReportsWouldBlock() async throws {
        let node = try BusNode(name: "immediate")
        let nowhere = try RefusingPort()
        let dealer = try await node.dealer(connectingTo: nowhere.endpoint)
        await #expect(throws: BusError.wouldBlock) { try await dealer.send(frames: ["x".bytes]) }
        await node.shutdown()
        withExtendedLifetime(nowhere) {}
    }

    @Test func aSlowConsumerLosesNothingBetweenDealerAndRouter() async throws {
        let node = try BusNode(name: "backpressure")
        var options = BusSocketOptions.router
        options.receiveBuffer = 4
        let router = try await node.router(bindingTo: "tcp://127.0.0.1:*", options: options)
        let dealer = try await node.dealer(connectingTo: router.boundEndpoint, routingID: "bulk".bytes)
        let count = 300
        try await sendWhenConnected(dealer, [String(0).bytes])
        for index in 1..<count { try await sendWhenConnected(dealer, [String(index).bytes]) }
        for index in 0..<count {
            let message = try await within("message \(index)") { try #require(await router.incoming.next()) }
            #expect(message.frames == [String(index).bytes])
            #expect(router.incoming.pendingCount <= router.incoming.capacity)
        }
        await node.shutdown()
    }
}
