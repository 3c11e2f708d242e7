import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where ``StructuredLogHandler`` writes its lines: standard error in a service, a closure in a test.
///
/// ```swift
/// let lines = Mutex<[String]>([])
/// let sink = LogSink { line in lines.withLock { $0.append(line) } }
/// ```
public struct LogSink: Sendable {
    private let writeLine: @Sendable (String) -> Void

    /// Creates a sink that hands each line, without its newline, to `writeLine`.
    ///
    /// - Parameter writeLine: Called once per record, possibly from several threads at once.
    public init(_ writeLine: @escaping @Sendable (String) -> Void) {
        self.writeLine = writeLine
    }

    /// Writes one line; the sink adds the line end if it needs one.
    ///
    /// - Parameter line: The formatted record, without a newline.
    public func write(_ line: String) {
        writeLine(line)
    }

    /// Standard error, one `write(2)` per line under a lock so that lines from concurrent tasks never interleave.
    public static let standardError = LogSink { line in
        StandardErrorWriter.shared.write(line)
    }
}

/// Serialises writes to file descriptor 2.
private final class StandardErrorWriter: Sendable {
    static let shared = StandardErrorWriter()

    private let lock = Mutex<Void>(())

    func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        lock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }
}

private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, pointer, count)
    #elseif canImport(Musl)
        Musl.write(descriptor, pointer, count)
    #else
        Darwin.write(descriptor, pointer, count)
    #endif
}
