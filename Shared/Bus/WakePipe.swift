import Foundation

/// A non-blocking pipe whose read end sits in the node's poll set: writing a byte wakes the poll loop.
///
/// Not synchronised itself: ``BusNodeCore`` writes and closes it only under its lock, so a wake-up can never
/// reach a descriptor number that has been closed and reused.
struct WakePipe: Sendable {
    let readDescriptor: Int32
    let writeDescriptor: Int32

    init() throws(BusError) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else {
            throw BusError.systemCall(message: "pipe: \(String(cString: strerror(errno)))", errorNumber: errno)
        }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    /// Makes the read end readable. A full pipe is already readable, so a failed write changes nothing.
    func wake() {
        var byte: UInt8 = 1
        while write(writeDescriptor, &byte, 1) < 0, errno == EINTR {}
    }

    /// Empties the read end after the poll loop woke.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readDescriptor, $0.baseAddress, $0.count) }
            if count > 0 { continue }
            if count < 0, errno == EINTR { continue }
            return
        }
    }

    func close() {
        _ = Foundation.close(readDescriptor)
        _ = Foundation.close(writeDescriptor)
    }
}
