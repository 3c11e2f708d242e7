import Contracts
import Foundation

/// Runs `validate_samples.py` (beside this file) against `docs/asyncapi.yaml` with a Python 3 that has the
/// `jsonschema` and `yaml` modules.
enum SchemaValidator {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("validate_samples.py")
    static let document = repository.appendingPathComponent("docs/asyncapi.yaml")

    /// The first of `python3` on PATH and `/usr/bin/python3` that imports both modules, or why there is none.
    static let interpreter: Result<URL, Unavailable> = {
        var candidates: [URL] = []
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: url.path) {
                candidates.append(url)
                break
            }
        }
        candidates.append(URL(fileURLWithPath: "/usr/bin/python3"))
        var tried: [String] = []
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            if let run = try? execute(candidate, ["-c", "import jsonschema, yaml"]), run.status == 0 {
                return .success(candidate)
            }
            tried.append(candidate.path)
        }
        return .failure(
            Unavailable(
                reason: tried.isEmpty
                    ? "no python3 on PATH or at /usr/bin/python3"
                    : "no Python with both jsonschema and yaml (tried \(tried.joined(separator: ", ")))"))
    }()

    struct Unavailable: Error {
        var reason: String
    }

    /// Whether the validator can run; says why not on standard error when it cannot.
    static func available() -> Bool {
        switch interpreter {
        case .success:
            return true
        case .failure(let unavailable):
            let message =
                "ContractsTests: schema validation skipped: \(unavailable.reason); "
                + "install python3-jsonschema and python3-yaml\n"
            FileHandle.standardError.write(Data(message.utf8))
            return false
        }
    }

    /// Validates JSON Lines `lines` with the script's `flags`.
    static func validate(_ lines: [String], flags: [String] = []) throws -> Run {
        let python = try interpreter.get()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "contracts-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("samples.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        return try execute(python, [script.path, "--document", document.path] + flags + [input.path])
    }

    /// One catalog entry as a `dmctl contracts samples` line.
    static func line(_ entry: ContractsCatalogEntry) throws -> String {
        try line(
            name: entry.name, kind: entry.kind.rawValue, schemaVersion: entry.schemaVersion, frame: entry.frame,
            message: try ContractsJSON.decode(JSONValue.self, from: entry.sampleJSON()))
    }

    /// A line with the given members.
    static func line(name: String, kind: String, schemaVersion: Int, frame: String, message: JSONValue) throws
        -> String
    {
        let object: JSONValue = [
            "name": .string(name), "kind": .string(kind), "schemaVersion": .integer(Int64(schemaVersion)),
            "frame": .string(frame), "message": message,
        ]
        return String(decoding: try ContractsJSON.encode(object), as: UTF8.self)
    }

    private static func execute(_ executable: URL, _ arguments: [String]) throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "contracts-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("stdout"), err = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
