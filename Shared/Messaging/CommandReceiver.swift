public import GRDB
internal import Foundation
internal import Contracts

/// A command as a receiver's handler sees it.
public struct ReceivedCommand: Sendable {
    public var id: String
    public var name: String
    public var source: String
    /// The whole request envelope (JSON).
    public var envelope: [UInt8]
}

/// What a handler decided: a result body (JSON) or a failure.
public enum CommandOutcome: Sendable, Equatable {
    /// Success with the result's `data` as JSON text (`{}` when there is nothing to say).
    case success(json: String)
    /// Failure with a stable code and a message.
    case failure(code: String, message: String)
}

/// Receives commands exactly once: each new command is stored in the inbox, handled and marked done in ONE
/// transaction, so its effect and its record commit together; a repeat of the same id (the sender did not
/// hear back) gets the stored result without being handled again.
///
/// Replies follow docs/bus.md: since storing and handling are one transaction, the `result` is also the ack.
public final class CommandReceiver: Sendable {
    /// Handles one command inside the receiver's write transaction.
    public typealias Handler = @Sendable (ReceivedCommand, Database) throws -> CommandOutcome

    private let writer: any DatabaseWriter
    private let endpoint: any CommandEndpoint
    private let handler: Handler
    private let maxBatch: Int

    /// - Parameters:
    ///   - writer: the receiver's database.
    ///   - endpoint: where requests arrive (a ROUTER).
    ///   - maxBatch: the most requests handled in one transaction.
    ///   - handler: handles one command inside the transaction.
    public init(writer: any DatabaseWriter, endpoint: any CommandEndpoint, maxBatch: Int = 256, handler: @escaping Handler) {
        self.writer = writer
        self.endpoint = endpoint
        self.maxBatch = max(1, maxBatch)
        self.handler = handler
    }

    /// Answers requests until the endpoint's stream ends or the task is cancelled.
    ///
    /// Requests that arrive while a batch is being handled are handled together in the next transaction
    /// (group commit): each in its own savepoint, so one command's failure never touches another's effects.
    public func run() async throws {
        let buffer = BatchBuffer<RoutedRequest>()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await request in self.endpoint.requests {
                    buffer.append(request)
                }
                buffer.finish()
            }
            group.addTask {
                while let batch = await buffer.take(upTo: self.maxBatch) {
                    let replies = try await self.receive(batch.map(\.frames))
                    let answered = zip(batch, replies).compactMap { request, reply in
                        reply.map { (peer: request.peer, frames: $0) }
                    }
                    try? await self.endpoint.reply(batch: answered)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Stores and handles one request (or finds its stored result) and returns the reply frames; nil for a
    /// request too broken to answer (no id).
    public func receive(_ frames: Frames) async throws -> Frames? {
        try await receive([frames])[0]
    }

    /// Stores and handles requests in one transaction; returns a reply (or nil) for each, in order.
    public func receive(_ batch: [Frames]) async throws -> [Frames?] {
        let results: [[UInt8]?] = try await writer.write { db in
            try batch.map { frames in try self.handleOne(frames, in: db) }
        }
        return results.map { result in result.map { [ReplyKind.result, $0] } }
    }

    private func handleOne(_ frames: Frames, in db: Database) throws -> [UInt8]? {
        guard frames.count == 2, let header = CommandHeader.decode(frames[1]) else { return nil }
        let id = header.id, source = header.source ?? ""
        let name = String(decoding: frames[0], as: UTF8.self)
        let envelope = frames[1]
        if let stored = try Data.fetchOne(
            db.cachedStatement(sql: "SELECT result FROM bus_command_inbox WHERE id = ? AND state = 'done'"),
            arguments: [id])
        {
            return Array(stored)
        }
        let command = ReceivedCommand(id: id, name: name, source: source, envelope: envelope)
        // The handler runs in a savepoint: if it throws, its writes are rolled back and the failure is
        // what gets stored and answered.
        var outcome = CommandOutcome.failure(code: CommandFailure.WellKnownCode.internalError.rawValue, message: "no outcome")
        do {
            try db.inSavepoint {
                outcome = try self.handler(command, db)
                return .commit
            }
        } catch {
            outcome = .failure(code: CommandFailure.WellKnownCode.internalError.rawValue, message: String(describing: error))
        }
        let result = CommandReceiver.resultJSON(id: id, outcome: outcome)
        try db.cachedStatement(
            sql: """
                INSERT INTO bus_command_inbox (id, name, source, payload, received_at, state, result)
                VALUES (?, ?, ?, ?, ?, 'done', ?)
                """
        ).execute(arguments: [id, name, source, Data(envelope), Date().timeIntervalSince1970, Data(result)])
        return result
    }

    /// The `result` reply body for an outcome.
    static func resultJSON(id: String, outcome: CommandOutcome) -> [UInt8] {
        switch outcome {
        case .success(let json):
            return Array(#"{"id":\#(jsonString(id)),"ok":true,"data":\#(json)}"#.utf8)
        case .failure(let code, let message):
            return Array(
                #"{"id":\#(jsonString(id)),"ok":false,"error":{"code":\#(jsonString(code)),"message":\#(jsonString(message))}}"#.utf8)
        }
    }
}
