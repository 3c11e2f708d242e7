import Foundation
import GRDB
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// dm-devsim's failure injection against a real dm-session process: each failure forced on every device of a
/// seeded profile (rate 100), and the test reads what the server saw and did: its admin API (queue, results), its
/// events in the `bus_event_outbox` table of its SQLite, its session rows. Firmware updates fetch their package
/// from a small Range-capable HTTP server (a Python script written by the test), which also records the requests
/// and the install-notify reports it gets.
@Suite(.serialized) struct FailureInjectionTests {
    static let hasPython = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    // MARK: Bad credentials

    /// A device with a wrong secret: dm-session answers each package 1 with 401 and a Chal carrying a fresh
    /// nonce, publishes `dm.session.device.authentication-failed` with the running count, and ends the session
    /// (`authentication-failed`) at `max-auth-failures`; nothing queued is sent.
    @Test func badCredentialsEndTheSessionAtMaxAuthFailures() async throws {
        let stack = try await InjectionStack.start(
            "bad-credentials", profile: "auth: { md5: 100 }\nfailures: { badCredentials: 100 }\n", seed: 311,
            session: ["DM_SESSION_MAX_AUTH_FAILURES": "3"])
        defer { stack.stop() }
        let get = try await stack.enqueue(#"{"kind":"get","items":[{"target":"./DevInfo/Mod"}]}"#)

        let result = try await stack.runSession()
        #expect(result.status == 200)
        #expect(result.outcome == "auth", "the device gives up after its 401s: \(result.body)")

        let failures = try await stack.events("dm.session.device.authentication-failed")
        #expect(failures.map { $0["failures"] as? Int } == [1, 2, 3])
        #expect(failures.map { $0["sessionEnded"] as? Bool } == [false, false, true])
        #expect(failures.allSatisfy { $0["scheme"] as? String == "md5" && $0["reason"] as? String != nil })
        #expect(try await stack.events("dm.session.device.authenticated").isEmpty)
        let ended = try await stack.events("dm.session.session.ended")
        #expect(ended.map { $0["outcome"] as? String } == ["authentication-failed"])
        #expect(ended.first?["messagesReceived"] as? Int == 3)
        #expect(ended.first?["commandsCompleted"] as? Int == 0)
        #expect(Set(failures.compactMap { $0["sessionID"] as? String }).count == 1, "the retries are one session")

        // Each 401 carried a Chal with a NextNonce the device took: it holds the nonce dm-session stored last.
        let serverNonce = try await stack.database.read { db in
            try String.fetchOne(db, sql: "SELECT client_nonce FROM device WHERE id = ?", arguments: [stack.device])
        }
        let deviceNonce = try await stack.deviceNode("./DMAcc/dms/AppAuth/CLCRED/AAuthData")
        #expect(serverNonce != nil && serverNonce != "AAAAAA==")
        #expect(deviceNonce?["valueBase64"] as? String == serverNonce, "device: \(String(describing: deviceNonce))")

        // Nothing queued reached the device.
        #expect(try await stack.command(get)?["state"] as? String == "queued")
        #expect(try await stack.events("dm.session.command.completed").isEmpty)
        #expect(try await stack.events("dm.session.tree.value-changed").isEmpty, "no DevInfo stored from a refused device")
    }

    /// With `max-auth-failures` below the device's own retries, the device sends a third package 1 with wrong
    /// credentials to the RespURI of the session dm-session already ended for failed authentication. OMA DM wants
    /// 401/407 for a message whose credentials fail (or, the session being over, no session at all: 404).
    /// dm-session answers it 401 for the header and every command, without a Chal: the session is over, and the
    /// device must not read success into the answer. (It once answered 200 here, as for a late message of a
    /// session that had ended normally.)
    @Test
    func aMessageAfterTheAuthenticationFailedEndIsStillRefused() async throws {
        let stack = try await InjectionStack.start(
            "bad-credentials-2", profile: "auth: { md5: 100 }\nfailures: { badCredentials: 100 }\n", seed: 312,
            session: ["DM_SESSION_MAX_AUTH_FAILURES": "2"])
        defer { stack.stop() }
        let result = try await stack.runSession()
        let failures = try await stack.events("dm.session.device.authentication-failed")
        #expect(failures.map { $0["failures"] as? Int } == [1, 2])
        #expect(failures.map { $0["sessionEnded"] as? Bool } == [false, true])
        #expect(try await stack.events("dm.session.session.ended").map { $0["outcome"] as? String } == ["authentication-failed"])
        // Refused again (a third 401: `auth`) or no session any more (404: `transport`).
        #expect(["auth", "transport"].contains(result.outcome), "the third package 1: \(result.body)")
    }

    // MARK: Dropped connections

    /// A device that drops half of its messages mid-body (seed 73, probability 0.5: session 1 loses package 1,
    /// session 2 loses its second message, the three messages of session 3 go through). dm-session sees no message
    /// at all from the first, a session that times out with the Get unanswered from the second, and delivers the
    /// requeued Get in the third: once, with its result. Session 3 takes three messages because the device took a
    /// new server nonce in the message it lost: it refuses dm-session's first Cred (401 with a Chal), and
    /// dm-session sends the Get again with a Cred on the new nonce.
    @Test func droppedConnectionsLoseNoQueuedCommand() async throws {
        let stack = try await InjectionStack.start(
            "drop", profile: "auth: { basic: 100 }\nfailures: { dropConnection: 100, dropProbability: 0.5 }\n", seed: 73,
            session: ["DM_SESSION_IDLE_TIMEOUT": "1"])
        defer { stack.stop() }
        let get = try await stack.enqueue(#"{"kind":"get","items":[{"target":"./DevInfo/Mod"}]}"#)

        let first = try await stack.runSession()
        #expect(first.outcome == "transport" && first.messages == 1, "\(first.body)")
        #expect(try await stack.events("dm.session.session.started").isEmpty, "no complete message reached dm-session")
        #expect(try await stack.sessionRows().isEmpty)
        #expect(try await stack.command(get)?["state"] as? String == "queued")

        let second = try await stack.runSession()
        #expect(second.outcome == "transport" && second.messages == 2, "\(second.body)")
        #expect(try await stack.events("dm.session.session.started").count == 1)
        // The Get went out in the answer to package 1; its Results were in the dropped message. The sweeper ends
        // the idle session and puts the Get back in the queue.
        let timedOut = try await eventually("the session times out") {
            try await stack.events("dm.session.session.ended").contains { $0["outcome"] as? String == "timed-out" }
        }
        #expect(timedOut)
        #expect(try await stack.command(get)?["state"] as? String == "queued")
        #expect(try await stack.events("dm.session.command.completed").isEmpty)

        let third = try await stack.runSession()
        #expect(third.outcome == "completed" && third.messages == 3, "\(third.body)")
        let command = try await stack.command(get)
        #expect(command?["state"] as? String == "completed")
        #expect(command?["status"] as? Int == 200)
        #expect(((command?["results"] as? [[String: Any]])?.first?["data"] as? String) == "Vela X2")
        #expect(try await stack.events("dm.session.command.completed").count == 1, "delivered once")
        #expect(
            try await stack.events("dm.session.session.ended").map { $0["outcome"] as? String } == ["timed-out", "completed"])
    }

    // MARK: Slow devices

    /// A slow device (a pause before each message) completes when the pause is shorter than dm-session's idle
    /// timeout (1 s here), and its session times out when the pause is longer (3.5 s): dm-session ends it
    /// `timed-out`, forgets its RespURI (the late message gets 404) and requeues the Get it had sent.
    @Test func slowDevicesCompleteWithinTheIdleTimeoutAndTimeOutBeyondIt() async throws {
        let stack = try await InjectionStack.start(
            "slow", profile: "auth: { basic: 100 }\nfailures: { slow: 100, slowMilliseconds: 250 }\n", seed: 331,
            session: ["DM_SESSION_IDLE_TIMEOUT": "1"], runSimulator: false)
        defer { stack.stop() }
        let first = try await stack.enqueue(#"{"kind":"get","items":[{"target":"./DevInfo/Mod"}]}"#)
        let quick = try await stack.load(profile: stack.profile)
        #expect(quick.succeeded == 1, "\(quick.errors)")
        #expect(try await stack.command(first)?["status"] as? Int == 200)
        let durations = try await stack.events("dm.session.session.ended").compactMap { $0["durationSeconds"] as? Double }
        #expect(durations.count == 1 && durations[0] >= 0.25, "the pause is seen between the messages: \(durations)")

        let second = try await stack.enqueue(#"{"kind":"get","items":[{"target":"./DevDetail/FwV"}]}"#)
        let slower = stack.directory.appendingPathComponent("slower.yaml")
        try "auth: { basic: 100 }\nfailures: { slow: 100, slowMilliseconds: 3500 }\n".write(
            to: slower, atomically: true, encoding: .utf8)
        let slow = try await stack.load(profile: slower)
        #expect(slow.succeeded == 0)
        #expect(slow.errors == ["transport": 1], "the late message finds no session (HTTP 404)")
        let ended = try await stack.events("dm.session.session.ended").map { $0["outcome"] as? String }
        #expect(ended == ["completed", "timed-out"])
        #expect(try await stack.command(second)?["state"] as? String == "queued", "the unanswered Get is requeued")
    }

    // MARK: Firmware updates

    struct FirmwareCase: Sendable, CustomTestStringConvertible {
        var name: String
        var failures: String
        /// The PkgURL names a download descriptor (DL 1.0) rather than the package.
        var descriptor: Bool
        var resultCode: String
        var mark: String?
        var state: String
        var installNotify: String?
        var testDescription: String { name }
    }

    static let firmwareCases: [FirmwareCase] = [
        FirmwareCase(
            name: "download interrupted, package URL", failures: "downloadInterrupted: 100, downloadInterruptAt: 65536",
            descriptor: false, resultCode: "200", state: "100"),
        FirmwareCase(
            name: "download interrupted, descriptor", failures: "downloadInterrupted: 100, downloadInterruptAt: 65536",
            descriptor: true, resultCode: "200", state: "100", installNotify: "900 Success"),
        FirmwareCase(
            name: "corrupt package, descriptor", failures: "corruptPackage: 100", descriptor: true, resultCode: "402",
            mark: "critical", state: "20", installNotify: "905 Attribute mismatch"),
        FirmwareCase(
            name: "corrupt package, package URL", failures: "corruptPackage: 100", descriptor: false,
            resultCode: "402", mark: "critical", state: "20"),
        FirmwareCase(
            name: "install failure 502", failures: "installFailure: 100, installFailureCode: 502", descriptor: false,
            resultCode: "502", mark: "critical", state: "80"),
        FirmwareCase(
            name: "battery low", failures: "batteryLow: 100", descriptor: false, resultCode: "400", mark: "critical",
            state: "70"),
    ]

    /// A FUMO DownloadAndUpdate queued in dm-session (Replace PkgURL, Exec with a Correlator) on a device with one
    /// injected fault. dm-session gets the Exec's 202, then the Generic Alert 1226 with the result code the fault
    /// gives (published as `dm.session.alert.received` with the Correlator, the Exec target as Source, Mark
    /// `critical` on failure), and a later Get of the FUMO State and firmware version tells what the device did.
    /// An interrupted download resumes with `Range: bytes=<N>-` and succeeds.
    @Test(
        .enabled(if: hasPython, "python3 is not installed"), arguments: firmwareCases)
    func firmwareUpdateReportsTheInjectedOutcome(_ fault: FirmwareCase) async throws {
        let stack = try await InjectionStack.start(
            "fumo", profile: "auth: { md5: 100 }\nfailures: { \(fault.failures) }\n", seed: 341)
        defer { stack.stop() }
        let packages = try await stack.startPackageServer(size: 300_000)
        let url = packages.base + (fault.descriptor ? "/fw.dd" : "/fw.bin")
        _ = try await stack.enqueue(
            #"{"kind":"replace","items":[{"target":"./FwUpdate/x1/DownloadAndUpdate/PkgURL","data":"\#(url)"}]}"#)
        _ = try await stack.enqueue(
            #"{"kind":"replace","items":[{"target":"./FwUpdate/x1/PkgVersion","data":"9.9.9"}]}"#)
        let exec = try await stack.enqueue(
            #"{"kind":"exec","correlator":"op-fault","items":[{"target":"./FwUpdate/x1/DownloadAndUpdate"}]}"#)

        let session = try await stack.runSession()
        #expect(session.outcome == "completed", "the report session: \(session.body)")
        #expect(try await stack.command(exec)?["status"] as? Int == 202)
        let alerts = try await stack.events("dm.session.alert.received")
        try #require(alerts.count == 1, "\(alerts)")
        #expect(alerts[0]["code"] as? Int == 1226)
        #expect(alerts[0]["correlator"] as? String == "op-fault")
        let item = try #require((alerts[0]["items"] as? [[String: Any]])?.first)
        #expect(item["data"] as? String == fault.resultCode)
        #expect(item["type"] as? String == "org.openmobilealliance.dm.firmwareupdate.downloadandupdate")
        #expect(item["source"] as? String == "./FwUpdate/x1/DownloadAndUpdate")
        #expect(item["format"] as? String == "int")
        #expect(item["mark"] as? String == fault.mark)
        let pending = try await stack.deviceSummary()["pendingAlerts"] as? Int
        #expect(pending == 0, "dm-session accepted the Generic Alert")

        // The FUMO state, read back through dm-session.
        let state = try await stack.enqueue(
            #"{"kind":"get","items":[{"target":"./FwUpdate/x1/State"},{"target":"./DevDetail/FwV"}]}"#)
        #expect(try await stack.runSession().outcome == "completed")
        let values = try await stack.command(state)?["results"] as? [[String: Any]] ?? []
        let byURI = Dictionary(values.compactMap { v in (v["uri"] as? String).map { ($0, v["data"] as? String) } }) { $1 }
        #expect(byURI["./FwUpdate/x1/State"] == .some(fault.state), "\(values)")
        #expect(byURI["./DevDetail/FwV"] == .some(fault.resultCode == "200" ? "9.9.9" : "1.0.0"))

        // What the download server saw.
        let requests = packages.requests()
        let packageGets = requests.filter { $0.hasPrefix("GET /fw.bin") }
        if fault.failures.contains("downloadInterrupted") {
            #expect(packageGets.count == 2, "one interrupted download, one resumed: \(requests)")
            #expect(packageGets.first?.contains("range=- 200") == true, "\(requests)")
            #expect(packageGets.last?.contains("range=bytes=65536- 206") == true, "\(requests)")
        } else {
            #expect(packageGets.count == 1, "\(requests)")
        }
        #expect(requests.filter { $0.hasPrefix("GET /fw.dd") }.count == (fault.descriptor ? 1 : 0))
        let notifies = requests.filter { $0.hasPrefix("POST /notify") }
        #expect(notifies == (fault.installNotify.map { ["POST /notify \($0)"] } ?? []), "\(requests)")
    }

    // MARK: The user says no

    /// A device whose user rejects: a UI confirm alert (1101) queued in dm-session is answered 304, which
    /// dm-session records as the command's status; inside a Sequence, the rest is skipped (215) while the
    /// Sequence itself succeeds. A user-interaction package #0 from dm-session's wake-up starts no session at all;
    /// a background one does.
    @Test func userRejectsConfirmAlertsAndInteractiveNotifications() async throws {
        let stack = try await InjectionStack.start(
            "reject", profile: "auth: { md5: 100 }\nfailures: { userRejects: 100 }\n", seed: 351)
        defer { stack.stop() }
        let confirm = try await stack.enqueue(
            #"{"kind":"alert","alertCode":1101,"items":[{"data":"MINDT=30"},{"data":"Install the update tonight?"}]}"#)
        let sequence = try await stack.enqueue(
            #"""
            {"kind":"sequence","items":[],"commands":[
              {"kind":"alert","alertCode":1101,"items":[{"data":"MINDT=30"},{"data":"Rename the package?"}]},
              {"kind":"replace","items":[{"target":"./FwUpdate/x1/PkgName","data":"renamed"}]}]}
            """#)
        let get = try await stack.enqueue(#"{"kind":"get","items":[{"target":"./FwUpdate/x1/PkgName"}]}"#)
        let session = try await stack.runSession()
        #expect(session.outcome == "completed", "\(session.body)")

        #expect(try await stack.command(confirm)?["status"] as? Int == 304, "the user said no")
        let sequenceView = try await stack.command(sequence)
        #expect(sequenceView?["status"] as? Int == 200)
        let inner = (sequenceView?["statuses"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? Int }
        #expect(inner == [304, 215], "\(String(describing: sequenceView))")
        #expect(try await stack.command(get)?["status"] as? Int == 200, "other commands run")
        let completed = try await stack.events("dm.session.command.completed")
        #expect(completed.contains { $0["commandID"] as? String == confirm && $0["status"] as? Int == 304 })

        // Notifications: dm-session builds package #0 (in its command outbox for dm-notify); it is pushed to
        // the device here as dm-notify would.
        let sessionsBefore = try await stack.events("dm.session.session.started").count
        let interactive = try await stack.wakeup(uiMode: "user-interaction")
        #expect(try await stack.push(interactive) == (202, "user-rejected"))
        let background = try await stack.wakeup(uiMode: "background")
        #expect(try await stack.push(background) == (202, "session-started"))
        let started = try await eventually("the background notification's session") {
            try await stack.events("dm.session.session.started").count == sessionsBefore + 1
        }
        #expect(started)
        let last = try await stack.events("dm.session.session.started").last
        #expect(last?["alertCode"] as? Int == 1200)
        #expect(last?["syncMLSessionID"] as? String == background.sessionID, "the session of the background one")
    }

    // MARK: Offline

    /// A device offline for its first seconds: it starts no session at start (`--register-at-start`), refuses a
    /// session request, ignores dm-session's package #0; dm-session sees nothing and keeps the queued Get. Once
    /// the window is over, a session delivers the Get.
    @Test func offlineDevicesStartNoSessionUntilTheWindowEnds() async throws {
        let stack = try await InjectionStack.start(
            "offline", profile: "auth: { md5: 100 }\nfailures: { offline: 100, offlineSeconds: 4 }\n", seed: 361,
            simulatorArguments: ["--register-at-start"])
        defer { stack.stop() }
        let get = try await stack.enqueue(#"{"kind":"get","items":[{"target":"./DevInfo/Mod"}]}"#)
        let refused = try await stack.runSession()
        #expect(refused.status == 409, "busy or offline: \(refused.body)")
        let wakeup = try await stack.wakeup(uiMode: "background")
        #expect(try await stack.push(wakeup) == (202, "offline"))
        #expect(try await stack.events("dm.session.session.started").isEmpty)
        #expect(try await stack.command(get)?["state"] as? String == "queued")
        let skipped = try await eventually("the start-up session and the request are skipped") {
            (try await stack.simulatorStats()["offline"] ?? 0) >= 2
        }
        let stats = try await stack.simulatorStats()
        #expect(skipped, "\(stats)")

        var outcome: SessionAnswer?
        let online = try await eventually("the device comes back", timeout: .seconds(30)) {
            let answer = try await stack.runSession()
            if answer.status == 200 { outcome = answer }
            return answer.status == 200
        }
        #expect(online)
        #expect(outcome?.outcome == "completed", "\(outcome?.body ?? "")")
        #expect(try await stack.command(get)?["status"] as? Int == 200)
        #expect(try await stack.events("dm.session.session.started").count == 1)
    }
}

// MARK: - The stack of one test

/// What `POST /devices/{id}/sessions` on dm-devsim answered.
struct SessionAnswer {
    var status: Int
    var body: String
    var outcome: String?
    var messages: Int?
}

/// A package #0 dm-session built for dm-notify.
struct WakeupPackage {
    var sessionID: String
    var bytes: Data
}

/// A dm-session process, one simulated device registered in it, and (unless told otherwise) a dm-devsim `run`
/// process serving that device, all on free loopback ports with their files in a temporary directory.
final class InjectionStack: @unchecked Sendable {
    let directory: URL
    let session: SessionProcess
    let profile: URL
    let seed: UInt64
    let device: String
    var simulator: ChildProcess?
    var simulatorAdmin = ""
    var packageServer: ChildProcess?
    private var queue: DatabaseQueue?

    private init(directory: URL, session: SessionProcess, profile: URL, seed: UInt64, device: String) {
        self.directory = directory
        self.session = session
        self.profile = profile
        self.seed = seed
        self.device = device
    }

    static func start(
        _ name: String, profile text: String, seed: UInt64, session environment: [String: String] = [:],
        runSimulator: Bool = true, simulatorArguments: [String] = []
    ) async throws -> InjectionStack {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("faults-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let session = try await SessionProcess.start(in: directory, environment: environment)
        let profile = directory.appendingPathComponent("profile.yaml")
        try text.write(to: profile, atomically: true, encoding: .utf8)
        let devicesFile = directory.appendingPathComponent("devices.jsonl")
        let common = ["--server", session.dm.absoluteString, "--devices", "1", "--seed", String(seed)]
        do {
            _ = try await runToEnd(
                "dm-devsim", ["devices"] + common + ["--profile", profile.path, "--import-to", devicesFile.path],
                in: directory, label: "devices")
            let imported = try await runToEnd(
                "dmctl", ["devices", "import", devicesFile.path, "--admin", session.admin], in: directory, label: "import")
            guard imported.contains("imported 1 devices") else { throw StackFailure(description: "import: \(imported)") }
        } catch {
            session.process.terminate()
            throw error
        }
        let line = try String(contentsOf: devicesFile, encoding: .utf8).split(separator: "\n").first ?? ""
        let device = (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String ?? ""
        let stack = InjectionStack(directory: directory, session: session, profile: profile, seed: seed, device: device)
        if runSimulator {
            do {
                try await stack.startSimulator(arguments: simulatorArguments)
            } catch {
                stack.stop()
                throw error
            }
        }
        return stack
    }

    func startSimulator(arguments: [String]) async throws {
        let ports = freePorts(2)
        simulatorAdmin = "http://127.0.0.1:\(ports[0])"
        let process = try ChildProcess(
            "dm-devsim",
            ["run", "--server", session.dm.absoluteString, "--devices", "1", "--seed", String(seed), "--profile",
             profile.path, "--state", directory.appendingPathComponent("devsim.sqlite").path, "--http-port",
             String(ports[0]), "--smpp-port", String(ports[1])] + arguments,
            logDirectory: directory, label: "dm-devsim")
        simulator = process
        let ready = try await eventually("dm-devsim listens", timeout: .seconds(30)) {
            guard process.isRunning else { return true }
            return (try? await self.http("GET", self.simulatorAdmin + "/readyz"))?.status == 200
        }
        guard ready, process.isRunning else { throw StackFailure(description: "dm-devsim did not start: \(process.log)") }
    }

    /// Stops every process (dm-session and dm-devsim with SIGTERM, the Python server with SIGKILL: it inherits
    /// the test process's ignored SIGTERM) and removes the directory.
    func stop() {
        simulator?.terminate()
        packageServer?.kill()
        session.process.terminate()
        queue = nil
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: dm-session

    /// dm-session's database, read as it runs.
    var database: DatabaseQueue {
        get throws {
            if let queue { return queue }
            let opened = try DatabaseQueue(path: directory.appendingPathComponent("session/session.sqlite").path)
            queue = opened
            return opened
        }
    }

    /// The `data` of this device's events of one type, in order.
    func events(_ type: String) async throws -> [[String: Any]] {
        let payloads = try await database.read { db in
            try String.fetchAll(
                db, sql: "SELECT CAST(payload AS TEXT) FROM bus_event_outbox WHERE type = ? ORDER BY sequence",
                arguments: [type])
        }
        return payloads.compactMap { payload in
            guard let event = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any],
                event["subject"] as? String == device
            else { return nil }
            return event["data"] as? [String: Any]
        }
    }

    /// The outcomes of the device's rows in `dm_session` (nil while open), in order.
    func sessionRows() async throws -> [String?] {
        try await database.read { [device] db in
            try Row.fetchAll(
                db, sql: "SELECT outcome FROM dm_session WHERE device_id = ? ORDER BY started_at", arguments: [device]
            ).map { $0["outcome"] as String? }
        }
    }

    /// Queues a command (a `SessionCommandSpec` as JSON) through the admin API; returns its id.
    func enqueue(_ command: String) async throws -> String {
        let answer = try await http(
            "POST", session.admin + "/devices/\(escaped(device))/commands", body: #"{"command":\#(command)}"#)
        guard answer.status == 201, let id = (answer.json as? [String: Any])?["commandID"] as? String else {
            throw StackFailure(description: "enqueue: \(answer.status) \(answer.text)")
        }
        return id
    }

    /// One command as the admin API shows it.
    func command(_ id: String) async throws -> [String: Any]? {
        let answer = try await http("GET", session.admin + "/devices/\(escaped(device))/commands")
        return (answer.json as? [[String: Any]])?.first { $0["commandID"] as? String == id }
    }

    /// Asks dm-session to wake the device and takes the package #0 it hands to dm-notify from its command outbox.
    func wakeup(uiMode: String) async throws -> WakeupPackage {
        let answer = try await http(
            "POST", session.admin + "/devices/\(escaped(device))/wakeup", body: #"{"uiMode":"\#(uiMode)"}"#)
        guard answer.status == 202, let requested = answer.json as? [String: Any],
            let notification = requested["notificationID"] as? String, let sessionID = requested["sessionID"] as? String
        else { throw StackFailure(description: "wakeup: \(answer.status) \(answer.text)") }
        let payload = try await database.read { db in
            try String.fetchOne(
                db, sql: "SELECT CAST(payload AS TEXT) FROM bus_command_outbox WHERE id = ?", arguments: [notification])
        }
        guard let payload, let base64 = Self.find("package0", in: payload), let bytes = Data(base64Encoded: base64) else {
            throw StackFailure(description: "no package #0 in the outbox: \(String(describing: payload))")
        }
        return WakeupPackage(sessionID: sessionID, bytes: bytes)
    }

    /// A string field anywhere in a JSON document, also inside JSON carried as a string.
    static func find(_ key: String, in text: String) -> String? {
        func search(_ value: Any) -> String? {
            if let object = value as? [String: Any] {
                if let found = object[key] as? String { return found }
                for child in object.values { if let found = search(child) { return found } }
            } else if let array = value as? [Any] {
                for child in array { if let found = search(child) { return found } }
            } else if let string = value as? String, string.hasPrefix("{"),
                let nested = try? JSONSerialization.jsonObject(with: Data(string.utf8))
            {
                return search(nested)
            }
            return nil
        }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))).flatMap(search)
    }

    // MARK: dm-devsim

    /// A client-initiated session now (and the report sessions after it).
    func runSession() async throws -> SessionAnswer {
        let answer = try await http("POST", simulatorAdmin + "/devices/\(escaped(device))/sessions")
        let object = answer.json as? [String: Any]
        return SessionAnswer(
            status: answer.status, body: answer.text, outcome: object?["outcome"] as? String,
            messages: object?["messages"] as? Int)
    }

    /// Pushes a package #0 to the device, as dm-notify's HTTP push would; returns the status and the verdict.
    func push(_ package: WakeupPackage) async throws -> (Int, String) {
        let answer = try await http(
            "POST", simulatorAdmin + "/push/\(escaped(device))", data: package.bytes,
            contentType: "application/vnd.syncml.notification")
        return (answer.status, answer.text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func deviceSummary() async throws -> [String: Any] {
        (try await http("GET", simulatorAdmin + "/devices/\(escaped(device))").json as? [String: Any]) ?? [:]
    }

    /// One node of the device's own tree.
    func deviceNode(_ uri: String) async throws -> [String: Any]? {
        let answer = try await http("GET", simulatorAdmin + "/devices/\(escaped(device))/tree?path=\(uri)")
        return (answer.json as? [[String: Any]])?.first { $0["uri"] as? String == uri }
    }

    func simulatorStats() async throws -> [String: Int] {
        (try await http("GET", simulatorAdmin + "/stats").json as? [String: Int]) ?? [:]
    }

    struct LoadSummary: Decodable {
        var sessions: Int
        var succeeded: Int
        var errors: [String: Int]
    }

    /// `dm-devsim load` for one session of the device with a profile (a new process: the device starts from the
    /// profile, with the seed's credentials).
    func load(profile: URL) async throws -> LoadSummary {
        let output = try await Self.runToEnd(
            "dm-devsim",
            ["load", "--server", session.dm.absoluteString, "--devices", "1", "--seed", String(seed), "--profile",
             profile.path, "--concurrency", "1", "--sessions", "1", "--json"],
            in: directory, label: "load-\(profile.deletingPathExtension().lastPathComponent)")
        struct Line: Decodable {
            var type: String
            var report: LoadSummary
        }
        guard let line = output.split(separator: "\n").last(where: { $0.contains(#""summary""#) }) else {
            throw StackFailure(description: "no summary: \(output)")
        }
        return try JSONDecoder().decode(Line.self, from: Data(line.utf8)).report
    }

    // MARK: The download server

    struct PackageServer {
        let base: String
        let log: URL
        /// One line per request: `GET /fw.bin range=bytes=65536- 206 sent=...`, `POST /notify 900 Success`.
        func requests() -> [String] {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    /// Serves `fw.bin` (`size` bytes) and `fw.dd` (its DL 1.0 descriptor) with Range support, and logs every
    /// request and install-notify report.
    func startPackageServer(size: Int) async throws -> PackageServer {
        let www = directory.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        let port = freePorts(1)[0]
        let base = "http://127.0.0.1:\(port)"
        try Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: www.appendingPathComponent("fw.bin"))
        let descriptor = """
            <media xmlns="http://www.openmobilealliance.org/xmlns/dd"><DDVersion>1.0</DDVersion><name>FW 9.9.9</name>\
            <type>application/octet-stream</type><size>\(size)</size><objectURI>\(base)/fw.bin</objectURI>\
            <installNotifyURI>\(base)/notify</installNotifyURI></media>
            """
        try descriptor.write(to: www.appendingPathComponent("fw.dd"), atomically: true, encoding: .utf8)
        let script = directory.appendingPathComponent("range_server.py")
        try Self.rangeServer.write(to: script, atomically: true, encoding: .utf8)
        let log = directory.appendingPathComponent("requests.log")
        packageServer = try ChildProcess(
            "/usr/bin/python3", [script.path, www.path, String(port), log.path], logDirectory: directory,
            label: "packages", absolute: true)
        let ready = try await eventually("the package server listens") {
            (try? await self.http("GET", base + "/ready"))?.status == 404
        }
        guard ready else { throw StackFailure(description: "package server: \(packageServer?.log ?? "")") }
        return PackageServer(base: base, log: log)
    }

    /// A threaded HTTP/1.1 file server with `Range: bytes=N-` (206, Content-Range), DD content type for `.dd`,
    /// and install-notify POSTs; one log line per request.
    static let rangeServer = #"""
        import http.server, os, re, sys
        root, port, log_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        log = open(log_path, "a", buffering=1)

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                name = self.path.split("?")[0].lstrip("/")
                path = os.path.join(root, name)
                if not name or not os.path.isfile(path):
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data = open(path, "rb").read()
                wanted = self.headers.get("Range")
                start, status = 0, 200
                if wanted is not None:
                    match = re.fullmatch(r"bytes=(\d+)-", wanted.strip())
                    if not match or int(match.group(1)) >= len(data):
                        self.send_response(416)
                        self.send_header("Content-Range", "bytes */%d" % len(data))
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        log.write("GET /%s range=%s 416\n" % (name, wanted))
                        return
                    start, status = int(match.group(1)), 206
                body = data[start:]
                self.send_response(status)
                kind = "application/vnd.oma.dd+xml" if name.endswith(".dd") else "application/octet-stream"
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Accept-Ranges", "bytes")
                if status == 206:
                    self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
                self.end_headers()
                sent = 0
                try:
                    for offset in range(0, len(body), 16384):
                        self.wfile.write(body[offset:offset + 16384])
                        sent += len(body[offset:offset + 16384])
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True
                log.write("GET /%s range=%s %d sent=%d/%d\n" % (name, wanted or "-", status, sent, len(body)))

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace").strip()
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()
                log.write("POST %s %s\n" % (self.path.split("?")[0], body))

        http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """#

    // MARK: Plumbing

    struct HTTPAnswer {
        var status: Int
        var data: Data
        var text: String { String(decoding: data, as: UTF8.self) }
        var json: Any? { try? JSONSerialization.jsonObject(with: data) }
    }

    func http(
        _ method: String, _ url: String, body: String? = nil, data: Data? = nil, contentType: String = "application/json"
    ) async throws -> HTTPAnswer {
        guard let target = URL(string: url) else { throw StackFailure(description: "bad URL \(url)") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        request.timeoutInterval = 60
        if let payload = data ?? body.map({ Data($0.utf8) }) {
            request.httpBody = payload
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (bytes, response) = try await URLSession.shared.data(for: request)
        return HTTPAnswer(status: (response as? HTTPURLResponse)?.statusCode ?? 0, data: bytes)
    }

    func escaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? text
    }

    /// Runs a program of this build to its end; returns its output, failing on a non-zero exit.
    static func runToEnd(_ name: String, _ arguments: [String], in directory: URL, label: String) async throws -> String {
        let child = try ChildProcess(name, arguments, logDirectory: directory, label: label)
        let status = await child.waitForExit(timeout: .seconds(120))
        guard status == 0 else {
            child.kill()
            throw StackFailure(description: "\(label) exited \(String(describing: status)): \(child.log)")
        }
        return child.log
    }

    struct StackFailure: Error, CustomStringConvertible {
        var description: String
    }
}

/// Waits for a condition, checking every 100 ms until `timeout`; returns whether it came true.
func eventually(
    _ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return try await condition()
}
