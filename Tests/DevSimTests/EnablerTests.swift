import DMTree
import DeviceSimulator
import Foundation
import Synchronization
import SyncML
import Testing

/// A download server in memory: a DD at `/fw.dd`, the package at `/fw.bin`, Range support, install-notify log.
final class FakeDownloadServer: PackageFetcher {
    let package: [UInt8]
    let installParam: String?
    let log = Mutex<(gets: [(String, Int)], notifies: [String])>(([], []))

    init(size: Int = 200_000, installParam: String? = nil) {
        package = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        self.installParam = installParam
    }

    var descriptor: String {
        """
        <media xmlns="http://www.openmobilealliance.org/xmlns/dd"><DDVersion>1.0</DDVersion><name>FW</name>\
        <type>application/octet-stream</type><size>\(package.count)</size>\
        <objectURI>http://dl.test/fw.bin</objectURI><installNotifyURI>http://dl.test/notify?id=1</installNotifyURI>\
        \(installParam.map { "<installParam>\($0)</installParam>" } ?? "")</media>
        """
    }

    func get(url: String, offset: Int, stopAfter: Int?) async throws -> FetchResponse {
        log.withLock { $0.gets.append((url, offset)) }
        if url.hasSuffix(".dd") {
            return FetchResponse(status: 200, contentType: "application/vnd.oma.dd+xml", body: Array(descriptor.utf8))
        }
        guard url.hasSuffix("/fw.bin") else { return FetchResponse(status: 404, body: []) }
        var body = Array(package[min(offset, package.count)...])
        var complete = true
        if let stopAfter, stopAfter < body.count {
            body = Array(body.prefix(stopAfter))
            complete = false
        }
        return FetchResponse(
            status: offset > 0 ? 206 : 200, contentType: "application/octet-stream", body: body, complete: complete,
            length: Int64(package.count))
    }

    func postInstallNotify(url: String, body: String) async throws -> Int {
        log.withLock { $0.notifies.append(body) }
        return 200
    }
}

/// A server that streams the package without announcing its size (no Content-Length, as with chunked encoding).
struct UnsizedDownloadServer: PackageFetcher {
    func get(url: String, offset: Int, stopAfter: Int?) async throws -> FetchResponse {
        FetchResponse(status: 200, contentType: "application/octet-stream", body: Array(repeating: 0x5A, count: 4096))
    }

    func postInstallNotify(url: String, body: String) async throws -> Int { 200 }
}

@Suite("Enablers, the device side")
struct EnablerTests {
    func fumoDevice(failures: DeviceFailures = .none) -> SimulatedDevice {
        var device = TestDevices.deviceA(failures: failures)
        device.tree.setValue("./FwUpdate/x1/DownloadAndUpdate/PkgURL", "http://dl.test/fw.dd")
        device.tree.setValue("./FwUpdate/x1/PkgVersion", "4.3.0")
        device.pendingOperations = [
            PendingOperation(
                action: .fumoDownloadAndUpdate, target: "./FwUpdate/x1/DownloadAndUpdate", correlator: "dau-1",
                data: nil)
        ]
        return device
    }

    @Test("FUMO DownloadAndUpdate through a DD, resumed with Range after an interrupted download")
    func fumoResume() async throws {
        let server = FakeDownloadServer()
        var device = fumoDevice(failures: DeviceFailures(downloadInterruptAt: 50_000))
        await EnablerRunner(fetcher: server).runPending(on: &device)
        #expect(device.tree.value("./FwUpdate/x1/State") == "100")
        #expect(device.tree.value("./DevDetail/FwV") == "4.3.0")
        let alert = try #require(device.pendingAlerts.first)
        #expect(alert.type == "org.openmobilealliance.dm.firmwareupdate.downloadandupdate")
        #expect(alert.data == "200")
        #expect(alert.correlator == "dau-1")
        let log = server.log.withLock { $0 }
        #expect(log.gets.map(\.1) == [0, 0, 50_000])  // DD, first attempt, resume at the byte it stopped
        #expect(log.notifies == ["900 Success"])
    }

    @Test("A PkgURL naming the package itself: the first GET is the download, interrupted and resumed with Range")
    func fumoResumeWithoutDescriptor() async throws {
        let server = FakeDownloadServer()
        var device = fumoDevice(failures: DeviceFailures(downloadInterruptAt: 50_000))
        device.tree.setValue("./FwUpdate/x1/DownloadAndUpdate/PkgURL", "http://dl.test/fw.bin")
        await EnablerRunner(fetcher: server).runPending(on: &device)
        #expect(device.pendingAlerts.first?.data == "200")
        #expect(device.tree.value("./FwUpdate/x1/State") == "100")
        let log = server.log.withLock { $0 }
        #expect(log.gets.map(\.1) == [0, 50_000], "one interrupted GET, one resumed; not a whole download first")
        #expect(log.notifies.isEmpty)
    }

    @Test("A corrupt package named by its URL fails against the announced size: result 402, state 20")
    func fumoCorruptWithoutDescriptor() async throws {
        let server = FakeDownloadServer()
        var device = fumoDevice(failures: DeviceFailures(corruptPackage: true))
        device.tree.setValue("./FwUpdate/x1/DownloadAndUpdate/PkgURL", "http://dl.test/fw.bin")
        await EnablerRunner(fetcher: server).runPending(on: &device)
        #expect(device.pendingAlerts.first?.data == "402")
        #expect(device.pendingAlerts.first?.mark == "critical")
        #expect(device.tree.value("./FwUpdate/x1/State") == "20")
        #expect(device.tree.value("./DevDetail/FwV") == "1.0.0")
    }

