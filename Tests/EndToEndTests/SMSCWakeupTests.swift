import DeviceSimulator
import Foundation
import GRDB
import Notification
import Testing

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A wake-up from dm-session to a dm-devsim device through the simulator's SMSC role: dm-session builds package #0
/// (`dmctl session wakeup`) and leaves `notify.package0.deliver` for dm-notify in its command outbox; this test
/// plays dm-notify's part (dm-notify has its own issue): it takes the package from the outbox, binds to dm-devsim's
/// SMSC over SMPP 3.4 and submits the WAP Push as 8-bit SMS with a UDH. The device reassembles it, checks the
/// digest with its server credentials, and opens a server-initiated session whose SessionID dm-session matches to
/// the wake-up.
@Suite(.serialized) struct SMSCWakeupTests {
    @Test func wakeupThroughTheSMSCStartsTheMatchingSession() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smsc-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = try await SessionProcess.start(in: directory)
        defer { session.process.terminate() }
        let server = session.dm.absoluteString, admin = session.admin
        let ports = freePorts(2)
        let devicesFile = directory.appendingPathComponent("devices.jsonl")
        let simulator = ["--server", server, "--devices", "2", "--seed", "31"]
        _ = try await DeviceSessionTests.run(
            "dm-devsim", ["devices"] + simulator + ["--import-to", devicesFile.path], in: directory, label: "devices")
        _ = try await DeviceSessionTests.run(
            "dmctl", ["devices", "import", devicesFile.path, "--admin", admin], in: directory, label: "import")
        let devsim = try ChildProcess(
            "dm-devsim",
            ["run"] + simulator + [
                "--state", directory.appendingPathComponent("devsim.sqlite").path, "--http-port", String(ports[0]),
                "--smpp-port", String(ports[1]),
            ],
            logDirectory: directory, label: "dm-devsim")
        defer { devsim.terminate() }
        let line = try #require(try String(contentsOf: devicesFile, encoding: .utf8).split(separator: "\n").last)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let device = try #require(record["id"] as? String)
        let msisdn = try #require(record["msisdn"] as? String)

        let wakeup = try await DeviceSessionTests.run(
            "dmctl", ["session", "wakeup", "--device", device, "--admin", admin], in: directory, label: "wakeup")
        let database = try DatabaseQueue(path: directory.appendingPathComponent("session/session.sqlite").path)
        let command = try #require(
            try await database.read { db in
                try Row.fetchOne(
                    db,
                    sql: "SELECT id, CAST(payload AS TEXT) AS payload FROM bus_command_outbox WHERE name = 'notify.package0.deliver'")
            }, "no notify.package0.deliver in the outbox: \(wakeup)")
        let notificationID: String = command["id"]
        let envelope = try #require(
            try JSONSerialization.jsonObject(with: Data((command["payload"] as String).utf8)) as? [String: Any])
        let deliver = try #require(envelope["data"] as? [String: Any], "\(envelope)")
        #expect(deliver["msisdn"] as? String == msisdn)
        let package = try #require((deliver["package0"] as? String).flatMap { Data(base64Encoded: $0) })

        // dm-notify's part: bind, submit the WAP Push, unbind.
        let segments = try WAPPushSMS.userData(package: Array(package))
        let replies = try await Task.detached {
            try SMPPTestClient.submit(segments, to: msisdn, port: ports[1])
        }.value
        #expect(replies.bind == SMPPPDU.Status.ok)
        #expect(replies.submits.allSatisfy { $0 == SMPPPDU.Status.ok } && replies.submits.count == segments.count)

        // The device answers with a server-initiated session that dm-session ties to the wake-up.
        var started: String?
        for _ in 0..<150 where started == nil {
            started = try await database.read { db in
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT CAST(payload AS TEXT) FROM bus_event_outbox
                        WHERE type = 'dm.session.session.started' AND CAST(payload AS TEXT) LIKE '%"alertCode":1200%'
                        """)
            }
            if started == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let event = try #require(started, "no server-initiated session: \(devsim.log)")
        #expect(event.contains(#""notificationID":"\#(notificationID)""#), "\(event)")
        #expect(event.contains(#""deviceID":"\#(device)""#))
        let answered = try await database.read { db in
            try String.fetchOne(db, sql: "SELECT session_id FROM wakeup WHERE notification_id = ?", arguments: [notificationID])
        }
        #expect(answered != nil)
    }
}

/// The ESME side of SMPP 3.4 over a blocking loopback socket, as much as the test needs.
enum SMPPTestClient {
    struct Replies {
        var bind: UInt32
        var submits: [UInt32]
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func submit(_ segments: [[UInt8]], to msisdn: String, port: Int) throws -> Replies {
        let socket = try connect(port: port)
        defer { close(socket) }
        var sequence: UInt32 = 0
        func exchange(_ commandID: UInt32, _ body: [UInt8]) throws -> SMPPPDU {
            sequence += 1
            try write(socket, SMPPPDU(commandID: commandID, sequence: sequence, body: body).encoded())
            while true {
                let reply = try read(socket)
                // Delivery receipts (deliver_sm) may come in between: acknowledge them.
                if reply.commandID == SMPPPDU.Command.deliverSM {
                    try write(
                        socket,
                        SMPPPDU(
                            commandID: SMPPPDU.Command.deliverSM | SMPPPDU.Command.responseBit, sequence: reply.sequence,
                            body: [0]
                        ).encoded())
                    continue
                }
                guard reply.sequence == sequence else { continue }
                return reply
            }
        }
        var bind: [UInt8] = []
        for field in ["dm-notify", "secret", "DM"] { bind += Array(field.utf8) + [0] }
        bind += [0x34, 1, 1, 0]
        let bound = try exchange(SMPPPDU.Command.bindTransceiver, bind)
        var submits: [UInt32] = []
        for segment in segments {
            let message = SMPPShortMessage(
                sourceAddress: "DMSERVER", destinationAddress: msisdn, esmClass: 0x40, registeredDelivery: 0,
                dataCoding: 0x04, message: segment)
            submits.append(try exchange(SMPPPDU.Command.submitSM, message.encoded()).status)
        }
        _ = try? exchange(SMPPPDU.Command.unbind, [])
        return Replies(bind: bound.status, submits: submits)
    }

    static func connect(port: Int) throws -> Int32 {
        for _ in 0..<100 {
            let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if connected == 0 { return fd }
            close(fd)
            usleep(100_000)  // the simulator is still starting
        }
        throw Failure(description: "dm-devsim's SMSC did not accept a connection on \(port)")
    }

    static func write(_ socket: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(socket, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "write failed: \(errno)") }
            offset += written
        }
    }

    static func read(_ socket: Int32) throws -> SMPPPDU {
        let header = try readExactly(socket, 4)
        let length = Int(header.reduce(0) { $0 << 8 | UInt32($1) })
        guard (16...65_536).contains(length) else { throw Failure(description: "bad PDU length \(length)") }
        let rest = try readExactly(socket, length - 4)
        return try SMPPPDU.decode(header + rest)
    }

    static func readExactly(_ socket: Int32, _ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes[offset...].withUnsafeMutableBytes { Glibc.read(socket, $0.baseAddress, $0.count) }
            guard got > 0 else { throw Failure(description: "the SMSC closed the connection or timed out") }
            offset += got
        }
        return bytes
    }
}
