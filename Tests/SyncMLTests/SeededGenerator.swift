/// SplitMix64: a small seeded generator so that mutation tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded byte-level mutations of a message: flips, insertions, deletions and overwrites with bytes that
/// matter to the codecs (markup characters, WBXML global tokens).
enum Mutator {
    static let interesting: [UInt8] = [0x00, 0x01, 0x02, 0x03, 0x04, 0x40, 0x41, 0x43, 0x44, 0x80, 0x83, 0x84, 0xC3, 0xC4, 0xFF,
        UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "/"), UInt8(ascii: "\""), UInt8(ascii: ";")]

    static func mutate(_ input: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        let rounds = Int.random(in: 1...4, using: &generator)
        for _ in 0..<rounds where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1: bytes[position] = interesting.randomElement(using: &generator)!
            case 2: bytes.insert(interesting.randomElement(using: &generator)!, at: position)
            case 3: bytes.remove(at: position)
            default:
                let length = min(Int.random(in: 1...16, using: &generator), bytes.count - position)
                let copy = Array(bytes[position..<(position + length)])
                bytes.insert(contentsOf: copy, at: Int.random(in: 0..<bytes.count, using: &generator))
            }
        }
        return bytes
    }
}
