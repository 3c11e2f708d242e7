import Bus
import Testing

@Suite struct BusProxyTests {
    static let loopback = BusProxyConfiguration(frontend: "tcp://127.0.0.1:*", backend: "tcp://127.0.0.1:*")

    @Test func boundEndpointsResolveTheWildcardPort() async throws {
        let proxy = try await BusProxy.start(Self.loopback)
        #expect(proxy.frontendEndpoint.hasPrefix("tcp://127.0.0.1:"))
        #expect(!proxy.frontendEndpoint.hasSuffix(":*"))
        #expect(proxy.backendEndpoint != proxy.frontendEndpoint)
        await proxy.stop()
    }

    @Test func eventsFromOnePublisherArriveInOrder() async throws {
        let proxy = try await BusProxy.start(Self.loopback)
        let node = try BusNode(name: "pubsub")
        let publisher = try await node.publisher(connectingTo: proxy.frontendEndpoint)
        let subscriber = try await node.subscriber(connectingTo: proxy.backendEndpoint, prefixes: ["dm.test."])
        try await awaitSubscription(subscriber, from: publisher, probeType: "dm.test.probe")

        let count = 1000
        for index in 0..<count {
            try await publisher.publish(type: "dm.test.sequence", payload: String(index).bytes)
        }
        for index in 0..<count {
            let event = try await nextEvent(subscriber, skipping: "dm.test.probe")
            #expect(event.type == "dm.test.sequence")
            #expect(event.payload == String(index).bytes)
        }

        let statistics = try await proxy.statistics()
        #expect(statistics.eventsIn >= UInt64(count))
        #expect(statistics.eventsOut >= UInt64(count))
        #expect(statistics.subscriptionMessages >= 1)
        #expect(statistics.frontendBytesReceived >= UInt64(count * "dm.test.sequence".utf8.count))
        await node.shutdown()
        await proxy.stop()
    }

    @Test func subscribersReceiveOnlyTheirPrefixes() async throws {
        let proxy = try await BusProxy.start(Self.loopback)
        let node = try BusNode(name: "prefixes")
        let publisher = try await node.publisher(connectingTo: proxy.frontendEndpoint)
        let subscriber = try await node.subscriber(connectingTo: proxy.backendEndpoint, prefixes: ["dm.a."])
        try await awaitSubscription(subscriber, from: publisher, probeType: "dm.a.probe")

        // One publisher's events keep their order, so the first one through shows what was filtered before it.
        try await publisher.publish(type: "dm.b.created", payload: [1])
        try await publisher.publish(type: "dm.ab.created", payload: [2])
        try await publisher.publish(type: "dm.a.created", payload: [3])
        #expect(try await nextEvent(subscriber, skipping: "dm.a.probe") == EventFrames(type: "dm.a.created", payload: [3]))

        // A prefix added at run time.
        try await subscriber.subscribe("dm.b.")
        try await awaitSubscription(subscriber, from: publisher, probeType: "dm.b.probe")
        try await publisher.publish(type: "dm.b.updated", payload: [4])
        #expect(try await nextEvent(subscriber, skipping: "dm.b.probe") == EventFrames(type: "dm.b.updated", payload: [4]))

        // And one removed: the SUB socket filters on its own subscriptions at once.
        try await subscriber.unsubscribe("dm.a.")
        try await publisher.publish(type: "dm.a.updated", payload: [5])
        try await publisher.publish(type: "dm.b.deleted", payload: [6])
        #expect(try await nextEvent(subscriber, skipping: "dm.b.probe") == EventFrames(type: "dm.b.deleted", payload: [6]))
        await node.shutdown()
        await proxy.stop()
    }

    @Test func pauseAndResumeKeepTheProxyWorking() async throws {
        let proxy = try await BusProxy.start(Self.loopback)
        let node = try BusNode(name: "steer")
        let publisher = try await node.publisher(connectingTo: proxy.frontendEndpoint)
        let subscriber = try await node.subscriber(connectingTo: proxy.backendEndpoint, prefixes: ["dm."])
        try await proxy.pause()
        try await proxy.resume()
        try await awaitSubscription(subscriber, from: publisher, probeType: "dm.probe")
        await node.shutdown()
        await proxy.stop()
    }

    @Test func stopEndsTheProxy() async throws {
        let proxy = try await BusProxy.start(Self.loopback)
        _ = try await proxy.statistics()
        try await within("the proxy to stop") { await proxy.stop() }
        #expect(proxy.hasStopped)
        await #expect(throws: BusError.closed) { try await proxy.statistics() }
        await #expect(throws: BusError.closed) { try await proxy.pause() }
        await proxy.stop()
    }

    @Test func aSecondProxyOnTheSameEndpointFails() async throws {
        let proxy = try await BusProxy.start(Self.loopback)
        let clash = BusProxyConfiguration(frontend: proxy.frontendEndpoint, backend: "tcp://127.0.0.1:*")
        await #expect(throws: BusError.invalidEndpoint) { try await BusProxy.start(clash) }
        await proxy.stop()
    }
}
