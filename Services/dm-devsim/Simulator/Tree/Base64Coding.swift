import SyncML

/// Base64 for the simulator's own files (the SyncML module's codec, re-exported under a local name).
enum Base64Coding {
    static func encode(_ bytes: [UInt8]) -> String { Base64.encode(bytes) }
    static func decode(_ text: String) -> [UInt8]? { Base64.decode(text) }
}
