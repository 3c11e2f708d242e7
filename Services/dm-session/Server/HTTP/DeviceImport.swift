import Contracts
import Foundation

/// Reads a device import: a JSON array of `session.device.register` bodies, or CSV with a header line naming
/// the same fields (`deviceID,msisdn,serverID,clientAuth,clientName,clientSecret,serverAuth,serverSecret,...`).
enum DeviceImport {
    static func parse(_ body: [UInt8], contentType: String) throws -> [SessionDeviceRegister] {
        let text = String(decoding: body, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if contentType.lowercased().contains("json") || trimmed.hasPrefix("[") {
            do {
                return try ContractsJSON.decode([SessionDeviceRegister].self, from: Data(body))
            } catch {
                throw StoreError(kind: "invalid", description: "invalid JSON import: \(error)")
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
                object[name] = values[index]
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
