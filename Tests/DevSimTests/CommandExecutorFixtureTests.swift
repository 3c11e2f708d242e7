import DMTree
import DeviceSimulator
import SyncML
import Testing

/// Each server command of the fixture corpus gets the status the DM 1.2 spec requires.
@Suite("Device engine against fixture server messages")
struct CommandExecutorFixtureTests {
    @Test("11: Add of interior nodes and leaves with Meta; a repeat answers 418")
    func addInteriorAndLeaves() throws {
        let message = try Fixtures.message(11)
        let first = execute(message, on: TestDevices.deviceA())
        #expect(first.replies.statusSummaries.map(\.code) == [200, 200, 200])
        let tree = first.device.tree
        #expect(tree.node("./DMAcc/corpmdm/AppAddr/srv")?.format == .node)
        #expect(tree.value("./DMAcc/corpmdm/ServerID") == "corp.mdm.example")
        #expect(tree.node("./DMAcc/corpmdm/Ext/Cert")?.format == .bin)
        #expect(tree.node("./DMAcc/corpmdm/Ext/Retries")?.format == .int)
        let again = execute(message, on: first.device)
        #expect(again.replies.statusSummaries.allSatisfy { $0.code == 418 })
    }

    @Test("12: Replace, Delete and Copy: per-Item statuses, 404 for missing nodes")
    func replaceDeleteCopy() throws {
        let setup = execute(try Fixtures.message(11), on: TestDevices.deviceA()).device
        let run = execute(try Fixtures.message(12), on: setup)
        #expect(run.replies.code("2") == 200)
        // Name and Ext/Comment were never added: Replace does not create nodes (404)
        #expect(run.replies.codes("3") == [404, 200, 404])
        #expect(run.replies.code("4") == 404)  // ./DMAcc/legacysrv
        #expect(run.replies.code("5") == 200)
        #expect(run.replies.code("6") == 404)  // Copy from a missing PortNbr
        #expect(run.device.tree.value("./DMAcc/corpmdm/Name") == nil)
        #expect(run.device.tree.value("./DMAcc/corpmdm/AAuthPref") == "BASIC")
        #expect(run.device.tree.value("./DMAcc/corpmdm/Ext/Retries") == nil)
        #expect(run.device.tree.node("./DMAcc/corpmdm/Ext/Cert") == nil)
    }

    @Test("13: Get with ?list=Struct, ?prop=ACL, ?prop=Format, ?list=StructData")
    func getQueries() throws {
        let setup = execute(try Fixtures.message(11), on: TestDevices.deviceA()).device
        let run = execute(try Fixtures.message(13), on: setup)
        #expect(run.replies.statusSummaries.filter { $0.cmd == "Get" }.map(\.code) == [200, 200, 200, 200])
        let results = run.replies.results
        #expect(results.count == 4)
        let structURIs = results[0].items.compactMap { $0.source?.locURI }
        #expect(structURIs.contains("./DMAcc/corpmdm/AppAddr/srv/Addr"))
        #expect(results[0].items.allSatisfy { $0.data == nil })
        // AAuthSecret has no Get for anyone: it is left out of the structure.
        #expect(!structURIs.contains { $0.hasSuffix("AAuthSecret") })
        let props = results[1].items.map { $0.data?.string }
        #expect(props.contains("chr"))
        let structData = results[2].items
        #expect(structData.contains { $0.source?.locURI == "./DevDetail/FwV" && $0.data?.string == "1.0.0" })
        #expect(results[3].items.first?.data?.string == "srv")
        #expect(results[3].items.first?.meta?.format == "node")
    }

    @Test("15: Exec with a Correlator answers 202 and queues the download; an unknown node answers 404")
    func execCorrelator() throws {
        let run = execute(try Fixtures.message(15), on: TestDevices.deviceA())
        #expect(run.replies.code("2") == 202)
        #expect(run.replies.code("3") == 404)
        #expect(run.device.pendingOperations.first?.action == .fumoDownload)
        #expect(run.device.pendingOperations.first?.correlator != nil)
        #expect(run.device.tree.value("./FwUpdate/x1/State") == "30")
    }

    @Test("16: Sequence with a nested Atomic executes in order")
    func atomicInSequence() throws {
        let run = execute(try Fixtures.message(16), on: TestDevices.deviceA())
        #expect(run.replies.statusSummaries.map(\.code).allSatisfy { $0 == 200 })
        #expect(run.device.tree.value("./Vendor/Acme/Wlan/Profiles/office/SSID") == "ACME-OFFICE")
        #expect(run.device.tree.value("./Vendor/Acme/Wlan/Enabled") == "true")
        #expect(run.replies.results.first?.items.first?.data?.string == "connected")
    }

