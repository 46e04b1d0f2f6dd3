import Foundation
import Synchronization

/// Runs `body` over `0..<count` split into contiguous chunks, on two threads when the work
/// (`count × costPerItem`, in multiply-adds) is large enough to pay for a second thread,
/// otherwise on the caller's thread.
///
/// Chunk boundaries are multiples of `granularity`, so kernels can keep their tiles whole.
/// Streaming kernels, whose chunks cost nothing to start, ask for several `chunksPerThread`:
/// the threads claim chunks as they go, so a thread that starts late (woken from sleep,
/// or descheduled on a busy machine) leaves the others less to wait for. Each chunk must
/// write only its own part of the output, so the result never depends on how the work was
/// split or which thread ran which chunk.
func parallelChunks(
    count: Int, costPerItem: Int, granularity: Int = 1, chunksPerThread: Int = 1, _ body: (Range<Int>) -> Void
) {
    let (totalCost, overflow) = count.multipliedReportingOverflow(by: costPerItem)
    let granularity = Swift.max(1, granularity)
    guard workerCount > 1, overflow || totalCost >= parallelWorkThreshold, count > granularity else {
        body(0..<count)
        return
    }
    let split = ChunkSplit(
        count: count, granularity: granularity, chunkCount: workerCount * Swift.min(Swift.max(1, chunksPerThread), 16))
    if !WorkerPool.shared.perform(split, body) {
        for chunk in 0..<split.chunkCount { body(split.range(ofChunk: chunk)) }
    }
}

/// `0..<count` cut into `chunkCount` contiguous ranges whose bounds are multiples of
/// `granularity` (the last one ends at `count`).
struct ChunkSplit: Sendable {
    let count: Int
    let granularity: Int
    let chunkCount: Int
    private let units: Int

    init(count: Int, granularity: Int, chunkCount: Int) {
        self.count = count
        self.granularity = granularity
        units = count / granularity + (count % granularity == 0 ? 0 : 1)
        self.chunkCount = Swift.max(1, Swift.min(chunkCount, units))
    }

    func range(ofChunk chunk: Int) -> Range<Int> {
        let start = Swift.min(count, units * chunk / chunkCount * granularity)
        let end = Swift.min(count, units * (chunk + 1) / chunkCount * granularity)
        return start..<Swift.max(start, end)
    }
}

/// Below about this many multiply-adds (≈ 30 µs on one core) a second thread costs more to
/// wake than it saves.
private let parallelWorkThreshold = 1 << 18

/// The number of threads the kernels use: two when the machine has them, since a learner's
/// tensors are small enough that more threads would mostly wait on memory.
private let workerCount = Swift.min(2, ProcessInfo.processInfo.activeProcessorCount)
