import Bus
import Testing

@Suite struct CurveTests {
    @Test func curveIsAvailable() throws {
        _ = try CurveKeyPair.generate()
    }

    @Test func routerAcceptsAListedDealerAndRefusesAnUnknownOne() async throws {
        let serverKeys = try CurveKeyPair.generate()
        let friendKeys = try CurveKeyPair.generate()
        let strangerKeys = try CurveKeyPair.generate()
        let node = try BusNode(name: "curve-router")
        let router = try await node.router(
            bindingTo: "tcp://127.0.0.1:*",
            security: CurveServerSecurity(keyPair: serverKeys, allowedClientKeys: [friendKeys.publicKey]))

        let friend = try await node.dealer(
            connectingTo: router.boundEndpoint, routingID: "friend".bytes,
            security: CurveClientSecurity(keyPair: friendKeys, serverPublicKey: serverKeys.publicKey))
        try await sendWhenConnected(friend, ["system.ping".bytes])
        let message = try await within("the listed dealer's command") { try #require(await router.incoming.next()) }
        #expect(message.peer == "friend".bytes)
        #expect(message.clientKey == friendKeys.publicKey)
        try await router.send(to: message.peer, frames: ["ack".bytes])
        #expect(try await within("the reply") { await friend.incoming.next() } == ["ack".bytes])

        // The stranger queues without waiting for a handshake, so its commands would flow if it were let in.
        var options = BusSocketOptions.dealer
        options.immediate = false
        let stranger = try await node.dealer(
            connectingTo: router.boundEndpoint, routingID: "stranger".bytes,
            security: CurveClientSecurity(keyPair: strangerKeys, serverPublicKey: serverKeys.publicKey),
            options: options)
        // Under load the refusal can come before this send, and then the dealer has no pipe to queue on.
        do {
            try await stranger.send(frames: ["system.ping".bytes])
        } catch let error as BusError where error == .wouldBlock {}
        try await eventually("the ZAP handler to refuse the stranger") {
            node.authenticationCounts.refused >= 1 ? true : nil
        }
        // The listed dealer still gets through, and nothing from the stranger is waiting before or after it.
        try await sendWhenConnected(friend, ["second".bytes])
        let next = try await within("the listed dealer's second command") {
            try #require(await router.incoming.next())
        }
        #expect(next.peer == "friend".bytes)
        await #expect(throws: TimedOut.self) {
            try await within("a message from the stranger", limit: .seconds(1)) { await router.incoming.next() }
        }
        #expect(node.authenticationCounts.accepted >= 1)
        await node.shutdown()
    }

    @Test func proxyWithCurveOnBothSides() async throws {
        let busKeys = try CurveKeyPair.generate()
        let publisherKeys = try CurveKeyPair.generate()
        let subscriberKeys = try CurveKeyPair.generate()
        let strangerKeys = try CurveKeyPair.generate()
        let security = try CurveServerSecurity(
            keyPair: busKeys, allowedClientKeys: [publisherKeys.publicKey, subscriberKeys.publicKey])
        let proxy = try await BusProxy.start(
            BusProxyConfiguration(
                frontend: "tcp://127.0.0.1:*", backend: "tcp://127.0.0.1:*", frontendSecurity: security,
                backendSecurity: security))
        let node = try BusNode(name: "curve-pubsub")
        let publisher = try await node.publisher(
            connectingTo: proxy.frontendEndpoint,
            security: CurveClientSecurity(keyPair: publisherKeys, serverPublicKey: busKeys.publicKey))
        let subscriber = try await node.subscriber(
            connectingTo: proxy.backendEndpoint, prefixes: ["dm."],
            security: CurveClientSecurity(keyPair: subscriberKeys, serverPublicKey: busKeys.publicKey))
        let stranger = try await node.subscriber(
            connectingTo: proxy.backendEndpoint, prefixes: ["dm."],
            security: CurveClientSecurity(keyPair: strangerKeys, serverPublicKey: busKeys.publicKey))

        try await awaitSubscription(subscriber, from: publisher, probeType: "dm.probe")
        try await eventually("the ZAP handler to refuse the stranger") {
            proxy.authenticationCounts.refused >= 1 ? true : nil
        }
        try await publisher.publish(type: "dm.session.command.completed", payload: [42])
        #expect(
            try await nextEvent(subscriber, skipping: "dm.probe")
                == EventFrames(type: "dm.session.command.completed", payload: [42]))
        await #expect(throws: TimedOut.self) {
            try await within("an event for the stranger", limit: .seconds(1)) { await stranger.events.next() }
        }
        #expect(proxy.authenticationCounts.accepted >= 2)
        await node.shutdown()
        await proxy.stop()
    }

    @Test func aClientWithTheWrongServerKeyGetsNothing() async throws {
        let serverKeys = try CurveKeyPair.generate()
        let clientKeys = try CurveKeyPair.generate()
        let node = try BusNode(name: "curve-wrong-server")
        let router = try await node.router(
            bindingTo: "tcp://127.0.0.1:*",
            security: CurveServerSecurity(keyPair: serverKeys, allowedClientKeys: [clientKeys.publicKey]))
        var options = BusSocketOptions.dealer
        options.immediate = false
        let dealer = try await node.dealer(
            connectingTo: router.boundEndpoint,
            security: CurveClientSecurity(keyPair: clientKeys, serverPublicKey: CurveKeyPair.generate().publicKey),
            options: options)
        try await dealer.send(frames: ["x".bytes])
        await #expect(throws: TimedOut.self) {
            try await within("a message through a failed handshake", limit: .seconds(1)) {
                await router.incoming.next()
            }
        }
        await node.shutdown()
    }
}
