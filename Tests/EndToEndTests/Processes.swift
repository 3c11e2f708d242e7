import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Programs of this build (they sit next to the test bundle in the build products folder), run as real
/// processes with their output collected in a log file.
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    let name: String
    let logURL: URL

    /// The build products folder.
    static let products: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [runner, runner.deletingLastPathComponent(), runner.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()] {
            if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("dmctl").path) { return candidate }
        }
        return runner
    }()

    /// Starts `executable` (a program of this build, or an absolute path when `absolute`).
    init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], logDirectory: URL, label: String,
        absolute: Bool = false
    ) throws {
        name = label
        logURL = logDirectory.appendingPathComponent("\(label).log")
        if !FileManager.default.fileExists(atPath: logURL.path) {
            FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        process.executableURL =
            absolute ? URL(fileURLWithPath: executable) : ChildProcess.products.appendingPathComponent(executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// kill -9.
    func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then wait.
    func terminate() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// Waits up to `timeout` for the process to exit; returns its status, or nil when it is still running.
    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }
}

/// Free TCP ports on 127.0.0.1, found by binding port 0.
func freePorts(_ count: Int) -> [Int] {
    var sockets: [Int32] = []
    var ports: [Int] = []
    for _ in 0..<count {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        ports.append(Int(UInt16(bigEndian: address.sin_port)))
        sockets.append(descriptor)
    }
    for descriptor in sockets { close(descriptor) }
    return ports
}

/// A dm-session process on free loopback ports with its data under `directory`, once its `/readyz` answers 200.
struct SessionProcess {
    let process: ChildProcess
    /// Where devices post, e.g. `http://127.0.0.1:PORT/dm`.
    let dm: URL
    /// The admin REST API, e.g. `http://127.0.0.1:PORT`.
    let admin: String
    /// Its command ROUTER.
    let router: String

    /// Starts it; `environment` adds settings (e.g. the bus's XSUB endpoint).
    static func start(in directory: URL, environment: [String: String] = [:]) async throws -> SessionProcess {
        let ports = freePorts(3)
        let router = "tcp://127.0.0.1:\(ports[2])"
        let process = try ChildProcess(
            "dm-session", [],
            environment: [
                "DM_SESSION_HTTP_PORT": String(ports[0]), "DM_SESSION_ADMIN_PORT": String(ports[1]),
                "DM_SESSION_DATA_DIRECTORY": directory.appendingPathComponent("session").path,
                "DM_SESSION_BUS_ROUTER": router,
            ].merging(environment) { $1 },
            logDirectory: directory, label: "dm-session")
        let session = SessionProcess(
            process: process, dm: URL(string: "http://127.0.0.1:\(ports[0])/dm")!, admin: "http://127.0.0.1:\(ports[1])",
            router: router)
        for _ in 0..<300 {
            if let url = URL(string: session.admin + "/readyz"), let (_, response) = try? await URLSession.shared.data(from: url),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return session
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw StartFailure(description: "dm-session did not become ready: \(process.log)")
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }
}
