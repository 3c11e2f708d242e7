import Contracts
@testable import DMSessionServer
import Foundation
import Hummingbird
import HummingbirdTesting
import SyncML
import Testing

/// Multi-message packages (1222), Large Objects both ways, Atomic, Sequence, UI alerts and Generic Alerts.
@Suite struct PackageTests {
    @Test(arguments: [SyncMLEncoding.xml, .wbxml])
    func commandsBeyondMaxMsgSizeGoInFurtherMessagesOnAlert1222(encoding: SyncMLEncoding) async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.encoding = encoding
        device.maxMsgSize = 1500
        try await harness.register(device)
        for index in 0..<30 {
            try await harness.enqueue(
                device.deviceID,
                SessionCommandSpec(kind: .replace, items: [.init(target: "./Vendor/Setting\(index)", data: "value-\(index)")]))
        }
        let (exchanges, after) = try await harness.session(device)
        let serverMessages = exchanges.compactMap(\.message)
        #expect(serverMessages.count >= 3)
        for (index, message) in serverMessages.enumerated() {
            #expect(exchanges[index].body.count <= 1500, "message \(index) is \(exchanges[index].body.count) bytes")
            let hasCommands = message.body.contains { $0.name == "Replace" }
            // Every message but the last of a package leaves Final out.
            if hasCommands, index < serverMessages.count - 2 { #expect(!message.isFinal) }
        }
        #expect(serverMessages.last?.isFinal == true)
        let commands = try await harness.commands(device.deviceID)
        #expect(commands.count == 30 && commands.allSatisfy { $0.state == "completed" && $0.status == 200 })
        #expect(after.tree["./Vendor/Setting29"] == "value-29")
    }

    @Test func theCommandLimitSplitsMessagesToo() async throws {
        let harness = try await Harness.make(limits: SessionLimits(maxCommandsPerMessage: 4))
        let device = TestDevice()
        try await harness.register(device)
        for index in 0..<10 {
            try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevInfo/Man")]))
            _ = index
        }
        let (exchanges, _) = try await harness.session(device)
        let counts = exchanges.compactMap(\.message).map { $0.body.filter { $0.name == "Get" }.count }
        #expect(counts.max() == 4)
        #expect(counts.reduce(0, +) == 10)
    }

    @Test(arguments: [SyncMLEncoding.xml, .wbxml])
    func aLargeObjectGoesOutInChunks(encoding: SyncMLEncoding) async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.encoding = encoding
        device.maxMsgSize = 2000
        device.maxObjSize = 100_000
        try await harness.register(device)
        let payload = Base64.encode((0..<9000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        try await harness.enqueue(
            device.deviceID,
            SessionCommandSpec(
                kind: .replace,
                items: [.init(target: "./FUMO/fw1/Update/PkgData", data: payload, format: "b64", type: "application/octet-stream")]))
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevInfo/Man")]))
        let (exchanges, after) = try await harness.session(device)
        let chunks = exchanges.compactMap(\.message).flatMap { message in
            message.body.compactMap { command -> Item? in
                if case .replace(let replace) = command { return replace.items.first }
                return nil
            }
        }
        #expect(chunks.count > 5)
        #expect(chunks.first?.meta?.size == String(payload.utf8.count))
        #expect(chunks.dropFirst().allSatisfy { $0.meta?.size == nil })
        #expect(chunks.dropLast().allSatisfy { $0.moreData && ($0.data?.byteCount ?? 0) % 4 == 0 })
        #expect(chunks.last?.moreData == false)
        #expect(exchanges.allSatisfy { $0.body.count <= 2000 })
        #expect(after.tree["./FUMO/fw1/Update/PkgData"] == payload)
        let commands = try await harness.commands(device.deviceID)
        #expect(commands.map(\.status) == [200, 200])
        #expect(try await harness.tree(device.deviceID)["./FUMO/fw1/Update/PkgData"] == payload)
    }

    @Test func anObjectLargerThanTheDeviceAcceptsFailsWith413() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.maxMsgSize = 1000
        device.maxObjSize = 2000
        try await harness.register(device)
        try await harness.enqueue(
            device.deviceID, SessionCommandSpec(kind: .replace, items: [.init(target: "./Big", data: String(repeating: "x", count: 5000))]))
        _ = try await harness.session(device)
        #expect(try await harness.commands(device.deviceID).first?.status == 413)
    }

