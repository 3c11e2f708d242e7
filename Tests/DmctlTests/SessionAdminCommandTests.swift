import DMSessionServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceKit
import Testing

/// `dmctl devices|session|tree` against dm-session's admin API served in process on a loopback port.
@Suite struct SessionAdminCommandTests {
    /// Runs `body` with the admin URL of a fresh dm-session (in-memory store).
    static func withAdmin(_ body: @Sendable (String) async throws -> Void) async throws {
        var serviceStore = try ServiceStore.inMemory()
        SessionSchema.register(in: &serviceStore.migrator)
        try await serviceStore.migrate()
        let store = SessionStore(writer: serviceStore.writer, eventSource: "dm-session")
        var logger = Logger(label: "dmctl-tests")
        logger.logLevel = .critical
        let server = DMServer(store: store, configuration: DMSessionConfiguration(port: 0), logger: logger)
        let router = Router()
        AdminAPI(server: server).register(on: router)
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await application.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)")
        }
    }

    /// dmctl on a thread of its own (it blocks until the process ends): blocking the cooperative pool would
    /// starve the admin server that runs in this process and that dmctl talks to.
    static func dmctl(_ arguments: [String], stdin: [UInt8] = []) async throws -> DmctlRun {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try Dmctl.run(arguments, stdin: stdin) }) }.start()
        }
    }

    @Test func devicesSessionAndTreeCommands() async throws {
        try await Self.withAdmin { admin in
            let add = try await Self.dmctl([
                "devices", "add", "--admin", admin, "--id", "IMEI:1", "--msisdn", "+491510000001", "--client-auth", "md5",
                "--client-name", "u1", "--client-secret", "s1", "--server-id", "dm.test", "--server-auth", "hmac",
                "--server-secret", "p1",
            ])
            #expect(add.status == 0, "\(add.stderr)")
            #expect(add.stdoutText == "created IMEI:1\n")
            let csv = "deviceID,serverID,clientAuth,clientName,clientSecret,serverAuth,serverSecret\nIMEI:2,dm.test,basic,u2,s2,basic,p2\n"
            let imported = try await Self.dmctl(["devices", "import", "--admin", admin, "-"], stdin: Array(csv.utf8))
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdoutText == "imported 1 devices (1 new)\n")
            let list = try await Self.dmctl(["devices", "list", "--admin", admin])
            #expect(list.stdoutText.split(separator: "\n").count == 2)
            let show = try await Self.dmctl(["devices", "show", "--admin", admin, "IMEI:1"])
            #expect(show.status == 0 && show.stdoutText.contains("\"serverAuth\" : \"hmac\""), "\(show.stdoutText)")
            #expect(!show.stdoutText.contains("s1"))

            let enqueue = try await Self.dmctl([
                "session", "enqueue", "--admin", admin, "--device", "IMEI:1", "replace", "./DevDetail/Name", "--value",
                "kitchen", "--format", "chr",
            ])
            #expect(enqueue.status == 0, "\(enqueue.stderr)")
            #expect(enqueue.stdoutText.count == 37)
            let exec = try await Self.dmctl([
                "session", "enqueue", "--admin", admin, "--device", "IMEI:1", "exec", "./FUMO/x/Update", "--correlator", "op-1",
            ])
            #expect(exec.status == 0, "\(exec.stderr)")
            let results = try await Self.dmctl(["session", "results", "--admin", admin, "--device", "IMEI:1"])
            #expect(results.stdoutText.contains("replace ./DevDetail/Name\tqueued"), "\(results.stdoutText)")
            let json = try await Self.dmctl(["session", "results", "--admin", admin, "--device", "IMEI:1", "--json"])
            #expect(json.stdoutText.contains("\"correlator\" : \"op-1\""))
            let wakeup = try await Self.dmctl(["session", "wakeup", "--admin", admin, "--device", "IMEI:1"])
            #expect(wakeup.status == 0 && wakeup.stdoutText.hasPrefix("package #0 for IMEI:1"), "\(wakeup.stderr)")
            let tree = try await Self.dmctl(["tree", "show", "--admin", admin, "--device", "IMEI:1", "./DevInfo", "--json"])
            #expect(tree.status == 0 && tree.stdoutText == "[\n\n]\n" || tree.stdoutText.hasPrefix("["), "\(tree.stdoutText)")

            // Refusals are invalid input (1), usage errors 2.
            let unknown = try await Self.dmctl(["devices", "show", "--admin", admin, "IMEI:404"])
            #expect(unknown.status == 1 && unknown.stderr.contains("HTTP 404"))
            let missingValue = try await Self.dmctl(["session", "enqueue", "--admin", admin, "--device", "IMEI:1", "replace", "./X"])
            #expect(missingValue.status == 2)
            let noDevice = try await Self.dmctl(["session", "enqueue", "--admin", admin, "--device", "IMEI:9", "get", "./X"])
            #expect(noDevice.status == 1)
            let deleted = try await Self.dmctl(["devices", "delete", "--admin", admin, "IMEI:2"])
            #expect(deleted.status == 0 && deleted.stdoutText == "deleted IMEI:2\n")
        }
        let unreachable = try await Self.dmctl(["devices", "list", "--admin", "http://127.0.0.1:1"])
        #expect(unreachable.status == 1 && unreachable.stderr.hasPrefix("dmctl: cannot reach"))
    }
}
