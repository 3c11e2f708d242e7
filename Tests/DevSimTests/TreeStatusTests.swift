import DMTree
import DeviceSimulator
import SyncML
import Testing

/// The statuses the DM 1.2 command semantics require for single commands on the standard tree.
@Suite("Tree statuses: 404, 405, 406, 415, 418, 425, 500")
struct TreeStatusTests {
    func run(_ commands: [Command], on device: SimulatedDevice = TestDevices.deviceA()) -> CommandExecutor {
        let message = SyncMLMessage(
            header: SyncHeader(
                sessionID: "1", msgID: "3", target: Location("IMEI:356938035643809"), source: Location(TestDevices.serverURL)),
            body: commands)
        return execute(message, on: device)
    }

    func item(_ uri: String, _ data: String? = nil, format: String? = nil) -> Item {
        Item(target: Location(uri), meta: format.map { MetaInfo(format: $0) }, data: data.map { .text($0) })
    }

    @Test("Get: 404 missing, 425 for a secret, 405 on the Inbox, 406 for TNDS, 200 on an interior node")
    func get() {
        let replies = run([
            .get(ItemCommand(cmdID: "1", items: [item("./Nothing/Here")])),
            .get(ItemCommand(cmdID: "2", items: [item("./DMAcc/dms/AppAuth/CLCRED/AAuthSecret")])),
            .get(ItemCommand(cmdID: "3", items: [item("./Inbox")])),
            .get(ItemCommand(cmdID: "4", items: [item("./DevInfo?list=TNDS+ACL")])),
            .get(ItemCommand(cmdID: "5", items: [item("./DevInfo")])),
        ]).replies
        #expect(replies.statusSummaries.map(\.code) == [404, 425, 405, 406, 200])
        #expect(replies.results.first?.items.first?.data?.string == "DevId/Man/Mod/DmV/Lang/Ext")
    }

    @Test("Add: 418 exists, 405 below a leaf, 425 without Add, 415 for a bad int, 200 with implicit parents")
    func add() {
        let executor = run([
            .add(ItemCommand(cmdID: "1", items: [item("./DevInfo/DevId", "x")])),
            .add(ItemCommand(cmdID: "2", items: [item("./DevInfo/DevId/Child", "x")])),
            .add(ItemCommand(cmdID: "3", items: [item("./DevInfo/New", "x")])),
            .add(ItemCommand(cmdID: "4", items: [item("./Vendor/Count", "many", format: "int")])),
            .add(ItemCommand(cmdID: "5", items: [item("./Vendor/A/B/C", "1", format: "int")])),
        ])
        #expect(executor.replies.statusSummaries.map(\.code) == [418, 405, 425, 415, 200])
        #expect(executor.device.tree.node("./Vendor/A/B")?.format == .node)
    }

    @Test("Replace: 404 missing, 405 interior, 425 without Replace, 415 wrong format, 200; ?prop=ACL and Name")
    func replace() {
        let executor = run([
            .replace(ItemCommand(cmdID: "1", items: [item("./Vendor/Missing", "x")])),
            .replace(ItemCommand(cmdID: "2", items: [item("./Vendor/Acme", "x")])),
            .replace(ItemCommand(cmdID: "3", items: [item("./DevInfo/Man", "x")])),
            .replace(ItemCommand(cmdID: "4", items: [item("./FwUpdate/x1/State", "x")])),
            .replace(ItemCommand(cmdID: "5", items: [item("./Vendor/Acme/Telemetry/Interval", "abc")])),
            .replace(ItemCommand(cmdID: "6", items: [item("./Vendor/Acme/Wlan/Enabled", "false", format: "bool")])),
            .replace(ItemCommand(cmdID: "7", items: [item("./Vendor/Acme/Wlan?prop=ACL", "Get=*&Replace=dms.example.net")])),
            .replace(ItemCommand(cmdID: "8", items: [item("./Vendor/Acme/Proxy?prop=Name", "Proxies")])),
            .replace(ItemCommand(cmdID: "9", items: [item("./DevInfo/Man?prop=Format", "int")])),
        ])
        #expect(executor.replies.statusSummaries.map(\.code) == [404, 405, 425, 425, 415, 200, 200, 200, 405])
        #expect(executor.device.tree.node("./Vendor/Acme/Wlan")?.acl.description == "Get=*&Replace=dms.example.net")
        #expect(executor.device.tree.node("./Vendor/Acme/Proxies/old/Host") != nil)
        #expect(executor.device.tree.node("./Vendor/Acme/Proxy") == nil)
    }

