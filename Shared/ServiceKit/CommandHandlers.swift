public import Contracts
public import GRDB
public import Messaging
import Foundation

/// The commands a service answers on its ROUTER, by name.
///
/// Each handler runs inside the receiver's write transaction (its effects and the inbox record commit
/// together) and must not await. `system.ping` and `system.replay` are answered by ``ServiceBus`` itself.
///
/// ```swift
/// var handlers = CommandHandlers()
/// handlers.on(DeviceRegister.self) { command, context, db in
///     try DeviceRecord(command).insert(db)
///     return DeviceRegister.Result(id: command.id)
/// }
/// ```
public struct CommandHandlers: Sendable {
    /// What a typed handler is given besides its `data`: the command's id, its sender and the whole envelope.
    public typealias Context = ReceivedCommand

    /// The handlers by command name.
    public private(set) var byName: [String: CommandReceiver.Handler] = [:]

    /// No handlers.
    public init() {}

    /// Handles `C`: decodes the envelope's `data` (a decoding failure is answered with `invalid_data`), calls
    /// `handle`, and answers with its result. Throwing a ``CommandFailure`` answers with that failure; any other
    /// error rolls the command back and answers `internal_error`.
    public mutating func on<C: BusCommand>(
        _ command: C.Type, _ handle: @escaping @Sendable (C, Context, Database) throws -> C.Result
    ) {
        byName[C.commandName] = { received, db in
            let envelope: CommandEnvelope<C>
            do {
                envelope = try ContractsJSON.decode(CommandEnvelope<C>.self, from: Data(received.envelope))
            } catch {
                return .failure(
                    code: CommandFailure.WellKnownCode.invalidData.rawValue,
                    message: "\(C.commandName): \(Self.describe(error))")
            }
            do {
                let result = try handle(envelope.data, received, db)
                return .success(json: String(decoding: try ContractsJSON.encode(result), as: UTF8.self))
            } catch let failure as CommandFailure {
                return .failure(code: failure.code, message: failure.message)
            }
        }
    }

    /// Handles a command by name with the raw handler (the envelope bytes in, a JSON outcome out).
    public mutating func on(name: String, _ handler: @escaping CommandReceiver.Handler) {
        byName[name] = handler
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return String(describing: error)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
