import Foundation

/// Scratch memory for the kernels, kept between calls.
///
/// Freshly mapped memory costs a page fault per 4 KiB on first touch, and the allocator
/// hands large freed blocks back to the kernel; a packed matrix product would pay that for
/// its packing buffers on every call. Buffers are never shared: a caller borrows one for
/// the duration of a closure and hands it back.
final class ScratchBuffers: @unchecked Sendable {
    /// The process-wide pool; it holds at most `maximumKept` idle buffers.
    static let shared = ScratchBuffers()

    private let lock = NSLock()
    private var idle: [(pointer: UnsafeMutablePointer<Double>, count: Int)] = []
    private let maximumKept = 4

    /// Calls `body` with a buffer of at least `count` uninitialised doubles.
    func withBuffer<Result>(count: Int, _ body: (UnsafeMutablePointer<Double>) -> Result) -> Result {
        let buffer = take(count: count)
        defer { giveBack(buffer) }
        return body(buffer.pointer)
    }

    private func take(count: Int) -> (pointer: UnsafeMutablePointer<Double>, count: Int) {
        lock.lock()
        defer { lock.unlock() }
        if let index = idle.firstIndex(where: { $0.count >= count }) {
            return idle.remove(at: index)
        }
        return (UnsafeMutablePointer<Double>.allocate(capacity: count), count)
    }

    private func giveBack(_ buffer: (pointer: UnsafeMutablePointer<Double>, count: Int)) {
        lock.lock()
        defer { lock.unlock() }
        if idle.count < maximumKept {
            idle.append(buffer)
        } else {
            buffer.pointer.deallocate()
        }
    }
}
