import Contracts
@testable import DMSessionServer
import Foundation
import Hummingbird
import HummingbirdTesting
import GRDB
import SyncML
import Testing

/// Whole client-initiated sessions through the HTTP routes, with a real SQLite store.
@Suite struct SessionFlowTests {
    static let managementCommands: [SessionCommandSpec] = [
        SessionCommandSpec(kind: .get, items: [SessionCommandItem(target: "./DevDetail/SwV")]),
        SessionCommandSpec(kind: .replace, items: [SessionCommandItem(target: "./DevDetail/Name", data: "kitchen", format: "chr")]),
        SessionCommandSpec(kind: .add, items: [SessionCommandItem(target: "./Vendor/Flag", data: "1", format: "int")]),
        SessionCommandSpec(kind: .delete, items: [SessionCommandItem(target: "./DevInfo/Lang")]),
        SessionCommandSpec(kind: .exec, items: [SessionCommandItem(target: "./FUMO/fw1/Update")], correlator: "op-17"),
    ]

    @Test(arguments: [
        (AuthScheme.md5, AuthScheme.md5, SyncMLEncoding.xml), (.md5, .md5, .wbxml), (.basic, .basic, .xml),
        (.basic, .basic, .wbxml), (.hmac, .hmac, .xml), (.hmac, .hmac, .wbxml), (.md5, .hmac, .xml), (.hmac, .basic, .wbxml),
    ])
    func completeSessionWithEveryCommand(clientAuth: AuthScheme, serverAuth: AuthScheme, encoding: SyncMLEncoding) async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        device.scheme = clientAuth
        device.serverScheme = serverAuth
        device.encoding = encoding
        try await harness.register(device)
        var ids: [String] = []
        for spec in Self.managementCommands { ids.append(try await harness.enqueue(device.deviceID, spec)) }

        let (exchanges, after) = try await harness.session(device)
        device = after
        // Package 2 carries the commands, package 4 only Statuses: the session is over.
        #expect(exchanges.allSatisfy { $0.status == 200 && $0.contentType == encoding.contentType })
        let first = try #require(exchanges.first?.message)
        guard case .status(let headerStatus) = first.body.first else { Issue.record("no SyncHdr Status"); return }
        #expect(headerStatus.cmd == "SyncHdr" && headerStatus.cmdRef == "0" && headerStatus.msgRef == "1")
        #expect(headerStatus.code == (clientAuth == .hmac ? 200 : 212))
        #expect(first.header.respURI?.contains("/dm/") == true)
        #expect(first.header.sessionID == device.sessionID)
        let last = try #require(exchanges.last?.message)
        #expect(last.isFinal && last.body.allSatisfy { if case .status = $0 { true } else { false } })
        #expect(exchanges.count == 2)
        // The device accepted every credential the server sent.
        #expect(!device.serverCredentialChecks.isEmpty && device.serverCredentialChecks.allSatisfy { $0 })

        let commands = try await harness.commands(device.deviceID)
        #expect(commands.map(\.commandID) == ids)
        #expect(commands.map(\.state) == Array(repeating: "completed", count: 5))
        #expect(commands.map(\.status) == [200, 200, 200, 200, 202])
        #expect(commands[0].results?.first?.data == "2.1.0")
        let tree = try await harness.tree(device.deviceID)
        #expect(tree["./DevDetail/SwV"] == "2.1.0")
        #expect(tree["./DevDetail/Name"] == "kitchen")
        #expect(tree["./Vendor/Flag"] == "1")
        #expect(tree["./DevInfo/Lang"] == nil)
        #expect(tree["./DevInfo/Man"] == "Acme")

        let types = try await harness.eventTypes()
        #expect(types.first == "dm.session.session.started")
        #expect(types.contains("dm.session.device.authenticated"))
        #expect(types.filter { $0 == "dm.session.command.completed" }.count == 5)
        #expect(types.last == "dm.session.session.ended")
        let ended = try await harness.events(SessionEnded.self)
        #expect(ended.map(\.outcome) == ["completed"])
        #expect(ended.first?.commandsCompleted == 5)
        let completed = try await harness.events(CommandCompleted.self)
        #expect(completed.last?.correlator == "op-17")
        let started = try await harness.events(SessionStarted.self)
        #expect(started.first?.alertCode == 1201 && started.first?.encoding == encoding.rawValue)
    }

    @Test func sessionWithNothingQueuedEndsAfterPackageTwo() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        try await harness.register(device)
        let (exchanges, _) = try await harness.session(device)
        #expect(exchanges.count == 1)
        #expect(exchanges[0].message?.isFinal == true)
        #expect(try await harness.events(SessionEnded.self).map(\.outcome) == ["completed"])
        // DevInfo went into the last-known tree, with a change event per value.
        #expect(try await harness.tree(device.deviceID, "./DevInfo").count == 5)
        #expect(try await harness.eventTypes().filter { $0 == "dm.session.tree.value-changed" }.count == 5)
    }

    @Test func aValueReportedAgainMovesItsTimeAndSessionButIsNoChange() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        try await harness.register(device)
        (_, device) = try await harness.session(device)
        let store = harness.store
        let deviceID = device.deviceID
        func modNode() async throws -> TreeNodeView? {
            try await store.writer.read { db in try store.tree(deviceID, prefix: "./DevInfo/Mod", in: db) }.first
        }
        let first = try #require(try await modNode())
        // The second session reports the same DevInfo but a new model name.
        device.tree["./DevInfo/Mod"] = "X2"
        device.sessionID = "3B"
        (_, device) = try await harness.session(device)
        let changes = try await harness.events(TreeValueChanged.self)
        #expect(changes.count == 6)
        #expect(changes.last.map { [$0.uri, $0.value] } == ["./DevInfo/Mod", "X2"])
        let sessions = try await harness.events(SessionStarted.self).map(\.sessionID)
        let nodes = try await store.writer.read { db in try store.tree(deviceID, prefix: "./DevInfo", in: db) }
        #expect(nodes.count == 5)
        // Every node, changed or not, was last reported in the second session.
        #expect(nodes.allSatisfy { $0.sessionID == sessions.last })
        let mod = try #require(try await modNode())
        #expect(mod.value == "X2" && mod.updatedAt >= first.updatedAt)
    }

    @Test func serverInitiatedSessionAfterPackageZero() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, Self.managementCommands[0])
        _ = try await harness.session(device, alert: 1200)
        #expect(try await harness.events(SessionStarted.self).first?.alertCode == 1200)
        #expect(try await harness.commands(device.deviceID).first?.status == 200)
    }

    @Test func customerCareCommandsGoFirst() async throws {
        let harness = try await Harness.make()
        var device = TestDevice()
        try await harness.register(device)
        let normal = try await harness.enqueue(device.deviceID, Self.managementCommands[0])
        let care = try await harness.enqueue(device.deviceID, Self.managementCommands[1], priority: 20)
        let (exchanges, _) = try await harness.session(device)
        let commands = try #require(exchanges.first?.message).body.filter { if case .status = $0 { false } else { true } }
        #expect(commands.map(\.name) == ["Replace", "Get"])
        #expect(Set(try await harness.commands(device.deviceID).map(\.commandID)) == [normal, care])
    }
}
