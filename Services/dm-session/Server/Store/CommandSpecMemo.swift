import Contracts
import Foundation
import Synchronization

/// Decoded command specs by their stored JSON, so the queue read of every session does not run the JSON decoder
/// again for a spec it has seen: a campaign queues the same commands for thousands of devices. A pure memo of
/// `decode(bytes)` (the key is the whole stored value), bounded: it starts over when full.
final class CommandSpecMemo: Sendable {
    private let entries = Mutex<[Data: SessionCommandSpec]>([:])
    /// The most specs kept.
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The spec stored as `json`.
    func spec(_ json: Data) throws -> SessionCommandSpec {
        if let known = entries.withLock({ $0[json] }) { return known }
        let spec = try ContractsJSON.decode(SessionCommandSpec.self, from: json)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[json] = spec
        }
        return spec
    }

    /// How many specs it holds.
    var count: Int { entries.withLock { $0.count } }
}
