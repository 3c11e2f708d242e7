import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing

/// dmctl's bus tools and the pyzmq integrator example against a real dm-bus and a real command endpoint.
@Suite(.serialized) struct BusToolsTests {
    /// A Python 3 with pyzmq, or nil.
    static let python: String? = {
        for candidate in ["/usr/bin/python3", "python3"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [candidate, "-c", "import zmq"]
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return candidate }
        }
        return nil
    }()

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Stack {
        let directory: URL, xsub: String, xpub: String, router: String
        let bus: ChildProcess, receiver: ChildProcess
        func stop() {
            receiver.kill()
            bus.terminate()
        }
    }

    static func startStack() throws -> Stack {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bus-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ports = freePorts(3)
        let xsub = "tcp://127.0.0.1:\(ports[0])", xpub = "tcp://127.0.0.1:\(ports[1])", router = "tcp://127.0.0.1:\(ports[2])"
        let bus = try ChildProcess(
            "dm-bus", [], environment: ["DM_BUS_XSUB": xsub, "DM_BUS_XPUB": xpub, "DM_BUS_STATS_INTERVAL": "0", "DM_BUS_ADMIN_PORT": "0"],
            logDirectory: directory, label: "dm-bus")
        let receiver = try ChildProcess(
            "bus-test-peer",
            ["receiver", "--db", directory.appendingPathComponent("r.sqlite").path, "--router", router, "--xsub", xsub],
            logDirectory: directory, label: "receiver")
        return Stack(directory: directory, xsub: xsub, xpub: xpub, router: router, bus: bus, receiver: receiver)
    }

    /// Sends `count` commands through a short-lived sender, so the receiver publishes that many events.
    static func makeEvents(_ stack: Stack, count: Int) async throws {
        let sender = try ChildProcess(
            "bus-test-peer",
            ["sender", "--db", stack.directory.appendingPathComponent("s-\(UUID().uuidString).sqlite").path, "--target", stack.router,
             "--count", String(count), "--id-prefix", UUID().uuidString],
            logDirectory: stack.directory, label: "sender")
        #expect(await sender.waitForExit(timeout: .seconds(60)) == 0, "\(sender.log)")
    }

    @Test func tailPrintsEventsAndPingAnswers() async throws {
        let stack = try Self.startStack()
        defer { stack.stop() }
        let tail = try ChildProcess(
            "dmctl", ["bus", "tail", "--endpoint", stack.xpub, "--type", "dm.test.", "--count", "3", "--timeout", "60"],
            logDirectory: stack.directory, label: "tail")
        // Subscriptions take a moment to reach the proxy: keep making events until the tail has three.
        for _ in 0..<20 where tail.isRunning {
            try await Self.makeEvents(stack, count: 2)
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(await tail.waitForExit(timeout: .seconds(30)) == 0, "\(tail.log)")
        let lines = tail.log.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(lines.count == 3)
        for line in lines {
            let event = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(event?["specversion"] as? String == "1.0")
            #expect(event?["type"] as? String == "dm.test.command.applied")
        }

        let ping = try ChildProcess("dmctl", ["bus", "ping", stack.router], logDirectory: stack.directory, label: "ping")
        #expect(await ping.waitForExit(timeout: .seconds(30)) == 0, "\(ping.log)")
        #expect(ping.log.contains("bus-test-peer 0.1.0 instance receiver"))
    }

    @Test func pingFailsClearly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bus-ping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let nobody = "tcp://127.0.0.1:\(freePorts(1)[0])"
        let silent = try ChildProcess("dmctl", ["bus", "ping", nobody, "--timeout", "1"], logDirectory: directory, label: "silent")
        #expect(await silent.waitForExit(timeout: .seconds(30)) == 1)
        #expect(silent.log.contains("dmctl: no result for system.ping"))
        let unknown = try ChildProcess("dmctl", ["bus", "ping", "dm-nothing"], logDirectory: directory, label: "unknown")
        #expect(await unknown.waitForExit(timeout: .seconds(30)) == 2)
    }

    /// dm-bus and dm-session as processes on free loopback ports: the stack an integrator plugs into.
    struct SessionStack {
        let directory: URL, xpub: String, router: String, dm: URL, admin: String
        let bus: ChildProcess, session: ChildProcess
        func stop() {
            session.terminate()
            bus.terminate()
        }
    }

    static func startSessionStack() async throws -> SessionStack {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ports = freePorts(2)
        let xsub = "tcp://127.0.0.1:\(ports[0])", xpub = "tcp://127.0.0.1:\(ports[1])"
        let bus = try ChildProcess(
            "dm-bus", [], environment: ["DM_BUS_XSUB": xsub, "DM_BUS_XPUB": xpub, "DM_BUS_STATS_INTERVAL": "0", "DM_BUS_ADMIN_PORT": "0"],
            logDirectory: directory, label: "dm-bus")
        do {
            let session = try await SessionProcess.start(in: directory, environment: ["DM_SESSION_BUS_XSUB": xsub])
            return SessionStack(
                directory: directory, xpub: xpub, router: session.router, dm: session.dm, admin: session.admin, bus: bus,
                session: session.process)
        } catch {
            bus.terminate()
            throw error
        }
    }

    /// A device's package 1 without credentials: dm-session starts a session and challenges it (events
    /// `dm.session.session.started` and `dm.session.device.authentication-failed`).
    static func packageOne(device: String, session: Int, server: URL) -> Data {
        Data(
            """
            <SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>\
            <SessionID>\(session)</SessionID><MsgID>1</MsgID><Target><LocURI>\(server.absoluteString)</LocURI></Target>\
            <Source><LocURI>\(device)</LocURI></Source></SyncHdr><SyncBody>\
            <Alert><CmdID>1</CmdID><Data>1201</Data></Alert>\
            <Replace><CmdID>2</CmdID><Item><Source><LocURI>./DevInfo/DevId</LocURI></Source><Data>\(device)</Data></Item></Replace>\
            <Final/></SyncBody></SyncML>
            """.utf8)
    }

    @Test(.enabled(if: python != nil, "python3 with pyzmq is not installed (compose/stack test installs python3-zmq)"))
    func integratorExampleUsesOnlyTheDocumentedNames() async throws {
        let python = try #require(Self.python)
        let stack = try await Self.startSessionStack()
        defer { stack.stop() }
        let script = Self.repositoryRoot.appendingPathComponent("docs/examples/integrator.py").path
        let ping = try ChildProcess("/usr/bin/env", [python, script, "ping", stack.router], logDirectory: stack.directory, label: "py-ping", absolute: true)
        #expect(await ping.waitForExit(timeout: .seconds(30)) == 0, "\(ping.log)")
        let reply = try #require(ping.log.split(separator: "\n").first { $0.hasPrefix("{") })
        let object = try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any]
        #expect(object?["ok"] as? Bool == true)
        #expect((object?["data"] as? [String: Any])?["service"] as? String == "dm-session")

        let device = "IMEI:490154203237518"
        let add = try ChildProcess(
            "dmctl",
            ["devices", "add", "--admin", stack.admin, "--id", device, "--client-auth", "md5", "--client-name", "dev",
             "--client-secret", "devpass", "--server-id", "dm.example", "--server-auth", "md5", "--server-secret", "srvpass"],
            logDirectory: stack.directory, label: "devices-add")
        #expect(await add.waitForExit(timeout: .seconds(30)) == 0, "\(add.log)")

        let tail = try ChildProcess(
            "/usr/bin/env", [python, script, "tail", stack.xpub, "--type", "dm.session.", "--count", "2", "--timeout", "30"],
            logDirectory: stack.directory, label: "py-tail", absolute: true)
        // The subscription takes a moment to reach dm-bus: keep starting sessions until the tail has its events.
        var sessionNumber = 1
        while tail.isRunning && sessionNumber < 40 {
            var request = URLRequest(url: stack.dm)
            request.httpMethod = "POST"
            request.setValue("application/vnd.syncml.dm+xml", forHTTPHeaderField: "Content-Type")
            request.httpBody = Self.packageOne(device: device, session: sessionNumber, server: stack.dm)
            let (_, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            sessionNumber += 1
            try await Task.sleep(for: .milliseconds(300))
        }
        #expect(await tail.waitForExit(timeout: .seconds(30)) == 0, "\(tail.log)")
        let events = tail.log.split(separator: "\n").filter { $0.contains(#""type": "dm.session."#) }
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0.contains(#""source": "dm-session""#) })
    }
}