    /// Results for a Get sent by the device in chunks; `sizeDelta` breaks the declared size.
    func chunkedResults(sizeDelta: Int) async throws -> (Harness, [Exchange]) {
        let harness = try await Harness.make()
        let device = TestDevice()
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./Vendor/Log")]))
        let value = String(repeating: "log line\n", count: 300)
        let exchanges = try await harness.application.test(.router) { client in
            var device = device
            var exchanges: [Exchange] = []
            let first = try await client.send(device.package1(), from: &device, to: "/dm")
            exchanges.append(first)
            let get = try #require(first.message?.body.first { $0.name == "Get" })
            let msgRef = try #require(first.message?.header.msgID)
            let bytes = Array(value.utf8)
            let parts = stride(from: 0, to: bytes.count, by: 1000).map { Array(bytes[$0..<min($0 + 1000, bytes.count)]) }
            for (index, part) in parts.enumerated() {
                let isFirst = index == 0, isLast = index == parts.count - 1
                var body: [Command] = []
                if isFirst {
                    body.append(.status(StatusCommand(cmdID: "1", msgRef: msgRef, cmdRef: "0", cmd: "SyncHdr", data: "200")))
                    body.append(.status(StatusCommand(cmdID: "2", msgRef: msgRef, cmdRef: get.cmdID, cmd: "Get", data: "200")))
                }
                body.append(
                    .results(
                        ResultsCommand(
                            cmdID: "3", msgRef: msgRef, cmdRef: get.cmdID,
                            items: [
                                Item(
                                    source: Location("./Vendor/Log"),
                                    meta: isFirst ? MetaInfo(format: "chr", size: String(bytes.count + sizeDelta)) : nil,
                                    data: .text(String(decoding: part, as: UTF8.self)), moreData: !isLast)
                            ])))
                let message = SyncMLMessage(header: device.nextHeader(withCred: false), body: body, isFinal: isLast)
                exchanges.append(try await client.send(message, from: &device))
            }
            return exchanges
        }
        return (harness, exchanges)
    }

    @Test func aLargeObjectComesInInChunks() async throws {
        let (harness, exchanges) = try await chunkedResults(sizeDelta: 0)
        // Each chunk but the last: 213 and Alert 1222, no Final.
        for exchange in exchanges.dropFirst().dropLast() {
            let message = try #require(exchange.message)
            #expect(message.body.contains { if case .status(let s) = $0 { s.code == 213 } else { false } })
            #expect(message.body.contains { if case .alert(let a) = $0 { a.code == 1222 } else { false } })
            #expect(!message.isFinal)
        }
        let command = try #require(try await harness.commands(TestDevice().deviceID).first)
        #expect(command.status == 200)
        #expect(command.results?.first?.data == String(repeating: "log line\n", count: 300))
        #expect(try await harness.tree(TestDevice().deviceID)["./Vendor/Log"]?.count == 2700)
    }

    @Test func aLargeObjectOfTheWrongSizeGets424() async throws {
        let (harness, exchanges) = try await chunkedResults(sizeDelta: 5)
        let last = try #require(exchanges.last?.message)
        #expect(last.body.contains { if case .status(let s) = $0 { s.code == 424 && s.cmd == "Results" } else { false } })
        #expect(try await harness.commands(TestDevice().deviceID).first?.status == 424)
        #expect(try await harness.tree(TestDevice().deviceID)["./Vendor/Log"] == nil)
    }

    @Test func anObjectCutShortByAnotherGetsAlert1225() async throws {
        let harness = try await Harness.make()
        let device = TestDevice()
        try await harness.register(device)
        let answer = try await harness.application.test(.router) { client in
            var device = device
            let first = Command.replace(
                ItemCommand(
                    cmdID: "3",
                    items: [Item(source: "./DevInfo/Ext/Blob", meta: MetaInfo(size: "100"), data: .text("0123456789"), moreData: true)]))
            var message = device.package1(extra: [first])
            message.isFinal = false
            _ = try await client.send(message, from: &device, to: "/dm")
            let other = Command.replace(ItemCommand(cmdID: "1", items: [Item(source: "./DevInfo/Ext/Other", data: .text("x"))]))
            return try await client.send(
                SyncMLMessage(header: device.nextHeader(withCred: false), body: [other]), from: &device)
        }
        let alert = answer.message?.body.compactMap { if case .alert(let a) = $0 { a } else { nil } }.first
        #expect(alert?.code == 1225)
        #expect(alert?.items.first?.target?.locURI == "./DevInfo/Ext/Blob")
        let tree = try await harness.tree(device.deviceID)
        #expect(tree["./DevInfo/Ext/Blob"] == nil && tree["./DevInfo/Ext/Other"] == "x")
    }

