import ArgumentParser
import Hummingbird

/// `dm-devsim hello-server`: the Hummingbird hello-world endpoint a load run's `--baseline` is measured against.
struct HelloServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hello-server",
        abstract: "Serve a Hummingbird hello-world endpoint (any path, GET or POST): the baseline of `load --baseline`.")

    @Option(help: "The port to listen on (loopback).")
    var port: Int = 8088

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    func run() async throws {
        let router = Router()
        router.get("**") { _, _ in "Hello, world!" }
        router.post("**") { request, _ in
            _ = try await request.body.collect(upTo: 1 << 20)
            return "Hello, world!"
        }
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port)))
        try await app.runService()
    }
}
