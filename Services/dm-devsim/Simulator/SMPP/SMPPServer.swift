public import Logging
public import NIOCore
import NIOPosix

/// The SMSC role on port 2775: dm-notify binds (bind_transceiver) and submits WAP Push SMS (submit_sm with UDH);
/// each message addressed to a simulated MSISDN is reassembled, its Package #0 handed to the device, and a
/// delivery receipt (deliver_sm) sent back when asked for.
public struct SMPPServer: Sendable {
    /// Decides what happens to a submitted SMS: returns true when it was delivered to a simulated phone.
    public typealias Deliver = @Sendable (_ msisdn: String, _ userData: [UInt8]) async -> Bool

    public var host: String
    public var port: Int
    public var deliver: Deliver
    public var logger: Logger

    public init(host: String = "127.0.0.1", port: Int = 2775, logger: Logger, deliver: @escaping Deliver) {
        self.host = host
        self.port = port
        self.logger = logger
        self.deliver = deliver
    }

    /// Binds the listening socket; ``serve(_:)`` then accepts connections until cancelled.
    public func bind() async throws -> NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never> {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMPPFrameDecoder()))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// Accepts ESME connections and serves each until it unbinds or closes.
    public func serve(_ server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    group.addTask {
                        do {
                            try await self.handle(connection)
                        } catch {
                            self.logger.debug("smpp connection ended", metadata: ["error": "\(error)"])
                        }
                    }
                }
            }
        }
    }

    private func handle(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async throws {
        try await connection.executeThenClose { inbound, outbound in
            var session = SMSCSession(firstMessageID: UInt64.random(in: 1...0xFFFF) << 16)
            for try await frame in inbound {
                guard let pdu = try? SMPPPDU.decode(Array(frame.readableBytesView)) else {
                    try await outbound.write(
                        ByteBuffer(
                            bytes: SMPPPDU(
                                commandID: SMPPPDU.Command.genericNack, status: SMPPPDU.Status.invalidCommandLength,
                                sequence: 0
                            ).encoded()))
                    continue
                }
                let output = session.handle(pdu)
                for reply in output.replies { try await outbound.write(ByteBuffer(bytes: reply.encoded())) }
                for (id, message) in output.submitted {
                    var userData = message.message
                    if !message.hasUDH, let port = message.tlvs[SMPPShortMessage.destinationPortTag], port == [0x0B, 0x84] {
                        // Port in a TLV instead of a UDH: rebuild the WDP header the intake expects.
                        userData = [0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0] + userData
                    }
                    let delivered = await deliver(message.destinationAddress, userData)
                    if let receipt = session.receipt(for: id, of: message, delivered: delivered) {
                        try await outbound.write(ByteBuffer(bytes: receipt.encoded()))
                    }
                }
                if output.close { break }
            }
        }
    }
}

/// Splits the TCP stream into SMPP PDUs by their 4-byte command_length (at most 64 KiB each).
struct SMPPFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
        guard length >= 16, length <= 65_536 else { throw SMPPError("command_length \(length) out of range") }
        guard let frame = buffer.readSlice(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }
}
