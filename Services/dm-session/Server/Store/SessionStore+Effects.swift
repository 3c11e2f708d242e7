import Contracts
public import Foundation
public import GRDB
import SyncML

extension SessionStore {
    /// Persists what one message changed, with the events that describe it, in the caller's transaction.
    ///
    /// - Parameters:
    ///   - effects: what changed.
    ///   - session: the session after the message.
    ///   - now: the time.
    ///   - db: the transaction.
    public func persist(_ effects: SessionEffects, session: DMSession, now: Date, in db: Database) throws {
        let deviceID = session.deviceID
        let time = now.timeIntervalSince1970
        guard session.account != nil else {
            // An unknown device: no session row (made-up device ids must not grow the table); the refusal is an
            // event, which is what an operator watches for.
            try publish(effects.authentications, session: session, in: db)
            return
        }
        if effects.sessionStarted {
            var notificationID: String?
            if session.alertCode == AlertCode.serverInitiatedManagement.rawValue {
                notificationID = try answeredWakeup(deviceID: deviceID, syncMLSessionID: session.syncMLSessionID, in: db)
                if let notificationID {
                    try db.cachedStatement(
                        sql: "UPDATE wakeup SET session_id = ?, answered_at = ? WHERE notification_id = ?"
                    ).execute(arguments: [session.id, time, notificationID])
                }
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO dm_session (id, device_id, syncml_session_id, alert_code, encoding, started_at,
                        notification_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                session.id, deviceID, session.syncMLSessionID, session.alertCode, session.encoding.rawValue,
                session.startedAt.timeIntervalSince1970, notificationID,
            ])
            try publish(
                SessionStarted(
                    sessionID: session.id, deviceID: deviceID, syncMLSessionID: session.syncMLSessionID,
                    alertCode: session.alertCode, encoding: session.encoding.rawValue, notificationID: notificationID),
                subject: deviceID, in: db)
        }
        if let nonce = effects.newClientNonce {
            try db.cachedStatement(sql: "UPDATE device SET client_nonce = ? WHERE id = ?").execute(arguments: [
                nonce, deviceID,
            ])
        }
        if let nonce = effects.newServerNonce {
            try db.cachedStatement(sql: "UPDATE device SET server_nonce = ? WHERE id = ?").execute(arguments: [
                nonce, deviceID,
            ])
        }
        try publish(effects.authentications, session: session, in: db)
        for commandID in effects.pickedCommands {
            try db.cachedStatement(
                sql: "UPDATE command SET state = 'sent', session_id = ?, sent_at = ? WHERE id = ? AND state = 'queued'"
            ).execute(arguments: [session.id, time, commandID])
        }
        for completion in effects.completions {
            let outcome = CommandOutcomeRecord(results: completion.results, statuses: completion.statuses)
            try db.cachedStatement(
                sql: """
                    UPDATE command SET state = 'completed', session_id = ?, status = ?, outcome = ?, completed_at = ?
                    WHERE id = ?
                    """
            ).execute(arguments: [
                session.id, completion.status, try ContractsJSON.encode(outcome), time, completion.commandID,
            ])
            try publish(
                CommandCompleted(
                    deviceID: deviceID, commandID: completion.commandID, sessionID: session.id,
                    kind: completion.kind.rawValue, status: completion.status, results: completion.results,
                    statuses: completion.statuses.isEmpty ? nil : completion.statuses, correlator: completion.correlator
                ),
                subject: deviceID, in: db)
        }
        for commandID in effects.requeued {
            try db.cachedStatement(
                sql: "UPDATE command SET state = 'queued', session_id = NULL WHERE id = ? AND state = 'sent'"
            ).execute(arguments: [commandID])
        }
        for (kind, supported) in effects.containerSupport {
            let column = kind == .atomic ? "supports_atomic" : "supports_sequence"
            try db.cachedStatement(sql: "UPDATE device SET \(column) = ? WHERE id = ?").execute(arguments: [
                supported, deviceID,
            ])
        }
        for write in effects.treeWrites {
            try apply(write, deviceID: deviceID, sessionID: session.id, time: time, in: db)
        }
        for alert in effects.alerts {
            try publish(alert, subject: deviceID, in: db)
        }
        try db.cachedStatement(
            sql: "UPDATE dm_session SET messages_received = ?, commands_completed = ?, alert_code = ? WHERE id = ?"
        ).execute(arguments: [session.messagesReceived, session.commandsCompleted, session.alertCode, session.id])
        if let outcome = effects.sessionEnded {
            try db.cachedStatement(sql: "UPDATE dm_session SET ended_at = ?, outcome = ? WHERE id = ?").execute(
                arguments: [time, outcome.rawValue, session.id])
            try publish(
                SessionEnded(
                    sessionID: session.id, deviceID: deviceID, outcome: outcome.rawValue,
                    messagesReceived: session.messagesReceived, commandsCompleted: session.commandsCompleted,
                    durationSeconds: max(0, now.timeIntervalSince(session.startedAt))),
                subject: deviceID, in: db)
        }
    }

