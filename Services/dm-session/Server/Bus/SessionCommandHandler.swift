import Contracts
import Foundation
public import GRDB
public import Messaging

/// Handles the commands dm-session receives on the bus, inside the receiver's transaction (so the command's
/// effect, its events and its inbox record commit together):
///
/// - `session.device.register`, `session.device.delete`, `session.command.enqueue`, `session.wakeup`;
/// - `system.ping` and `system.replay`, which every service answers.
///
/// Failures: `invalid_data` (undecodable data or a refused request), `not_found` (no such device),
/// `unknown_command`.
public struct SessionCommandHandler: Sendable {
    let store: SessionStore
    let service: String
    let version: String
    let startedAt: Date

    /// Creates the handler.
    /// - Parameters:
    ///   - store: the store.
    ///   - service: the service name for `system.ping` (`dm-session`).
    ///   - version: the version for `system.ping`.
    public init(store: SessionStore, service: String = "dm-session", version: String = "0.1.0") {
        self.store = store
        self.service = service
        self.version = version
        self.startedAt = Date()
    }

    /// The `CommandReceiver.Handler`.
    public var handler: CommandReceiver.Handler {
        { command, db in try self.handle(command, in: db) }
    }

    /// Handles one command.
    public func handle(_ command: ReceivedCommand, in db: Database) throws -> CommandOutcome {
        do {
            switch command.name {
            case SystemPing.commandName:
                return try success(
                    SystemPingResult(
                        service: service, instance: store.eventSource, version: version,
                        uptimeSeconds: Date().timeIntervalSince(startedAt)))
            case SystemReplay.commandName:
                return try ReplayResponder.handle(command, source: store.eventSource, in: db)
            case SessionDeviceRegister.commandName:
                let request = try decode(SessionDeviceRegister.self, command)
                let created = try store.register(request, in: db)
                return try success(SessionDeviceRegistered(deviceID: request.deviceID, created: created))
            case SessionDeviceDelete.commandName:
                let request = try decode(SessionDeviceDelete.self, command)
                let deleted = try store.deleteDevice(request.deviceID, in: db)
                return try success(SessionDeviceDeleted(deviceID: request.deviceID, deleted: deleted))
            case SessionCommandEnqueue.commandName:
                let request = try decode(SessionCommandEnqueue.self, command)
                let id = try store.enqueue(request, in: db)
                return try success(SessionCommandEnqueued(commandID: id, deviceID: request.deviceID))
            case SessionWakeup.commandName:
                let request = try decode(SessionWakeup.self, command)
                return try success(try store.wakeup(request, in: db))
            default:
                return .failure(code: CommandFailure.WellKnownCode.unknownCommand.rawValue, message: command.name)
            }
        } catch let error as StoreError {
            return .failure(code: error.kind == "not-found" ? "not_found" : "invalid_data", message: error.description)
        } catch let error as DecodingError {
            return .failure(code: CommandFailure.WellKnownCode.invalidData.rawValue, message: "\(error)")
        }
    }

    func decode<T: BusCommand>(_ type: T.Type, _ command: ReceivedCommand) throws -> T {
        try ContractsJSON.decode(CommandEnvelope<T>.self, from: Data(command.envelope)).data
    }

    func success(_ value: some Encodable) throws -> CommandOutcome {
        .success(json: String(decoding: try ContractsJSON.encode(value), as: UTF8.self))
    }
}
