/// The `result` reply: the outcome of a command, stored with its inbox entry and sent again for a repeated id.
///
/// JSON: `{"id": ..., "ok": true, "data": {...}}` on success, `{"id": ..., "ok": false, "error": {"code": ...,
/// "message": ...}}` on failure. ``ok`` is true exactly when there is no ``error``; a success always has ``data``.
///
/// ```swift
/// let reply = try ContractsJSON.decode(CommandResult<SystemPingResult>.self, from: bytes)
/// let pong = try reply.get()  // throws the CommandFailure of a failed command
/// ```
public struct CommandResult<Payload: Codable & Sendable>: Sendable {
    /// The command's id.
    public var id: String
    /// The result data, present exactly when the command succeeded.
    public private(set) var data: Payload?
    /// Why the command failed, present exactly when it failed.
    public private(set) var error: CommandFailure?

    /// Whether the command succeeded.
    public var ok: Bool { error == nil }

    /// A success.
    /// - Parameters:
    ///   - id: the command's id.
    ///   - data: the result.
    public init(id: String, data: Payload) {
        self.id = id
        self.data = data
        self.error = nil
    }

    /// A failure.
    /// - Parameters:
    ///   - id: the command's id.
    ///   - failure: why it failed.
    public init(id: String, failure: CommandFailure) {
        self.id = id
        self.data = nil
        self.error = failure
    }

    /// The result data of a success.
    /// - Returns: ``data``.
    /// - Throws: the ``CommandFailure`` of a failure.
    public func get() throws(CommandFailure) -> Payload {
        if let error { throw error }
        guard let data else {
            throw CommandFailure(.internalError, message: "a successful result without data")
        }
        return data
    }
}

extension CommandResult: Equatable where Payload: Equatable {}

extension CommandResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, ok, data, error
    }

    /// Reads a result; `ok` decides whether `data` or `error` must be there.
    /// - Parameter decoder: the decoder.
    /// - Throws: `DecodingError` naming the member that is missing or wrong.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.nonEmptyString(.id)
        if try container.decode(Bool.self, forKey: .ok) {
            data = try container.decode(Payload.self, forKey: .data)
            error = nil
            if container.contains(.error), try !container.decodeNil(forKey: .error) {
                throw DecodingError.dataCorruptedError(
                    forKey: .error, in: container, debugDescription: "a result with ok true has an error")
            }
        } else {
            data = nil
            error = try container.decode(CommandFailure.self, forKey: .error)
        }
    }

    /// Writes `id`, `ok` and either `data` or `error`.
    /// - Parameter encoder: the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(ok, forKey: .ok)
        if let error {
            try container.encode(error, forKey: .error)
        } else {
            try container.encode(data, forKey: .data)
        }
    }
}
