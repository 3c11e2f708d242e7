import Contracts
@testable import DMSessionServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SyncML
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// dm-session over a real loopback socket: HTTP/1.1 with keep-alive, and HTTP/1.0 with a connection per message.
@Suite struct LiveTests {
    /// Sends one raw HTTP request on a new connection and reads the response until the server closes it or the
    /// body is complete.
    static func rawExchange(port: Int, request: [UInt8]) throws -> (head: String, body: [UInt8]) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
            if let end = received.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                if let line = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                    let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
                    received.count - end.upperBound >= length
                {
                    break
                }
            }
        }
        guard let end = received.firstRange(of: Array("\r\n\r\n".utf8)) else { throw POSIXError(.EPROTO) }
        return (String(decoding: received[..<end.lowerBound], as: UTF8.self), Array(received[end.upperBound...]))
    }

    /// Runs blocking work on a thread of its own: blocking the (small) cooperative pool would starve the server
    /// that runs in this very process.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    @Test func wholeSessionOverHTTP11AndHTTP10() async throws {
        let harness = try await Harness.make()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let application = try SessionApplication.makeDMApplication(server: harness.server, logger: logger)
        let device = TestDevice()
        try await harness.register(device)
        try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevDetail/SwV")]))
        try await application.test(.live) { client in
            var device = device
            let exchanges = try await client.runSession(&device)
            #expect(exchanges.count == 2 && exchanges.allSatisfy { $0.status == 200 })

            // HTTP/1.0, a new connection per message, as some clients do.
            let port = try #require(client.port)
            try await harness.enqueue(device.deviceID, SessionCommandSpec(kind: .get, items: [.init(target: "./DevInfo/Mod")]))
            device.sessionID = "5C"
            device.msgID = 0
            device.respURI = "/dm"
            var target = "/dm"
            var message = device.package1()
            for _ in 0..<3 {
                let (body, _) = device.encode(message)
                let head = "POST \(target) HTTP/1.0\r\nContent-Type: \(device.contentType)\r\nContent-Length: \(body.count)\r\n\r\n"
                let request = Array(head.utf8) + body
                let (responseHead, responseBody) = try await Self.onThread { try Self.rawExchange(port: port, request: request) }
                #expect(responseHead.hasPrefix("HTTP/1.0 200") || responseHead.hasPrefix("HTTP/1.1 200"), "\(responseHead)")
                let answer = try SyncMLMessage(xml: responseBody)
                device.absorb(Exchange(status: 200, contentType: nil, body: responseBody, hmac: nil, message: answer))
                target = URL(string: device.respURI)!.path
                guard let reply = device.reply(to: answer) else { break }
                message = reply
            }
        }
        let commands = try await harness.commands(device.deviceID)
        #expect(commands.map(\.status) == [200, 200])
        #expect(try await harness.events(SessionEnded.self).map(\.outcome) == ["completed", "completed"])
    }
}