    @Test("17: Atomic commits when the user confirms")
    func atomicCommits() throws {
        let run = execute(try Fixtures.message(17), on: TestDevices.deviceA())
        #expect(run.replies.code("2") == 200)
        #expect(run.device.tree.node("./Vendor/Acme/Proxy/old") == nil)
        #expect(run.device.tree.value("./Vendor/Acme/Proxy/new/Exclusions") == "localhost")
    }

    @Test("17: Atomic rolls back when the user says no: 507, 216 for what ran, the alert's 304")
    func atomicRollsBack() throws {
        let device = TestDevices.deviceA(policy: UIPolicy(response: .reject))
        let run = execute(try Fixtures.message(17), on: device)
        #expect(run.replies.code("2") == 507)
        #expect(run.replies.code("3") == 216)
        #expect(run.replies.code("5") == 216)
        #expect(run.replies.code("9") == 304)
        #expect(run.device.tree == device.tree)
    }

    @Test("18: a nested Atomic answers 500 and the outer Atomic fails with 507 and rolls back")
    func nestedAtomic() throws {
        let device = TestDevices.deviceA()
        let run = execute(try Fixtures.message(18), on: device)
        #expect(run.replies.code("2") == nil)  // NoResp on the Sequence
        #expect(run.replies.code("3") == 507)
        #expect(run.replies.code("5") == 500)
        #expect(run.replies.code("10") == 200)
        #expect(run.replies.code("11") == 200)
        #expect(run.device.tree.value("./Vendor/Acme/Policy/Pending") == "yes")
    }

    @Test("20: NoResp commands get no Status")
    func noResp() throws {
        let run = execute(try Fixtures.message(20), on: TestDevices.deviceA())
        #expect(run.replies.isEmpty)
        #expect(run.device.tree.value("./Vendor/Acme/Telemetry/Interval") == "900")
        #expect(run.device.tree.node("./Vendor/Acme/Telemetry/Buffer") == nil)
    }

    @Test("22, 24, 25: a Large Object in three chunks: 213, 213, then 200 and the Exec's 202")
    func largeObjectChunks() throws {
        var device = TestDevices.deviceA()
        var object: IncomingLargeObject?
        var codes: [Int] = []
        var awaiting: [Bool] = []
        for number in [22, 24, 25] {
            let run = execute(try Fixtures.message(number), on: device, largeObject: object)
            device = run.device
            object = run.largeObject
            codes += run.replies.statusSummaries.map(\.code)
            awaiting.append(run.awaitingMoreData)
        }
        #expect(codes == [213, 213, 200, 202])
        #expect(awaiting == [true, true, false])
        #expect(device.tree.node("./FwUpdate/x1/Update/PkgData")?.value?.count == 90)
        #expect(device.pendingOperations.first?.action == .fumoUpdate)
    }

    @Test("22 then 11: a new command before the last chunk raises Alert 1225 and commits nothing")
    func largeObjectInterrupted() throws {
        let first = execute(try Fixtures.message(22), on: TestDevices.deviceA())
        let second = execute(try Fixtures.message(11), on: first.device, largeObject: first.largeObject)
        #expect(second.alerts.count == 1)
        if case .alert(let alert)? = second.alerts.first { #expect(alert.code == 1225) }
        #expect(second.largeObject == nil)
        #expect(second.device.tree.node("./FwUpdate/x1/Update/PkgData")?.value?.isEmpty == true)
    }

    @Test("30: display and confirm: accept runs the Sequence, reject skips it with 215")
    func confirmInSequence() throws {
        let accepted = execute(try Fixtures.message(30), on: TestDevices.deviceA())
        #expect(accepted.replies.statusSummaries.map(\.code).allSatisfy { $0 == 200 })
        let rejected = execute(try Fixtures.message(30), on: TestDevices.deviceA(policy: UIPolicy(response: .reject)))
        let codes = rejected.replies.statusSummaries.map(\.code)
        #expect(codes == [200, 200, 304, 215, 215])
        let timedOut = execute(try Fixtures.message(30), on: TestDevices.deviceA(policy: UIPolicy(response: .timeout)))
        #expect(timedOut.replies.statusSummaries.map(\.code).contains(304))  // DR=0 is the default on timeout
    }

    @Test("31: text input answers with the default, the configured text, or 214/408")
    func textInput() throws {
        let message = try Fixtures.message(31)
        let accepted = execute(message, on: TestDevices.deviceA())
        let statuses = accepted.replies.compactMap { if case .status(let s) = $0 { s } else { nil } }
        #expect(statuses.map { $0.code } == [200, 200, 200])
        #expect(statuses[0].items.first?.data?.string == "Lobby West")
        #expect(statuses[1].items.first?.data?.string == "123456")
        #expect(statuses[2].items.first?.data?.string == "01062024")
        let typed = execute(message, on: TestDevices.deviceA(policy: UIPolicy(textInput: "Desk 4")))
        if case .status(let s)? = typed.replies.first { #expect(s.items.first?.data?.string == "Desk 4") }
        #expect(
            execute(message, on: TestDevices.deviceA(policy: UIPolicy(response: .reject))).replies.statusSummaries
                .map(\.code) == [214, 214, 214])
        #expect(
            execute(message, on: TestDevices.deviceA(policy: UIPolicy(response: .timeout))).replies.statusSummaries
                .map(\.code) == [408, 408, 408])
    }

