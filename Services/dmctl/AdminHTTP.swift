import ArgumentParser
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Where a service's admin REST API is: `--admin URL`, else the service's environment variable, else loopback.
struct AdminOptions: ParsableArguments {
    @Option(name: .customLong("admin"), help: "dm-session's admin URL (default: $DM_SESSION_ADMIN or http://127.0.0.1:9080).")
    var url: String?

    var baseURL: String {
        let chosen = url ?? ProcessInfo.processInfo.environment["DM_SESSION_ADMIN"] ?? "http://127.0.0.1:9080"
        return chosen.hasSuffix("/") ? String(chosen.dropLast()) : chosen
    }
}

/// A tiny HTTP client for the admin REST APIs, on Foundation's URLSession (libcurl on Linux): it keeps dmctl's
/// build small (no NIO/TLS stack linked into the CLI) and is all a request-response CLI needs.
enum AdminHTTP {
    /// Sends a request and returns the body of a 2xx answer; anything else is invalid input (exit 1) with the
    /// server's `error` message.
    static func call(
        _ method: String, _ base: String, _ path: String, body: Data? = nil, contentType: String = "application/json"
    ) async throws -> Data {
        guard let url = URL(string: base + path) else { throw InvalidInput("invalid admin URL \(base)") }
        var request = URLRequest(url: url, timeoutInterval: 30)
        request.httpMethod = method
        if let body {
            request.httpBody = body
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw InvalidInput("cannot reach \(base): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            struct Failure: Decodable { var error: String }
            let reason = (try? JSONDecoder().decode(Failure.self, from: data))?.error ?? String(decoding: data, as: UTF8.self)
            throw InvalidInput("HTTP \(status): \(reason)")
        }
        return data
    }

    /// Percent-encodes a path segment (device ids contain `:`; URIs contain `/`).
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Percent-encodes a query value.
    static func query(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Prints JSON as received, pretty.
    static func printJSON(_ data: Data) throws {
        let object = try JSONSerialization.jsonObject(with: data)
        let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try CommandIO.writeLine(String(decoding: pretty, as: UTF8.self))
    }
}

extension AsyncParsableCommand {
    /// Runs an async body with dmctl's invalid-input convention (one line on standard error, exit 1).
    func failingOnInvalidInputAsync(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let line = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            FileHandle.standardError.write(Data("dmctl: \(line)\n".utf8))
            throw ExitCode(1)
        }
    }
}
