import Contracts
import Foundation
import Testing

@Suite struct CatalogTests {
    @Test(arguments: ContractsCatalog.entries.map(\.name))
    func sampleRoundTrips(name: String) throws {
        let entry = try #require(ContractsCatalog.entry(named: name))
        let json = try entry.sampleJSON()
        #expect(try entry.decodesToSample(json))
        // The encoding is canonical: reading the JSON generically and writing it again gives the same bytes.
        let value = try ContractsJSON.decode(JSONValue.self, from: json)
        #expect(try ContractsJSON.encode(value) == json)
    }

    @Test func samplesOfOtherEntriesDoNotPassAsThisOne() throws {
        // decodesToSample really compares: the ping result's bytes are not the replay result's sample.
        let ping = try #require(ContractsCatalog.entry(named: "system.ping.result"))
        let replay = try #require(ContractsCatalog.entry(named: "system.replay.result"))
        #expect(throws: DecodingError.self) { try replay.decodesToSample(try ping.sampleJSON()) }
        let otherID = try ContractsJSON.encode(CommandResult(id: MessageID.random(), data: SystemPingResult.sample))
        #expect(try ping.decodesToSample(otherID) == false)
    }

    @Test func namesAreUniqueAndFollowTheNamingRules() {
        let names = ContractsCatalog.entries.map(\.name)
        #expect(Set(names).count == names.count)
        let eventType = /dm\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*/
        let commandName = /[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+/
        for entry in ContractsCatalog.entries {
            #expect(entry.schemaVersion >= 1, "\(entry.name)")
            switch entry.kind {
            case .event:
                #expect(entry.name.wholeMatch(of: eventType) != nil, "\(entry.name)")
                #expect(entry.frame == entry.name)
            case .command:
                #expect(entry.name.wholeMatch(of: commandName) != nil, "\(entry.name)")
                #expect(entry.frame == entry.name)
                // Every command has its result listed right after it.
                #expect(ContractsCatalog.entry(named: entry.name + ".result")?.kind == .result, "\(entry.name)")
            case .result:
                #expect(entry.name.hasSuffix(".result"), "\(entry.name)")
                #expect(entry.frame == CommandReplyKind.result.rawValue)
                #expect(ContractsCatalog.entry(named: String(entry.name.dropLast(7)))?.kind == .command)
            }
        }
    }

    @Test func catalogHasThePlatformMessages() {
        #expect(
            ContractsCatalog.entries.map(\.name) == [
                "dm.bus.publisher.started", "system.ping", "system.ping.result", "system.replay",
                "system.replay.result", "dm.session.session.started", "dm.session.session.ended",
                "dm.session.device.authenticated", "dm.session.device.authentication-failed",
                "dm.session.command.completed", "dm.session.alert.received", "dm.session.tree.value-changed",
                "session.device.register", "session.device.register.result", "session.device.delete",
                "session.device.delete.result", "session.command.enqueue", "session.command.enqueue.result",
                "session.wakeup", "session.wakeup.result", "notify.package0.deliver", "notify.package0.deliver.result",
            ])
        #expect(
            ContractsCatalog.entry(named: "dm.bus.publisher.started")?.swiftType == "CloudEvent<BusPublisherStarted>")
        #expect(ContractsCatalog.entry(named: "no.such.thing") == nil)
    }

    @Test func replaySampleHoldsThePublishedEventUnchanged() throws {
        let published = try #require(ContractsCatalog.entry(named: "dm.bus.publisher.started"))
        let replayed = try #require(SystemReplayResult.sample.events.first)
        #expect(try ContractsJSON.encode(replayed) == published.sampleJSON())
        #expect(try replayed.decoded(as: BusPublisherStarted.self).data == .sample)
    }
}