    @Test("32: single and multiple choice answer with the chosen numbers")
    func choices() throws {
        let run = execute(try Fixtures.message(32), on: TestDevices.deviceA())
        let statuses = run.replies.compactMap { if case .status(let s) = $0 { s } else { nil } }
        #expect(statuses.map { $0.code } == [200, 200, 200])
        #expect(statuses[0].items.map { $0.data?.string } == ["2"])
        #expect(statuses[1].items.map { $0.data?.string } == ["1", "3"])
    }

    @Test("45: FUMO DownloadAndUpdate: Replace PkgURL/PkgName/PkgVersion, Exec 202, State 30")
    func fumoDownloadAndUpdate() throws {
        let run = execute(try Fixtures.message(45), on: TestDevices.deviceA(fumoInstance: "Package1"))
        #expect(run.replies.statusSummaries.map(\.code) == [200, 200, 200, 202])
        #expect(run.device.tree.value("./FwUpdate/Package1/PkgVersion") == "4.3.0")
        #expect(run.device.pendingOperations.first?.action == .fumoDownloadAndUpdate)
        #expect(run.device.pendingOperations.first?.correlator == "dau-7782")
        #expect(run.device.tree.value("./FwUpdate/Package1/State") == "30")
    }

    @Test("47: in-band PkgData in one message, Exec Update 202, Get State")
    func fumoInBand() throws {
        let run = execute(try Fixtures.message(47), on: TestDevices.deviceA(fumoInstance: "k19fw"))
        #expect(run.replies.statusSummaries.map(\.code) == [200, 200, 202, 200])
        #expect((run.device.tree.node("./FwUpdate/k19fw/Update/PkgData")?.value?.count ?? 0) > 0)
        #expect(run.replies.results.first?.items.first?.data?.string == "60")
    }

    @Test("48: SCOMO Atomic Add of a Download entry, Exec DownloadInstall and Remove 202, inventory Get")
    func scomo() throws {
        let run = execute(try Fixtures.message(48), on: TestDevices.deviceA())
        let codes = run.replies.statusSummaries.map(\.code)
        #expect(codes.first == 200)
        #expect(run.replies.statusSummaries.filter { $0.cmd == "Exec" }.map(\.code) == [202, 202])
        #expect(run.device.pendingOperations.map(\.action) == [.scomoDownloadInstall, .scomoRemove])
        #expect(run.device.tree.node("./SCOMO/Download/navapp/Operations/DownloadInstall") != nil)
        let inventory = run.replies.results.first?.items.compactMap { $0.source?.locURI } ?? []
        #expect(inventory.contains("./SCOMO/Inventory/Deployed/weatherwidget/State"))
    }

    @Test("49: LAWMO Replace of the wipe list, Exec Wipe, UnLock and FactoryReset 202")
    func lawmo() throws {
        let run = execute(try Fixtures.message(49), on: TestDevices.deviceA())
        #expect(run.replies.statusSummaries.filter { $0.cmd == "Replace" }.map(\.code) == [200])
        #expect(run.replies.statusSummaries.filter { $0.cmd == "Exec" }.map(\.code) == [202, 202, 202])
        #expect(run.device.tree.value("./LAWMO/AvailableWipeList/contacts/ToBeWiped") == "true")
        #expect(run.device.pendingOperations.map(\.action) == [.lawmoWipe, .lawmoUnLock, .lawmoFactoryReset])
    }
}
