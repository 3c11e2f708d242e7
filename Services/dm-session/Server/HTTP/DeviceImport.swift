import Contracts
import Foundation

/// Reads a device import: a JSON array of `session.device.register` bodies, JSON lines (one body per line, what
/// `dm-devsim --import-to` writes), or CSV with a header line naming the same fields
/// (`deviceID,msisdn,serverID,clientAuth,clientName,clientSecret,serverAuth,serverSecret,...`). `id` is read as
/// `deviceID` in all three.
enum DeviceImport {
    static func parse(_ body: [UInt8], contentType: String) throws -> [SessionDeviceRegister] {
        let text = String(decoding: body, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") {
            guard let objects = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [Any] else {
                throw StoreError(kind: "invalid", description: "invalid JSON import: not an array of objects")
            }
            return try objects.enumerated().map { index, object in try registration(object, at: "item \(index + 1)") }
        }
        if trimmed.hasPrefix("{") || contentType.lowercased().contains("json") {
            let lines = trimmed.split(whereSeparator: \.isNewline).map(String.init)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return try lines.enumerated().map { index, line in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else {
                    throw StoreError(kind: "invalid", description: "invalid JSON import: line \(index + 1) is not JSON")
                }
                return try registration(object, at: "line \(index + 1)")
            }
        }
        var lines = trimmed.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        guard !lines.isEmpty else { return [] }
        let header = fields(lines.removeFirst())
        var registrations: [SessionDeviceRegister] = []
        for (number, line) in lines.enumerated() {
            let values = fields(line)
            var object: [String: String] = [:]
            for (index, name) in header.enumerated() where index < values.count && !values[index].isEmpty {
                object[name == "id" ? "deviceID" : name] = values[index]
            }
            do {
                registrations.append(
                    try ContractsJSON.decode(SessionDeviceRegister.self, from: try JSONEncoder().encode(object)))
            } catch {
                throw StoreError(kind: "invalid", description: "CSV line \(number + 2): missing or invalid fields")
            }
        }
        return registrations
    }

    /// One registration from a decoded JSON object, `id` standing for `deviceID`.
    static func registration(_ object: Any, at place: String) throws -> SessionDeviceRegister {
        guard var fields = object as? [String: Any] else {
            throw StoreError(kind: "invalid", description: "invalid JSON import: \(place) is not an object")
        }
        if fields["deviceID"] == nil, let id = fields.removeValue(forKey: "id") { fields["deviceID"] = id }
        do {
            let data = try JSONSerialization.data(withJSONObject: fields)
            return try ContractsJSON.decode(SessionDeviceRegister.self, from: data)
        } catch {
            throw StoreError(kind: "invalid", description: "invalid JSON import: \(place): missing or invalid fields")
        }
    }

    /// The fields of a CSV line: commas separate, double quotes quote (`""` is a quote).
    static func fields(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    quoted = false
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                if current.hasSuffix("\"") == false && !current.isEmpty { current.append("\"") }
                quoted = true
            } else if character == "," {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current.trimmingCharacters(in: .whitespaces))
        return result
    }
}
