import ArgumentParser
import Notification

/// A package #0 session ID on the command line: decimal (`4660`) or hex with `0x` (`0x1234`), 0 to 65535.
struct NotifySessionID: ExpressibleByArgument {
    var value: UInt16

    init?(argument: String) {
        let parsed: UInt16? =
            argument.hasPrefix("0x") || argument.hasPrefix("0X")
            ? UInt16(argument.dropFirst(2), radix: 16) : UInt16(argument, radix: 10)
        guard let parsed, !argument.hasPrefix("+"), !argument.hasPrefix("0x+"), !argument.hasPrefix("0X+") else {
            return nil
        }
        value = parsed
    }
}

/// The `--ui-mode` values.
enum NotifyUIMode: String, ExpressibleByArgument, CaseIterable {
    case notSpecified = "not-specified"
    case background
    case informative
    case interactive

    var mode: PackageZero.UIMode {
        switch self {
        case .notSpecified: .notSpecified
        case .background: .background
        case .informative: .informative
        case .interactive: .userInteraction
        }
    }
}

/// The `--initiator` values.
enum NotifyInitiator: String, ExpressibleByArgument, CaseIterable {
    case client
    case server

    var initiator: PackageZero.Initiator {
        switch self {
        case .client: .client
        case .server: .server
        }
    }
}

/// Nonce and hex helpers shared by the notify commands.
enum NotifyText {
    /// The nonce used when none is given: the resynchronisation nonce, four zero bytes.
    static let defaultNonceBase64 = "AAAAAA=="

    /// The raw bytes of a base64 nonce, or a usage error.
    static func nonce(_ base64: String) throws -> [UInt8] {
        guard let bytes = PackageZero.NonceForm.decoded.nonceBytes(forBase64: base64) else {
            throw ValidationError("--nonce-b64 \"\(base64)\" is not valid base64")
        }
        return bytes
    }

}
