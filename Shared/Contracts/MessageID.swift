import Foundation
import Synchronization

/// Message ids: time-ordered (version 7, RFC 9562) UUIDs in lowercase, e.g. `019ab3c4-5d6e-7a1b-8c2d-3e4f5a6b7c8d`.
///
/// The first 48 bits are the Unix time in milliseconds, so ids made later sort later. That matters to the
/// stores: every outbox, session and command table has a unique index on its ids, and random (version 4) ids
/// land on a random page of that index for every insert, which the group commit then writes out page by page.
/// Time-ordered ids append to the end of the index instead.
///
/// Then come 12 bits drawn at random when the process starts and a 62-bit counter that starts at a random value
/// and goes up by one for every id (RFC 9562's fixed-length counter method): ids never repeat within a process,
/// stay ordered within one millisecond, and cost neither a system call nor a lock. Ids are identifiers, not secrets: anything an
/// attacker must not guess (session tokens, nonces) comes from the system's random generator.
public enum MessageID {
    /// The 62-bit counter.
    private static let counter: Atomic<UInt64> = {
        var generator = SystemRandomNumberGenerator()
        // Start in the lower half of the 62-bit range so a long-running process never wraps it.
        return Atomic(generator.next() & 0x1FFF_FFFF_FFFF_FFFF)
    }()
    /// 12 bits random per process, so two processes' ids differ even where their counters meet.
    private static let processBits: UInt64 = {
        var generator = SystemRandomNumberGenerator()
        return generator.next() & 0xFFF
    }()

    /// A new id.
    public static func random() -> String {
        let milliseconds = UInt64(max(0, clockMilliseconds())) & 0xFFFF_FFFF_FFFF
        let count = counter.wrappingAdd(1, ordering: .relaxed).oldValue & 0x3FFF_FFFF_FFFF_FFFF
        let high = milliseconds << 16 | 0x7000 | processBits  // version 7
        let low = 0x8000_0000_0000_0000 | count  // RFC 9562 variant
        return format(high: high, low: low)
    }

    /// The Unix time in milliseconds (CLOCK_REALTIME through the vDSO: no system call).
    private static func clockMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// The 8-4-4-4-12 text form of two 64-bit halves.
    static func format(high: UInt64, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var index = 0
            func put(_ value: UInt64, nibbles: Int) {
                for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                    let nibble = UInt8((value >> UInt64(shift)) & 0xF)
                    buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                    index += 1
                }
            }
            func dash() {
                buffer[index] = UInt8(ascii: "-")
                index += 1
            }
            put(high >> 32, nibbles: 8)
            dash()
            put((high >> 16) & 0xFFFF, nibbles: 4)
            dash()
            put(high & 0xFFFF, nibbles: 4)
            dash()
            put(low >> 48, nibbles: 4)
            dash()
            put(low & 0xFFFF_FFFF_FFFF, nibbles: 12)
            return index
        }
    }
}
