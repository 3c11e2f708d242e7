import Contracts
import Foundation
public import GRDB
public import Messaging
public import ServiceKit

/// Handles the commands dm-session receives on the bus, inside the receiver's transaction (so the command's
/// effect, its events and its inbox record commit together):
///
/// `session.device.register`, `session.device.delete`, `session.command.enqueue`, `session.wakeup`.
/// (`system.ping` and `system.replay` are answered by the service kit's `ServiceBus` for every service.)
///
/// Failures: `invalid_data` (undecodable data or a refused request), `not_found` (no such device),
/// `unknown_command`.
public struct SessionCommandHandler: Sendable {
    let store: SessionStore

    /// The commands this handler answers.
    public static let commandNames = [
        SessionDeviceRegister.commandName, SessionDeviceDelete.commandName, SessionCommandEnqueue.commandName,
        SessionWakeup.commandName,
    ]

    /// Creates the handler.
    /// - Parameter store: the store.
    public init(store: SessionStore) {
        self.store = store
    }

    /// The `CommandReceiver.Handler`.
    public var handler: CommandReceiver.Handler {
        { command, db in try self.handle(command, in: db) }
    }

    /// The handlers to give the service's `ServiceBus`, one per name in ``commandNames``.
    public var commandHandlers: CommandHandlers {
        var handlers = CommandHandlers()
        for name in Self.commandNames { handlers.on(name: name, handler) }
        return handlers
    }

    /// Handles one command.
    public func handle(_ command: ReceivedCommand, in db: Database) throws -> CommandOutcome {
        do {
            switch command.name {
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
