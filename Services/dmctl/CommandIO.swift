import ArgumentParser
import Foundation

/// Input and output conventions every dmctl offline tool follows: read the file argument or standard input,
/// write `-o FILE` or standard output, and fail invalid input with exit code 1 and a one-line reason.
enum CommandIO {
    /// Reads the whole file at `path`, or standard input when `path` is nil or "-".
    static func readInput(_ path: String?) throws -> [UInt8] {
        if let path, path != "-" {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InvalidInput("cannot read \(path)")
            }
            return Array(data)
        }
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }

    /// Writes `bytes` to the file at `path`, or to standard output when `path` is nil or "-".
    static func writeOutput(_ bytes: [UInt8], to path: String?) throws {
        if let path, path != "-" {
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
                throw InvalidInput("cannot write \(path)")
            }
            return
        }
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Writes a line of text (a newline is added) to `path` or standard output.
    static func writeLine(_ text: String, to path: String? = nil) throws {
        try writeOutput(Array((text + "\n").utf8), to: path)
    }

    /// Encodes a value as pretty, key-sorted JSON text.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Invalid input to an offline tool: dmctl prints `dmctl: <reason>` on standard error and exits with 1.
struct InvalidInput: Error, CustomStringConvertible {
    var description: String
    init(_ reason: String) { description = reason }
}

extension ParsableCommand {
    /// Runs `body`, turning ``InvalidInput`` and any decoding error into a one-line reason on standard error
    /// and exit code 1. Usage errors never get here: ArgumentParser exits with 2 before `run()`.
    func failingOnInvalidInput(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let line = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            FileHandle.standardError.write(Data("dmctl: \(line)\n".utf8))
            throw ExitCode(1)
        }
    }
}
