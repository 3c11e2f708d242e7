import DMTree
import DeviceSimulator
import Foundation
import SyncML

/// Fixture messages of the foundation corpus (Tests/SyncMLTests/Fixtures/xml), by number.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SyncMLTests/Fixtures/xml")

    static func bytes(_ number: Int) throws -> [UInt8] {
        let prefix = String(format: "%02d-", number)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        guard let name = names.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".xml") }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func message(_ number: Int) throws -> SyncMLMessage {
        try SyncMLMessage(xml: bytes(number))
    }
}

/// Devices as the fixture corpus knows them (README of the corpus).
enum TestDevices {
    static let serverURL = "https://dms.example.net/oma/dm"
    static let serverID = "dms.example.net"

    static func account(
        clientAuth: ClientAuthType = .md5, serverAuth: ClientAuthType = .md5, url: String = serverURL
    ) -> AccountConfig {
        AccountConfig(
            serverID: serverID, serverURL: url, clientAuth: clientAuth, clientName: "acme-dev-0042",
            clientSecret: "Wq9!zL2p", serverAuth: serverAuth, serverSecret: "srv-secret")
    }

    /// Device A (`IMEI:356938035643809`) with a vendor subtree the fixtures address (`./Vendor/...`).
    static func deviceA(
        fumoInstance: String = "x1", policy: UIPolicy = UIPolicy(), account: AccountConfig = account(),
        failures: DeviceFailures = .none
    ) -> SimulatedDevice {
        var device = SimulatedDevice.provisioned(
            identity: DeviceIdentity(deviceID: "IMEI:356938035643809", msisdn: "15550100001"),
            account: account,
            components: [
                Component(id: "weatherwidget", name: "Weather", version: "2.0"),
                Component(id: "mail", name: "Mail", version: "5.1", active: false),
            ], fumoInstance: fumoInstance, uiPolicy: policy, failures: failures)
        let open = try! AccessControlList(parsing: "Add=*&Delete=*&Exec=*&Get=*&Replace=*")
        device.tree.set("./Vendor", TreeNode(format: .node, acl: open))
        device.tree.setValue("./Vendor/Acme/Wlan/Enabled", "true")
        device.tree.set("./Vendor/Acme/Wlan/Enabled", TreeNode(format: .bool, value: Array("true".utf8)))
        device.tree.set("./Vendor/Acme/Wlan/Profiles", TreeNode(format: .node))
        device.tree.setValue("./Vendor/Acme/Wlan/Default", "home")
        device.tree.setValue("./Vendor/Acme/Wlan/Status", "connected")
        device.tree.setValue("./Vendor/Acme/Proxy/old/Host", "old.proxy.example")
        device.tree.setValue("./Vendor/Acme/Proxy/Defaults/Exclusions", "localhost")
        device.tree.setValue("./Vendor/Acme/Policy/Camera", "1")
        device.tree.setValue("./Vendor/Acme/Policy/Bluetooth", "0")
        device.tree.setValue("./Vendor/Acme/Policy/Pending", "yes")
        device.tree.set("./Vendor/Acme/Policy/Apply", TreeNode(format: .null, execAction: .immediate))
        device.tree.setValue("./Vendor/Nordlicht/Kiosk/HomeURL", "https://kiosk.example.de/")
        device.tree.set("./Vendor/Nordlicht/Kiosk/Restart", TreeNode(format: .null, execAction: .immediate))
        device.tree.setValue("./Vendor/Acme/Telemetry/Interval", "60")
        device.tree.set("./Vendor/Acme/Telemetry/Interval", TreeNode(format: .int, value: Array("60".utf8)))
        device.tree.setValue("./Vendor/Acme/Telemetry/Buffer", "x")
        device.tree.set("./Vendor/Acme/Telemetry/Flush", TreeNode(format: .null, execAction: .immediate))
        return device
    }
}

/// A Status reduced to what the tests compare.
struct StatusSummary: Hashable, CustomStringConvertible {
    var cmdRef: String
    var cmd: String
    var code: Int
    var description: String { "\(cmd)#\(cmdRef)=\(code)" }
}

extension Array where Element == Command {
    var statusSummaries: [StatusSummary] {
        compactMap {
            guard case .status(let s) = $0 else { return nil }
            return StatusSummary(cmdRef: s.cmdRef, cmd: s.cmd, code: s.code ?? -1)
        }
    }

    var results: [ResultsCommand] {
        compactMap {
            guard case .results(let r) = $0 else { return nil }
            return r
        }
    }

    func code(_ cmdRef: String) -> Int? {
        statusSummaries.first { $0.cmdRef == cmdRef }?.code
    }

    func codes(_ cmdRef: String) -> [Int] {
        statusSummaries.filter { $0.cmdRef == cmdRef }.map(\.code)
    }
}

/// Executes a fixture (or any message) against a device as the server `dms.example.net`.
func execute(_ message: SyncMLMessage, on device: SimulatedDevice, largeObject: IncomingLargeObject? = nil)
    -> CommandExecutor
{
    var executor = CommandExecutor(
        device: device, serverID: TestDevices.serverID, msgRef: message.header.msgID, largeObject: largeObject)
    executor.execute(message.body)
    return executor
}
