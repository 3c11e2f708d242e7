import Foundation

/// Runs the built `dmctl` executable (it sits next to the test bundle in the build products folder) and
/// captures what it prints and its exit code.
struct DmctlRun {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

enum Dmctl {
    /// The dmctl binary of this build.
    static let executable: URL = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        // On Linux the test runner is `<products>/<Package>PackageTests.xctest`; on macOS it is inside a bundle.
        for candidate in [products, products.deletingLastPathComponent(), products.deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()]
        {
            let url = candidate.appendingPathComponent("dmctl")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return products.appendingPathComponent("dmctl")
    }()

    /// Runs dmctl with `arguments`, feeding `stdin` to its standard input.
    static func run(_ arguments: [String], stdin: [UInt8] = []) throws -> DmctlRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes concurrently with writing, so large outputs cannot dead-lock the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        group.enter()
        DispatchQueue.global().async { out = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = error.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return DmctlRun(status: process.terminationStatus, stdout: Array(out), stderr: String(decoding: err, as: UTF8.self))
    }

    /// A fresh temporary directory for files a test writes.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dmctl-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
