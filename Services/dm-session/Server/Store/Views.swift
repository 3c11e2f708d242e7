public import Contracts
public import Foundation
import GRDB

/// A device as the admin API shows it: no secrets, no nonces.
public struct DeviceView: Codable, Sendable, Equatable {
    public var deviceID: String
    public var msisdn: String?
    public var notificationAddress: String?
    public var serverID: String
    public var clientAuth: String
    public var clientName: String
    public var serverAuth: String
    public var serverName: String
    /// Whether the device executes Atomic (absent until it has answered one).
    public var supportsAtomic: Bool?
    /// Whether the device executes Sequence (absent until it has answered one).
    public var supportsSequence: Bool?
    public var createdAt: Date
    public var updatedAt: Date

    init(row: Row) {
        deviceID = row["id"]
        msisdn = row["msisdn"]
        notificationAddress = row["notification_address"]
        serverID = row["server_id"]
        clientAuth = row["client_auth"]
        clientName = row["client_name"]
        serverAuth = row["server_auth"]
        serverName = row["server_name"]
        supportsAtomic = row["supports_atomic"]
        supportsSequence = row["supports_sequence"]
        createdAt = Date(timeIntervalSince1970: row["created_at"])
        updatedAt = Date(timeIntervalSince1970: row["updated_at"])
    }
}

/// A queued or finished command as the admin API shows it.
public struct CommandView: Codable, Sendable, Equatable {
    public var commandID: String
    public var deviceID: String
    public var priority: Int
    public var state: String
    public var command: SessionCommandSpec
    public var sessionID: String?
    public var status: Int?
    public var results: [SessionValueItem]?
    public var statuses: [SessionItemStatus]?
    public var enqueuedAt: Date
    public var sentAt: Date?
    public var completedAt: Date?

    init(row: Row) throws {
        commandID = row["id"]
        deviceID = row["device_id"]
        priority = row["priority"]
        state = row["state"]
        command = try ContractsJSON.decode(SessionCommandSpec.self, from: row["spec"])
        sessionID = row["session_id"]
        status = row["status"]
        if let data = row["outcome"] as Data? {
            let outcome = try ContractsJSON.decode(CommandOutcomeRecord.self, from: data)
            results = outcome.results
            statuses = outcome.statuses.isEmpty ? nil : outcome.statuses
        }
        enqueuedAt = Date(timeIntervalSince1970: row["enqueued_at"])
        sentAt = (row["sent_at"] as Double?).map(Date.init(timeIntervalSince1970:))
        completedAt = (row["completed_at"] as Double?).map(Date.init(timeIntervalSince1970:))
    }
}

/// A last-known node value.
public struct TreeNodeView: Codable, Sendable, Equatable {
    public var uri: String
    public var value: String?
    public var format: String?
    public var type: String?
    public var updatedAt: Date
    public var sessionID: String?

    init(row: Row) {
        uri = row["uri"]
        value = row["value"]
        format = row["format"]
        type = row["type"]
        updatedAt = Date(timeIntervalSince1970: row["updated_at"])
        sessionID = row["session_id"]
    }
}