    @Test func atomicSequenceAndUserInteraction() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.uiAnswer = "2"
        try await harness.register(device)
        let atomic = try await harness.enqueue(
            device.deviceID,
            SessionCommandSpec(
                kind: .atomic,
                commands: [
                    SessionCommandSpec(kind: .replace, items: [.init(target: "./A", data: "1")]),
                    SessionCommandSpec(kind: .add, items: [.init(target: "./B", data: "2")]),
                ]))
        let sequence = try await harness.enqueue(
            device.deviceID,
            SessionCommandSpec(
                kind: .sequence,
                commands: [
                    SessionCommandSpec(kind: .get, items: [.init(target: "./DevInfo/Mod")]),
                    SessionCommandSpec(kind: .copy, items: [.init(target: "./C", source: "./DevInfo/Mod")]),
                ]))
        let choice = try await harness.enqueue(
            device.deviceID,
            SessionCommandSpec(
                kind: .alert,
                items: [.init(data: "MAXDT=30"), .init(data: "Pick one"), .init(data: "Red"), .init(data: "Green")],
                alertCode: 1103))
        let (exchanges, _) = try await harness.session(device)
        let sent = try #require(exchanges.first?.message)
        // Every nested command has its own CmdID, unique in the message.
        var ids: [String] = []
        func collect(_ command: Command) {
            ids.append(command.cmdID)
            if case .atomic(let c) = command { c.commands.forEach(collect) }
            if case .sequence(let c) = command { c.commands.forEach(collect) }
        }
        sent.body.forEach(collect)
        #expect(Set(ids).count == ids.count)

        let commands = try await harness.commands(device.deviceID)
        let byID = Dictionary(uniqueKeysWithValues: commands.map { ($0.commandID, $0) })
        #expect(byID[atomic]?.status == 200)
        #expect(byID[atomic]?.statuses?.map(\.status) == [200, 200])
        #expect(byID[sequence]?.statuses?.map(\.command) == ["Get", "Copy"])
        #expect(byID[sequence]?.results?.first?.data == "X1")
        #expect(byID[choice]?.status == 200)
        #expect(byID[choice]?.results?.first?.data == "2")
        let tree = try await harness.tree(device.deviceID)
        #expect(tree["./A"] == "1" && tree["./B"] == "2")
    }

    @Test func aFailedAtomicChangesNoValue() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.atomicStatus = 507
        try await harness.register(device)
        try await harness.enqueue(
            device.deviceID,
            SessionCommandSpec(kind: .atomic, commands: [SessionCommandSpec(kind: .replace, items: [.init(target: "./A", data: "1")])]))
        _ = try await harness.session(device)
        let command = try #require(try await harness.commands(device.deviceID).first)
        #expect(command.status == 507 && command.statuses?.first?.status == 216)
        #expect(try await harness.tree(device.deviceID)["./A"] == nil)
    }

    @Test func genericAlertsAndOtherAlertsArePublished() async throws {
        let harness = try await Harness.make()
        let device = TestDevice()
        try await harness.register(device)
        let generic = Command.alert(
            AlertCommand(
                cmdID: "3", data: "1226", correlator: "op-17",
                items: [
                    Item(
                        target: Location("./FUMO/fw1/Update"), source: Location("./FUMO/fw1"),
                        meta: MetaInfo(format: "int", type: "org.openmobilealliance.dm.firmwareupdate.update", mark: "critical"),
                        data: .text("200"))
                ]))
        let event = Command.alert(
            AlertCommand(cmdID: "4", data: "1224", items: [Item(meta: MetaInfo(format: "chr", type: "x-vendor"), data: .text("low battery"))]))
        let answer = try await harness.application.test(.router) { client in
            var device = device
            return try await client.send(device.package1(extra: [generic, event]), from: &device, to: "/dm")
        }
        let statuses = answer.message?.body.compactMap { if case .status(let s) = $0, s.cmd == "Alert" { s.code } else { nil } }
        #expect(statuses == [200, 200, 200])
        let alerts = try await harness.events(AlertReceived.self)
        #expect(alerts.map(\.code) == [1226, 1224])
        #expect(alerts[0].correlator == "op-17")
        #expect(
            alerts[0].items == [
                AlertItem(
                    source: "./FUMO/fw1", target: "./FUMO/fw1/Update", type: "org.openmobilealliance.dm.firmwareupdate.update",
                    format: "int", mark: "critical", data: "200")
            ])
        #expect(alerts[1].items.first?.data == "low battery")
    }

    @Test func anAbortEndsTheSessionAndRequeues() async throws {
        let harness = try await Harness.make()
        let device = TestDevice()
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevInfo/Man")]))
        try await harness.application.test(.router) { client in
            var device = device
            _ = try await client.send(device.package1(), from: &device, to: "/dm")
            let abort = SyncMLMessage(
                header: device.nextHeader(withCred: false), body: [.alert(AlertCommand(cmdID: "1", data: "1223"))])
            let answer = try await client.send(abort, from: &device)
            #expect(answer.message?.isFinal == true)
        }
        #expect(try await harness.events(SessionEnded.self).map(\.outcome) == ["aborted"])
        #expect(try await harness.commands(device.deviceID).first?.state == "queued")
    }
}