    /// Publishes authentication verdicts.
    func publish(_ reports: [AuthenticationReport], session: DMSession, in db: Database) throws {
        let deviceID = session.deviceID
        for report in reports {
            if report.succeeded {
                try publish(
                    DeviceAuthenticated(deviceID: deviceID, sessionID: session.id, scheme: report.scheme),
                    subject: deviceID, in: db)
            } else {
                try publish(
                    DeviceAuthenticationFailed(
                        deviceID: deviceID, sessionID: session.id, scheme: report.scheme,
                        reason: report.reason ?? "invalid-credentials", failures: report.failures,
                        sessionEnded: report.sessionEnded),
                    subject: deviceID, in: db)
            }
        }
    }

    /// Writes one last-known value (or deletes a subtree) and publishes the change when there is one.
    func apply(_ write: TreeWrite, deviceID: String, sessionID: String, time: Double, in db: Database) throws {
        if write.deleted {
            try db.cachedStatement(
                sql: "DELETE FROM tree_value WHERE device_id = ? AND (uri = ? OR substr(uri, 1, ?) = ?)"
            ).execute(arguments: [deviceID, write.uri, write.uri.utf8.count + 1, write.uri + "/"])
            guard db.changesCount > 0 else { return }
            try publish(
                TreeValueChanged(
                    deviceID: deviceID, sessionID: sessionID, uri: write.uri, value: nil, format: nil, type: nil,
                    deleted: true),
                subject: deviceID, in: db)
            return
        }
        // A new node, or a changed value: one statement. The same value again: only its time and session move.
        try db.cachedStatement(
            sql: """
                INSERT INTO tree_value (device_id, uri, value, format, type, updated_at, session_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(device_id, uri) DO UPDATE SET value = excluded.value, format = excluded.format,
                    type = excluded.type, updated_at = excluded.updated_at, session_id = excluded.session_id
                WHERE tree_value.value IS NOT excluded.value OR tree_value.format IS NOT excluded.format
                    OR tree_value.type IS NOT excluded.type
                """
        ).execute(arguments: [deviceID, write.uri, write.value, write.format, write.type, time, sessionID])
        guard db.changesCount > 0 else {
            try db.cachedStatement(
                sql: "UPDATE tree_value SET updated_at = ?, session_id = ? WHERE device_id = ? AND uri = ?"
            ).execute(arguments: [time, sessionID, deviceID, write.uri])
            return
        }
        try publish(
            TreeValueChanged(
                deviceID: deviceID, sessionID: sessionID, uri: write.uri, value: write.value, format: write.format,
                type: write.type, deleted: false),
            subject: deviceID, in: db)
    }
}

/// A command's stored outcome beyond its status.
struct CommandOutcomeRecord: Codable {
    var results: [SessionValueItem]
    var statuses: [SessionItemStatus]
}