    @Test("A corrupt package is found by its own check when nothing announces its size")
    func fumoCorruptWithoutSize() async throws {
        let server = UnsizedDownloadServer()
        var device = fumoDevice(failures: DeviceFailures(corruptPackage: true))
        device.tree.setValue("./FwUpdate/x1/DownloadAndUpdate/PkgURL", "http://dl.test/fw.bin")
        await EnablerRunner(fetcher: server).runPending(on: &device)
        #expect(device.pendingAlerts.first?.data == "402")
        var intact = fumoDevice()
        intact.tree.setValue("./FwUpdate/x1/DownloadAndUpdate/PkgURL", "http://dl.test/fw.bin")
        await EnablerRunner(fetcher: server).runPending(on: &intact)
        #expect(intact.pendingAlerts.first?.data == "200")
    }

    @Test("A corrupt package fails the size check: install-notify 905, FUMO result 402, state 20")
    func fumoCorrupt() async throws {
        let server = FakeDownloadServer()
        var device = fumoDevice(failures: DeviceFailures(corruptPackage: true))
        await EnablerRunner(fetcher: server).runPending(on: &device)
        #expect(device.pendingAlerts.first?.data == "402")
        #expect(device.pendingAlerts.first?.mark == "critical")
        #expect(device.tree.value("./FwUpdate/x1/State") == "20")
        #expect(server.log.withLock { $0.notifies } == ["905 Attribute mismatch"])
    }

    @Test("A SHA-256 in the DD's installParam is checked")
    func fumoHash() async throws {
        let good = FakeDownloadServer(size: 1000)
        let digest = SHA256Hex.of(good.package)
        let server = FakeDownloadServer(size: 1000, installParam: "sha256=\(digest)")
        var device = fumoDevice()
        await EnablerRunner(fetcher: server).runPending(on: &device)
        #expect(device.pendingAlerts.first?.data == "200")
        let wrong = FakeDownloadServer(size: 1000, installParam: "sha256=00")
        var other = fumoDevice()
        await EnablerRunner(fetcher: wrong).runPending(on: &other)
        #expect(other.pendingAlerts.first?.data == "402")
    }

    @Test("An install failure reports the chosen result code with state 80; low battery reports 400")
    func fumoInstallFailure() async throws {
        var device = fumoDevice(failures: DeviceFailures(installFailureCode: 410))
        await EnablerRunner(fetcher: FakeDownloadServer()).runPending(on: &device)
        #expect(device.pendingAlerts.first?.data == "410")
        #expect(device.tree.value("./FwUpdate/x1/State") == "80")
        #expect(device.tree.value("./DevDetail/FwV") == "1.0.0")
        var low = fumoDevice(failures: DeviceFailures(batteryLow: true))
        await EnablerRunner(fetcher: FakeDownloadServer()).runPending(on: &low)
        #expect(low.pendingAlerts.first?.data == "400")
    }

    @Test("SCOMO DownloadInstall deploys the component; Remove removes one; alerts carry 1200")
    func scomo() async throws {
        let run = execute(try Fixtures.message(48), on: TestDevices.deviceA())
        var device = run.device
        device.tree.setValue("./SCOMO/Download/navapp/PkgURL", "http://dl.test/fw.dd")
        await EnablerRunner(fetcher: FakeDownloadServer(size: 500)).runPending(on: &device)
        #expect(device.tree.value("./SCOMO/Inventory/Deployed/navapp/State") == "20")
        #expect(device.tree.node("./SCOMO/Inventory/Deployed/weatherwidget") == nil)
        #expect(device.pendingAlerts.map(\.data) == ["1200", "1200"])
        #expect(device.pendingAlerts.map(\.type) == Array(repeating: "urn:oma:at:scomo:1.0:OperationComplete", count: 2))
        #expect(device.pendingAlerts.map(\.correlator) == ["scomo-inst-0193", "scomo-rm-0194"])
    }

    @Test("LAWMO wipe, unlock and factory reset; lock states")
    func lawmo() async throws {
        let run = execute(try Fixtures.message(49), on: TestDevices.deviceA())
        var device = run.device
        await EnablerRunner(fetcher: nil).runPending(on: &device)
        #expect(device.pendingAlerts.map(\.data) == ["1202", "1200", "1200"])
        #expect(device.tree.value("./LAWMO/AvailableWipeList/contacts/ToBeWiped") == "false")
        #expect(device.tree.value("./LAWMO/State") == "30")
        var lock = TestDevices.deviceA()
        lock.pendingOperations = [PendingOperation(action: .lawmoFullyLock, target: "./LAWMO/Operations/FullyLock", correlator: nil, data: nil)]
        await EnablerRunner(fetcher: nil).runPending(on: &lock)
        #expect(lock.tree.value("./LAWMO/State") == "10")
        #expect(lock.pendingAlerts.first?.type == "urn:oma:at:lawmo:1.0:OperationComplete")
    }

    @Test("DIAGMON Collect reports OperationComplete and the collected values")
    func diagmon() async throws {
        var device = TestDevices.deviceA()
        device.pendingOperations = [PendingOperation(action: .diagmonCollect, target: "./DiagMon/Operations/Collect", correlator: "d1", data: nil)]
        await EnablerRunner(fetcher: nil).runPending(on: &device)
        #expect(device.pendingAlerts.map(\.type) == [
            "urn:oma:at:diagmon:1.0:OperationComplete", "urn:oma:at:diagmon:1.0:CollectedSimpleDataReport",
        ])
        #expect(device.pendingAlerts.last?.data.contains("BatteryLevel=87") == true)
    }
}

import Crypto

enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
