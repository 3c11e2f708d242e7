import GRDB
import Synchronization

/// Wakes the event relay and the command sender after a commit that inserted into their outboxes.
///
/// A plain `TransactionObserver` rather than two `DatabaseRegionObservation`s: GRDB asks every observer about
/// every statement, and a region observation computes the statement's region to answer; this one compares the
/// table name of inserts only, then stops listening until the next transaction once both outboxes have been seen.
final class OutboxCommitObserver: TransactionObserver, Sendable {
    private struct Touched {
        var events = false
        var commands = false
    }

    static let eventTable = "bus_event_outbox"
    static let commandTable = "bus_command_outbox"

    private let touched = Mutex(Touched())
    private let wakeRelay: @Sendable () -> Void
    private let wakeSender: @Sendable () -> Void

    init(wakeRelay: @escaping @Sendable () -> Void, wakeSender: @escaping @Sendable () -> Void) {
        self.wakeRelay = wakeRelay
        self.wakeSender = wakeSender
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        guard case .insert(let table) = eventKind else { return false }
        return table == Self.eventTable || table == Self.commandTable
    }

    func databaseDidChange(with event: DatabaseEvent) {
        let both = touched.withLock { touched -> Bool in
            if event.tableName == Self.eventTable { touched.events = true } else { touched.commands = true }
            return touched.events && touched.commands
        }
        if both { stopObservingDatabaseChangesUntilNextTransaction() }
    }

    func databaseDidCommit(_ db: Database) {
        let seen = touched.withLock { touched -> Touched in
            defer { touched = Touched() }
            return touched
        }
        if seen.events { wakeRelay() }
        if seen.commands { wakeSender() }
    }

    func databaseDidRollback(_ db: Database) {
        touched.withLock { $0 = Touched() }
    }
}