    @Test("Delete: 405 root and permanent nodes, 404 missing, 425 without Delete, 200 with the subtree")
    func delete() {
        let executor = run([
            .delete(ItemCommand(cmdID: "1", items: [item(".")])),
            .delete(ItemCommand(cmdID: "2", items: [item("./DevInfo")])),
            .delete(ItemCommand(cmdID: "3", items: [item("./Vendor/Missing")])),
            .delete(ItemCommand(cmdID: "4", items: [item("./SCOMO/Inventory/Deployed/weatherwidget")])),
            .delete(ItemCommand(cmdID: "5", items: [item("./Vendor/Acme/Proxy")])),
        ])
        #expect(executor.replies.statusSummaries.map(\.code) == [405, 405, 404, 425, 200])
        #expect(executor.device.tree.node("./Vendor/Acme/Proxy/old/Host") == nil)
    }

    @Test("Exec: 404 missing, 405 not executable, 425 for another server, 500 inside Atomic, 202 accepted")
    func exec() {
        var device = TestDevices.deviceA()
        device.tree.set("./Vendor/Locked", TreeNode(format: .null, acl: try! AccessControlList(parsing: "Exec=other"), execAction: .immediate))
        let executor = run(
            [
                .exec(ExecCommand(cmdID: "1", items: [item("./Vendor/Nothing")])),
                .exec(ExecCommand(cmdID: "2", items: [item("./Vendor/Acme/Wlan/Default")])),
                .exec(ExecCommand(cmdID: "3", items: [item("./Vendor/Locked")])),
                .atomic(ContainerCommand(cmdID: "4", commands: [.exec(ExecCommand(cmdID: "5", items: [item("./LAWMO/Operations/FullyLock")]))])),
                .exec(ExecCommand(cmdID: "6", correlator: "c6", items: [item("./LAWMO/Operations/FullyLock")])),
            ], on: device)
        #expect(executor.replies.statusSummaries.map(\.code) == [404, 405, 425, 507, 500, 202])
        #expect(executor.device.pendingOperations.map(\.correlator) == ["c6"])
    }

    @Test("Copy between leaves: 200 to a new node, 405 from an interior node, 425 without Get on the source")
    func copy() {
        let executor = run([
            .copy(ItemCommand(cmdID: "1", items: [Item(target: "./Vendor/Copy", source: "./Vendor/Acme/Wlan/Default")])),
            .copy(ItemCommand(cmdID: "2", items: [Item(target: "./Vendor/Copy2", source: "./Vendor/Acme")])),
            .copy(ItemCommand(cmdID: "3", items: [Item(target: "./Vendor/Copy3", source: "./DMAcc/dms/AppAuth/CLCRED/AAuthSecret")])),
        ])
        #expect(executor.replies.statusSummaries.map(\.code) == [200, 405, 425])
        #expect(executor.device.tree.value("./Vendor/Copy") == "home")
    }

    @Test("An object over the device's MaxObjSize is refused with 413")
    func maxObjSize() {
        var device = TestDevices.deviceA()
        device.maxObjSize = 10
        let executor = run(
            [.add(ItemCommand(cmdID: "1", items: [item("./Vendor/Big", String(repeating: "x", count: 11))]))], on: device)
        #expect(executor.replies.statusSummaries.map(\.code) == [413])
    }

    @Test("A server that is not the account's server cannot manage the account (425)")
    func otherServer() {
        let message = SyncMLMessage(
            header: SyncHeader(sessionID: "1", msgID: "1", target: "IMEI:1", source: "x"),
            body: [.replace(ItemCommand(cmdID: "1", items: [item("./DMAcc/dms/Name", "evil")]))])
        var executor = CommandExecutor(device: TestDevices.deviceA(), serverID: "evil.example", msgRef: "1")
        executor.execute(message.body)
        #expect(executor.replies.statusSummaries.map(\.code) == [425])
    }
}
