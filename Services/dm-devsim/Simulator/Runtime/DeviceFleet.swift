public import Logging
import Notification
import SyncML

/// The simulated devices of a process and what they do on their own: sessions (client-initiated, after a
/// notification, to report a Generic Alert), the operations they accepted, persistence after each session.
///
/// Sessions of one device never overlap; a trigger that arrives during a session is kept and run after it.
public actor DeviceFleet {
    public private(set) var devices: [String: SimulatedDevice] = [:]
    private var byMSISDN: [String: String] = [:]
    private var order: [String] = []
    private var busy: Set<String> = []
    private var rerun: [String: SessionTrigger] = [:]
    private let driver: SessionDriver
    private let runner: EnablerRunner
    private let store: (any DeviceStoring)?
    private let started = ContinuousClock.now
    private var random: SeededRandom
    private let logger: Logger
    /// Sessions started, finished and their outcomes by kind.
    public private(set) var outcomes: [String: Int] = [:]
    /// The last notification session IDs per device (a repeated trigger starts one session).
    private var notified: [String: String] = [:]
    private var slots: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// - Parameters:
    ///   - maxConcurrentSessions: sessions running at once across the fleet (a broadcast does not open 10,000
    ///     connections at once).
    public init(
        devices: [SimulatedDevice], driver: SessionDriver, runner: EnablerRunner, store: (any DeviceStoring)? = nil,
        seed: UInt64 = 1, maxConcurrentSessions: Int = 64, logger: Logger = Logger(label: "dm-devsim")
    ) {
        self.driver = driver
        self.runner = runner
        self.store = store
        self.random = SeededRandom(seed: seed ^ 0x5EED)
        self.logger = logger
        self.slots = max(1, maxConcurrentSessions)
        for device in devices {
            self.devices[device.deviceID] = device
            byMSISDN[device.identity.msisdn] = device.deviceID
            order.append(device.deviceID)
        }
    }

    /// Device ids in creation order.
    public var deviceIDs: [String] { order }

    public func device(_ id: String) -> SimulatedDevice? { devices[id] ?? byMSISDN[id].flatMap { devices[$0] } }

    /// The device id a phone number belongs to.
    public func deviceID(msisdn: String) -> String? { byMSISDN[msisdn] }

    /// Queues a Generic Alert on a device (sent in its next session).
    public func queueAlert(_ alert: PendingAlert, on id: String) {
        devices[id]?.pendingAlerts.append(alert)
    }

    /// Runs a session now (waiting for a running one to finish first is not done: the trigger is queued and
    /// nil returned). After the session the device runs the operations it accepted and, if it then owes Generic
    /// Alerts, reports them in a new client-initiated session.
    @discardableResult
    public func runSession(_ id: String, trigger: SessionTrigger = .clientInitiated) async -> SessionResult? {
        guard var device = devices[id] else { return nil }
        if isOffline(device) {
            outcomes["offline", default: 0] += 1
            return nil
        }
        if busy.contains(id) {
            rerun[id] = trigger
            return nil
        }
        busy.insert(id)
        await acquire()
        var sessionRandom = SeededRandom(seed: random.next())
        var last: SessionResult?
        var currentTrigger = trigger
        for _ in 0..<4 {
            let (after, result) = await driver.run(device: device, trigger: currentTrigger, random: &sessionRandom)
            device = after
            last = result
            outcomes[result.outcome.kind, default: 0] += 1
            if !result.outcome.isSuccess {
                logger.info(
                    "session failed",
                    metadata: ["dm.device.id": "\(id)", "dm.session.outcome": "\(result.outcome)"])
            }
            if !device.pendingOperations.isEmpty {
                await runner.runPending(on: &device)
            }
            guard result.outcome.isSuccess, !device.pendingAlerts.isEmpty else { break }
            currentTrigger = .clientInitiated
        }
        devices[id] = device
        release()
        busy.remove(id)
        if let store { try? await store.save(device) }
        if let again = rerun.removeValue(forKey: id) {
            Task { await self.runSession(id, trigger: again) }
        }
        return last
    }

    /// Handles a Package #0 for a device (by device id or MSISDN): checks the server identity and digest with
    /// the device's server credentials (also the resynchronisation nonce), then starts a session with the
    /// notification's session ID as the UI mode and the user policy allow.
    /// - Returns: what happened, for the push endpoint's answer and the logs.
    @discardableResult
    public func notify(_ id: String, packageZero bytes: [UInt8]) async -> NotificationVerdict {
        guard let deviceID = devices[id] != nil ? id : byMSISDN[id], let device = devices[deviceID] else {
            return .unknownDevice
        }
        if isOffline(device) { return .offline }
        let package: PackageZero
        do {
            package = try PackageZero.decode(bytes)
        } catch {
            return .malformed(String(describing: error))
        }
        guard let account = DMAccountView(tree: device.tree), account.serverID == package.serverID else {
            return .wrongServer
        }
        let nonce = Base64.encode(account.serverNonce)
        guard package.matchingNonceForm(password: account.serverSecret, nonceBase64: nonce, forms: [.decoded, .resyncZeroBytes]) != nil
        else { return .badDigest }
        if package.uiMode == .userInteraction && (device.failures.userRejects || device.uiPolicy.response == .reject) {
            return .userRejected
        }
        let sessionID = package.sessionIDHex
        if notified[deviceID] == sessionID, busy.contains(deviceID) { return .duplicate }
        notified[deviceID] = sessionID
        Task { await self.runSession(deviceID, trigger: .serverInitiated(sessionID: sessionID)) }
        return .sessionStarted(sessionID: sessionID)
    }

    /// Replaces the stored devices with those of a store (restart).
    public func adopt(_ stored: [SimulatedDevice]) {
        for device in stored {
            if devices[device.deviceID] == nil { order.append(device.deviceID) }
            devices[device.deviceID] = device
            byMSISDN[device.identity.msisdn] = device.deviceID
        }
    }

    /// Saves every device.
    public func saveAll() async throws {
        guard let store else { return }
        try await store.saveAll(order.compactMap { devices[$0] })
    }

    private func isOffline(_ device: SimulatedDevice) -> Bool {
        device.failures.offlineSeconds > 0 && ContinuousClock.now - started < .seconds(device.failures.offlineSeconds)
    }

    private func acquire() async {
        if slots > 0 {
            slots -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            slots += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}

/// What a device did with a notification.
public enum NotificationVerdict: Sendable, Hashable {
    case sessionStarted(sessionID: String)
    case unknownDevice
    case offline
    case malformed(String)
    case wrongServer
    case badDigest
    case userRejected
    case duplicate

    public var name: String {
        switch self {
        case .sessionStarted: "session-started"
        case .unknownDevice: "unknown-device"
        case .offline: "offline"
        case .malformed: "malformed"
        case .wrongServer: "wrong-server"
        case .badDigest: "bad-digest"
        case .userRejected: "user-rejected"
        case .duplicate: "duplicate"
        }
    }
}
