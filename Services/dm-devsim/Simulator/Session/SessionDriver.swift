public import SyncML

/// What one session did: how it ended, how many messages it took and how long.
public struct SessionResult: Sendable {
    public var outcome: SessionOutcome
    public var messages: Int
    public var commandsExecuted: Int
    /// Wall time of the whole session in nanoseconds.
    public var nanoseconds: UInt64
}

/// Runs a ``ClientSession`` over a ``DMTransport``: posts each message, feeds back each response, applies the
/// device's injected faults (slow device, dropped connection).
public struct SessionDriver: Sendable {
    public var transport: any DMTransport
    public var serverAuthPolicy: ServerAuthPolicy
    /// The most messages one session may take before the driver gives up (a server that never closes).
    public var maxMessages: Int

    public init(transport: any DMTransport, serverAuthPolicy: ServerAuthPolicy = .ifPresent, maxMessages: Int = 200) {
        self.transport = transport
        self.serverAuthPolicy = serverAuthPolicy
        self.maxMessages = maxMessages
    }

    /// Runs one session and returns the device as it ends it.
    /// - Parameters:
    ///   - random: decides the injected drops; seeded by the caller so that a run repeats.
    public func run(
        device: SimulatedDevice, trigger: SessionTrigger, encoding: SyncMLEncoding? = nil,
        random: inout some RandomNumberGenerator
    ) async -> (device: SimulatedDevice, result: SessionResult) {
        let start = ContinuousClock.now
        var session = ClientSession(device: device, trigger: trigger, serverAuthPolicy: serverAuthPolicy, encoding: encoding)
        var step = session.start()
        var count = 0
        while case .send(let outgoing) = step {
            count += 1
            if count > maxMessages {
                step = .finished(.protocolError("more than \(maxMessages) messages"))
                break
            }
            if device.failures.slowMilliseconds > 0 {
                try? await Task.sleep(for: .milliseconds(device.failures.slowMilliseconds))
            }
            let drop: Int? =
                device.failures.dropConnection > 0 && Double.random(in: 0..<1, using: &random) < device.failures.dropConnection
                ? outgoing.body.count / 2 : nil
            do {
                let response = try await transport.post(
                    url: outgoing.url, body: outgoing.body, contentType: outgoing.contentType,
                    hmacHeader: outgoing.hmacHeader, dropAfter: drop)
                guard response.status == 200 else {
                    step = .finished(.transportError("HTTP \(response.status)"))
                    break
                }
                step = session.receive(IncomingMessage(body: response.body, hmacHeader: response.hmacHeader))
            } catch {
                step = .finished(.transportError(String(describing: error)))
            }
        }
        guard case .finished(let outcome) = step else { fatalError("unreachable") }
        let elapsed = ContinuousClock.now - start
        let nanos = UInt64(elapsed.components.seconds) * 1_000_000_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000)
        return (
            session.device,
            SessionResult(
                outcome: outcome, messages: count, commandsExecuted: session.commandsExecuted, nanoseconds: nanos)
        )
    }
}
