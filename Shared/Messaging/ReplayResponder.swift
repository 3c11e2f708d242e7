public import GRDB
internal import Foundation
internal import Contracts

/// Answers `system.replay` from a publisher's outbox: `data` `{"fromSequence": N, "limit": L}` gives
/// `{"source": ..., "events": [...], "lastSequence": M}` with the stored events verbatim.
public enum ReplayResponder {
    /// The command name.
    public static let commandName = SystemReplay.commandName
    /// The largest page served, whatever the request asks.
    public static let maximumLimit = 1000

    /// Builds the outcome for a `system.replay` command inside the receiver's transaction.
    public static func handle(_ command: ReceivedCommand, source: String, in db: Database) throws -> CommandOutcome {
        struct Request: Decodable {
            struct Body: Decodable {
                var fromSequence: Int64
                var limit: Int?
            }
            var data: Body
        }
        guard let request = try? JSONDecoder().decode(Request.self, from: Data(command.envelope)) else {
            return .failure(code: CommandFailure.WellKnownCode.invalidData.rawValue, message: "system.replay needs data.fromSequence")
        }
        let limit = min(max(request.data.limit ?? SystemReplay.defaultLimit, 1), maximumLimit)
        let entries = try EventOutbox.replay(from: max(request.data.fromSequence, 1), limit: limit, in: db)
        let last = try EventOutbox.lastSequence(in: db)
        var json = #"{"source":\#(jsonString(source)),"lastSequence":\#(last),"events":["#
        for (index, entry) in entries.enumerated() {
            if index > 0 { json += "," }
            json += String(decoding: entry.payload, as: UTF8.self)
        }
        json += "]}"
        return .success(json: json)
    }
}
