import Foundation
import GRDB
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Whole DM sessions between the two real programs: dm-devsim's devices against dm-session, in XML and WBXML, for
/// each client authentication scheme (the server authenticates itself with MD5). Devices are registered from
/// dm-devsim's import file with `dmctl devices import`; commands queued with `dmctl session enqueue` reach the
/// device and their results and the tree come back through `dmctl`.
@Suite(.serialized) struct DeviceSessionTests {
    static func run(_ name: String, _ arguments: [String], in directory: URL, label: String) async throws -> String {
        let child = try ChildProcess(name, arguments, logDirectory: directory, label: label)
        let status = await child.waitForExit(timeout: .seconds(120))
        #expect(status == 0, "\(label): \(child.log)")
        return child.log
    }

    struct Summary: Decodable {
        struct Report: Decodable {
            var sessions: Int
            var succeeded: Int
            var errors: [String: Int]
        }
        var type: String
        var report: Report
    }

    @Test(arguments: ["basic", "md5", "hmac"], [false, true])
    func wholeSessionsWithQueuedCommands(clientAuth: String, wbxml: Bool) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("devsim-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try await SessionProcess.start(in: directory)
        defer { session.process.terminate() }
        let server = session.dm.absoluteString, admin = session.admin

        let profile = directory.appendingPathComponent("profile.yaml")
        try "auth: { \(clientAuth): 100 }\nserverAuth: md5\n".write(to: profile, atomically: true, encoding: .utf8)
        let devicesFile = directory.appendingPathComponent("devices.jsonl")
        let seed = "4\(clientAuth.count)\(wbxml ? 1 : 0)"
        let simulator = ["--server", server, "--devices", "3", "--seed", seed, "--profile", profile.path]
            + (wbxml ? ["--wbxml"] : [])
        _ = try await Self.run("dm-devsim", ["devices"] + simulator + ["--import-to", devicesFile.path], in: directory, label: "devices")
        let imported = try await Self.run(
            "dmctl", ["devices", "import", devicesFile.path, "--admin", admin], in: directory, label: "import")
        #expect(imported.contains("imported 3 devices"))
        let firstLine = try #require(try String(contentsOf: devicesFile, encoding: .utf8).split(separator: "\n").first)
        let device = try #require(
            (try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any])?["id"] as? String)

        _ = try await Self.run(
            "dmctl", ["session", "enqueue", "--device", device, "get", "./DevInfo/Mod", "--admin", admin],
            in: directory, label: "enqueue-get")
        _ = try await Self.run(
            "dmctl",
            ["session", "enqueue", "--device", device, "replace", "./FwUpdate/x1/PkgName", "--value", "fw-2.0",
             "--admin", admin],
            in: directory, label: "enqueue-replace")

        // Every device runs sessions until 9 have completed; the first device's session carries the commands.
        let load = try await Self.run(
            "dm-devsim", ["load"] + simulator + ["--concurrency", "2", "--sessions", "9", "--json"], in: directory,
            label: "load")
        let summaryLine = try #require(load.split(separator: "\n").last { $0.contains(#""summary""#) })
        let summary = try JSONDecoder().decode(Summary.self, from: Data(summaryLine.utf8))
        #expect(summary.report.sessions == 9)
        #expect(summary.report.succeeded == 9, "errors: \(summary.report.errors)")

        let results = try await Self.run(
            "dmctl", ["session", "results", "--device", device, "--admin", admin], in: directory, label: "results")
        #expect(results.contains("get ./DevInfo/Mod\tcompleted\t200"), "\(results)")
        #expect(results.contains("replace ./FwUpdate/x1/PkgName\tcompleted\t200"), "\(results)")
        let tree = try await Self.run(
            "dmctl", ["tree", "show", "--device", device, "--admin", admin], in: directory, label: "tree")
        #expect(tree.contains("./FwUpdate/x1/PkgName = fw-2.0"))
        #expect(tree.contains("./DevInfo/Man = Acme Devices"))
    }

    /// A firmware update by hand: Replace PkgURL and Exec DownloadAndUpdate queued in dm-session; the simulated
    /// device fetches the package from an HTTP server (Python's http.server here), installs it and reports Generic
    /// Alert 1226 with result 200 and the Correlator in its next session, which dm-session publishes.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 is not installed"))
    func firmwareUpdateReportsGenericAlertWithCorrelator() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fumo-e2e-\(UUID().uuidString)")
        let www = directory.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: www.appendingPathComponent("fw.bin"))
        let ports = freePorts(3)
        let packages = try ChildProcess(
            "/usr/bin/python3", ["-m", "http.server", String(ports[0]), "--bind", "127.0.0.1", "--directory", www.path],
            logDirectory: directory, label: "http", absolute: true)
        // SIGKILL: the test process ignores SIGTERM (its ServiceGroups do) and children inherit that.
        defer { packages.kill() }
        let session = try await SessionProcess.start(in: directory)
        defer { session.process.terminate() }
        let server = session.dm.absoluteString, admin = session.admin
        let devicesFile = directory.appendingPathComponent("devices.jsonl")
        let simulator = ["--server", server, "--devices", "1", "--seed", "77"]
        _ = try await Self.run("dm-devsim", ["devices"] + simulator + ["--import-to", devicesFile.path], in: directory, label: "devices")
        _ = try await Self.run("dmctl", ["devices", "import", devicesFile.path, "--admin", admin], in: directory, label: "import")
        let devsim = try ChildProcess(
            "dm-devsim",
            ["run"] + simulator + [
                "--state", directory.appendingPathComponent("devsim.sqlite").path, "--http-port", String(ports[1]),
                "--smpp-port", String(ports[2]),
            ],
            logDirectory: directory, label: "dm-devsim")
        defer { devsim.terminate() }
        let line = try #require(try String(contentsOf: devicesFile, encoding: .utf8).split(separator: "\n").first)
        let device = try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String)

        _ = try await Self.run(
            "dmctl",
            ["session", "enqueue", "--device", device, "replace", "./FwUpdate/x1/DownloadAndUpdate/PkgURL", "--value",
             "http://127.0.0.1:\(ports[0])/fw.bin", "--admin", admin],
            in: directory, label: "enqueue-url")
        _ = try await Self.run(
            "dmctl",
            ["session", "enqueue", "--device", device, "exec", "./FwUpdate/x1/DownloadAndUpdate", "--correlator", "op-fw-1",
             "--admin", admin],
            in: directory, label: "enqueue-exec")
        // Ask the device for a session until the simulator listens.
        let trigger = try #require(URL(string: "http://127.0.0.1:\(ports[1])/devices/\(device)/sessions"))
        var triggered = false
        for _ in 0..<100 where !triggered {
            var request = URLRequest(url: trigger)
            request.httpMethod = "POST"
            if let (_, response) = try? await URLSession.shared.data(for: request),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                triggered = true
            } else {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(triggered, "dm-devsim: \(devsim.log)")

        // The report arrives in a later session the device starts by itself; dm-session publishes it through its
        // event outbox, read here from its database.
        let database = try DatabaseQueue(path: directory.appendingPathComponent("session/session.sqlite").path)
        var alert: String?
        for _ in 0..<150 where alert == nil {
            alert = try await database.read { db in
                try String.fetchOne(
                    db, sql: "SELECT CAST(payload AS TEXT) FROM bus_event_outbox WHERE type = 'dm.session.alert.received'")
            }
            if alert == nil { try await Task.sleep(for: .milliseconds(200)) }
        }
        let report = try #require(alert, "no Generic Alert: \(devsim.log)")
        #expect(report.contains(#""code":1226"#))
        #expect(report.contains(#""correlator":"op-fw-1""#))
        #expect(report.contains(#""data":"200""#))
        #expect(report.contains("org.openmobilealliance.dm.firmwareupdate.downloadandupdate"))
        let tree = try await Self.run(
            "dmctl", ["tree", "show", "--device", device, "--admin", admin], in: directory, label: "tree")
        #expect(tree.contains("./FwUpdate/x1/DownloadAndUpdate/PkgURL = http://127.0.0.1:\(ports[0])/fw.bin"))
        #expect(packages.log.contains("GET /fw.bin"), "the device downloaded the package: \(packages.log)")
        let state = try #require(URL(string: "http://127.0.0.1:\(ports[1])/devices/\(device)/tree?path=./FwUpdate/x1/State"))
        let (body, _) = try await URLSession.shared.data(from: state)
        #expect(String(decoding: body, as: UTF8.self).contains(#""value":"100""#), "FUMO state 100 (update successful)")
    }
}
