import ArgumentParser
import DeviceSimulator
import Foundation

/// `dm-devsim load`: client-initiated sessions as fast as the server allows.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Drive client-initiated sessions; print a progress line each second and a summary at the end.")

    @OptionGroup var options: DeviceOptions

    @Option(help: "Sessions in flight at once.")
    var concurrency: Int = 8

    @Option(help: "Run for this many seconds.")
    var duration: Double?

    @Option(help: "Run this many sessions.")
    var sessions: Int?

    @Flag(help: "Print the progress lines and the summary as JSON.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Before the sessions, measure this plain HTTP endpoint (e.g. `dm-devsim hello-server`) with the same client and concurrency.",
            discussion: "It gets as many POSTs as the DM server gets messages (two per session for --sessions, or for the same duration)."))
    var baseline: String?

    func validate() throws {
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1") }
        guard duration != nil || sessions != nil else { throw ValidationError("give --duration or --sessions") }
        if let duration, duration <= 0 { throw ValidationError("--duration must be positive") }
        if let sessions, sessions <= 0 { throw ValidationError("--sessions must be positive") }
    }

    func run() async throws {
        let factory = DeviceFactory(
            profile: try options.loadProfile(), serverURL: options.server, seed: options.seed,
            forceWBXML: options.wbxml)
        let devices = (0..<options.devices).map(factory.device)
        let transport = HTTPTransport(
            client: HTTPTransport.makeClient(concurrency: concurrency, insecure: options.insecure))
        let generator = LoadGenerator(
            driver: SessionDriver(
                transport: transport,
                serverAuthPolicy: options.requireServerAuth ? .required : .ifPresent),
            options: LoadOptions(
                concurrency: concurrency, duration: duration.map { .milliseconds(Int($0 * 1000)) }, sessions: sessions))
        let json = self.json
        var baselineReport: BaselineReport?
        if let baseline {
            baselineReport = await BaselineLoad(
                client: transport.client, url: baseline, concurrency: concurrency, requests: sessions.map { $0 * 2 },
                duration: duration.map { .milliseconds(Int($0 * 1000)) }
            ).run()
            if let baselineReport { Self.emit(json ? Self.jsonLine(baselineReport) : baselineReport.text) }
        }
        let (_, report) = await generator.run(devices: devices) { progress in
            if json {
                Self.emit(Self.jsonLine(progress, final: false))
            } else {
                Self.emit(
                    String(
                        format: "%6.1fs sessions=%d ok=%d rate=%.1f/s errors=%d p50=%.1fms p99=%.1fms", progress.seconds,
                        progress.sessions, progress.succeeded, progress.sessionsPerSecond,
                        progress.sessions - progress.succeeded, progress.latencyMilliseconds["p50"] ?? 0,
                        progress.latencyMilliseconds["p99"] ?? 0))
            }
        }
        try await transport.shutdown()
        Self.emit(json ? Self.jsonLine(report, final: true) : report.text)
    }

    /// Writes a line to standard output at once (progress lines must not wait in a pipe's buffer).
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func jsonLine(_ report: BaselineReport) -> String {
        struct Line: Encodable {
            var type = "baseline"
            var report: BaselineReport
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(Line(report: report))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func jsonLine(_ report: LoadReport, final: Bool) -> String {
        struct Line: Encodable {
            var type: String
            var report: LoadReport
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(Line(type: final ? "summary" : "progress", report: report))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
