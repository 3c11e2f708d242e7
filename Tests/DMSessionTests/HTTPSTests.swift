import Contracts
@testable import DMSessionServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SyncML
import Testing

/// HTTPS on the DM port with a certificate from the configuration (a throw-away self-signed one made with the
/// openssl command line).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs /usr/bin/openssl"))
struct HTTPSTests {
    static func selfSignedCertificate() throws -> (certificate: String, key: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dm-session-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1", "-subj",
            "/CN=localhost",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw POSIXError(.EIO) }
        return (certificate, key)
    }

    @Test func sessionOverHTTPS() async throws {
        let (certificate, key) = try Self.selfSignedCertificate()
        let harness = try await Harness.make()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = DMServer(
            store: harness.store,
            configuration: DMSessionConfiguration(port: 0, tlsCertificate: certificate, tlsKey: key), logger: logger)
        let application = try SessionApplication.makeDMApplication(server: server, logger: logger)
        let device = TestDevice()
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
        let exchanges = try await application.test(.ahc(.https)) { client in
            var device = device
            return try await client.runSession(&device)
        }
        #expect(exchanges.count == 2)
        #expect(exchanges.first?.message?.header.respURI?.hasPrefix("https://") == true)
        #expect(try await harness.commands(device.deviceID).first?.status == 200)
    }
}
