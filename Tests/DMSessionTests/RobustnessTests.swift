import Contracts
@testable import DMSessionServer
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import SyncML
import Testing

/// Many devices at once, and broken input of every length.
@Suite struct RobustnessTests {
    @Test func manyDevicesInParallel() async throws {
        let harness = try await Harness.make()
        let count = 100
        var devices: [TestDevice] = []
        for index in 0..<count {
            var device = TestDevice()
            device.deviceID = "IMEI:9900000000\(String(format: "%05d", index))"
            device.scheme = [AuthScheme.basic, .md5, .hmac][index % 3]
            device.serverScheme = [AuthScheme.md5, .hmac, .basic][index % 3]
            device.encoding = index % 2 == 0 ? .xml : .wbxml
            device.sessionID = String(index + 1, radix: 16, uppercase: true)
            try await harness.register(device)
            try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
            try await harness.enqueue(
                device.deviceID, SessionCommandSpec(kind: .replace, items: [.init(target: "./Vendor/N", data: "\(index)")]))
            devices.append(device)
        }
        let application = harness.application
        let all = devices
        let started = ContinuousClock.now
        let finished = try await application.test(.router) { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for device in all {
                    group.addTask {
                        var device = device
                        return try await client.runSession(&device).count
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
        }
        let elapsed = ContinuousClock.now - started
        #expect(finished.count == count && finished.allSatisfy { $0 == 2 })
        #expect(try await harness.events(SessionEnded.self).filter { $0.outcome == "completed" }.count == count)
        let completed = try await harness.store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM command WHERE state = 'completed' AND status = 200")
        }
        #expect(completed == 2 * count)
        print("\(count) sessions of 2 messages in parallel: \(elapsed)")
    }

    @Test(arguments: [SyncMLEncoding.xml, .wbxml])
    func everyTruncationOfAValidMessageIsAnsweredWithoutACrash(encoding: SyncMLEncoding) async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.encoding = encoding
        try await harness.register(device)
        let (body, _) = device.encode(device.package1())
        try await harness.application.test(.router) { client in
            for length in stride(from: 0, to: body.count, by: max(1, body.count / 120)) {
                let exchange = try await client.post("/dm", body: Array(body[0..<length]), contentType: encoding.contentType)
                #expect([200, 400].contains(exchange.status), "length \(length): \(exchange.status)")
            }
            // Random bytes too.
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<50 {
                let noise = (0..<Int.random(in: 1...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let exchange = try await client.post("/dm", body: noise, contentType: encoding.contentType)
                #expect(exchange.status == 400 || exchange.status == 200)
            }
        }
    }
}
