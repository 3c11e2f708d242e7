import Foundation
import GRDB
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Testing

@testable import ServiceKit

#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
    import Darwin
    private let streamSocket = SOCK_STREAM
#endif

@Suite("Lifecycle")
struct LifecycleTests {
    /// Reads the migrated table when it starts (failing if the schema is not there yet), reports that it runs,
    /// waits for graceful shutdown, then persists its in-flight work.
    struct Worker: Service {
        let store: ServiceStore
        let started: AsyncStream<Int>.Continuation

        func run() async throws {
            let pending: Int
            do {
                pending = try await store.writer.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM work") ?? 0
                }
            } catch {
                started.finish()
                throw error
            }
            started.yield(pending)
            try await gracefulShutdown()
            try await store.writer.write { db in
                try db.execute(sql: "INSERT INTO work (note) VALUES ('persisted on shutdown')")
            }
        }
    }

    @Test("A graceful shutdown stops the admin server and lets services persist their work; serve returns normally")
    func gracefulShutdownOfTheGroup() async throws {
        var store = try ServiceStore.inMemory()
        store.migrator.registerMigration("v1: work") { db in
            try db.create(table: "work") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("note", .text).notNull()
            }
        }
        let collector = LineCollector()
        let settings = ServiceConfiguration(
            service: "fumo", admin: AdminServerConfiguration(host: "127.0.0.1", port: 0),
            shutdownTimeout: .seconds(600))
        var host = ServiceHost(
            configuration: settings, telemetry: makeTestTelemetry(collector: collector), store: store)
        let (started, startedContinuation) = AsyncStream.makeStream(of: Int.self)
        host.addService(Worker(store: store, started: startedContinuation))
        let app = host.makeApplication(router: host.makeAdminRouter())
        let logger = host.logger

        try await testGracefulShutdown { trigger in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await ServiceMain.serve([app], configuration: settings, logger: logger)
                }
                var iterator = started.makeAsyncIterator()
                let pending = await iterator.next()
                #expect(pending == 0)
                trigger.triggerGracefulShutdown()
                try await group.waitForAll()
            }
        }

        let notes = try await store.writer.read { db in try String.fetchAll(db, sql: "SELECT note FROM work") }
        #expect(notes == ["persisted on shutdown"])
        let messages = collector.lines
        #expect(messages.contains { $0.contains(#"msg="migrations applied""#) })
        #expect(messages.last?.contains(#"msg="service stopped""#) == true)
    }

    final class ProbeState: Sendable {
        let ranWithGateOpen = Mutex<Bool?>(nil)
    }

    @Test("A registered service waits for the gate (the migrations) before it runs")
    func gatedServiceWaits() async throws {
        let gate = StartupGate()
        let state = ProbeState()
        let task = Task {
            try await GatedService(gate: gate, base: ProbeService(gate: gate, state: state)).run()
        }
        await waitUntilWaitingOrRan(gate, state)
        #expect(state.ranWithGateOpen.withLock { $0 } == nil)
        gate.open()
        try await task.value
        #expect(state.ranWithGateOpen.withLock { $0 } == true)
        try await GatedService(gate: gate, base: ProbeService(gate: gate, state: state)).run()
    }

    @Test("Cancelling a service that waits for the gate ends it without running it")
    func gatedServiceCancelled() async throws {
        let gate = StartupGate()
        let state = ProbeState()
        let task = Task {
            try await GatedService(gate: gate, base: ProbeService(gate: gate, state: state)).run()
        }
        await waitUntilWaitingOrRan(gate, state)
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(state.ranWithGateOpen.withLock { $0 } == nil)
        #expect(gate.waiterCount == 0)
    }

    @Test("A graceful shutdown while a service waits for the gate ends it without running it")
    func gatedServiceShutDown() async throws {
        let gate = StartupGate()
        let state = ProbeState()
        try await testGracefulShutdown { trigger in
            let task = Task {
                try await GatedService(gate: gate, base: ProbeService(gate: gate, state: state)).run()
            }
            await waitUntilWaitingOrRan(gate, state)
            trigger.triggerGracefulShutdown()
            try await task.value
        }
        #expect(state.ranWithGateOpen.withLock { $0 } == nil)
    }

    /// Yields until the gated service either waits at the gate or (were the gate broken) has already run.
    func waitUntilWaitingOrRan(_ gate: StartupGate, _ state: ProbeState) async {
        while gate.waiterCount == 0 && state.ranWithGateOpen.withLock({ $0 }) == nil {
            await Task.yield()
        }
    }

    struct ProbeService: Service {
        let gate: StartupGate
        let state: ProbeState

        func run() async throws {
            let isOpen = gate.isOpen
            state.ranWithGateOpen.withLock { $0 = isOpen }
        }
    }

    @Test("The identity reports the stack version, the executable name and a growing uptime")
    func identity() {
        let start = ContinuousClock.now
        let identity = ServiceIdentity(service: "session", instanceID: "session-a", startInstant: start)
        #expect(identity.executableName == "dm-session")
        #expect(identity.version == "0.1.0")
        #expect(identity.uptime(at: start + .milliseconds(1500)) == .milliseconds(1500))
        #expect(identity.uptimeSeconds(at: start + .milliseconds(1500)) == 1.5)
        #expect(identity.uptime(at: start - .seconds(1)) == .zero)
    }
}

@Suite("Start-up failures")
struct StartupFailureTests {
    @Test("serve fails (so main exits 1) when the admin port is already taken")
    func adminPortTaken() async throws {
        let listener = try LoopbackListener()
        defer { listener.close() }
        let settings = ServiceConfiguration(
            service: "fumo", admin: AdminServerConfiguration(host: "127.0.0.1", port: listener.port))
        let host = ServiceHost(configuration: settings, telemetry: makeTestTelemetry(), store: nil)
        let app = host.makeApplication(router: host.makeAdminRouter())
        let error = await #expect(throws: (any Error).self) {
            try await ServiceMain.serve([app], configuration: settings, logger: host.logger)
        }
        #expect(String(describing: error).contains("Address already in use"))
    }
}

/// A TCP socket listening on 127.0.0.1 at a port the system picks, to occupy that port.
struct LoopbackListener {
    let descriptor: Int32
    let port: Int

    struct Failure: Error {}

    init() throws {
        let descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { throw Failure() }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && listen(descriptor, 1) == 0
                    && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else {
            closeDescriptor(descriptor)
            throw Failure()
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        closeDescriptor(descriptor)
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
