import Dispatch
import Foundation

/// Runs `body` over `0..<count` split into contiguous chunks, on two threads when the work
/// (`count × costPerItem`, in multiply-adds) is large enough to pay for waking a second
/// thread, otherwise on the caller's thread.
///
/// Chunk boundaries are multiples of `granularity`, so kernels can keep their tiles whole.
/// Each chunk must write only its own part of the output, so the result never depends on
/// how the work was split.
func parallelChunks(count: Int, costPerItem: Int, granularity: Int = 1, _ body: (Range<Int>) -> Void) {
    let (totalCost, overflow) = count.multipliedReportingOverflow(by: costPerItem)
    guard workerCount > 1, overflow || totalCost >= parallelWorkThreshold, count > granularity else {
        body(0..<count)
        return
    }
    let units = (count + granularity - 1) / granularity
    let chunkCount = Swift.min(workerCount, units)
    withoutActuallyEscaping(body) { escapableBody in
        let chunkBody = ChunkBody(run: escapableBody)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = Swift.min(count, units * chunk / chunkCount * granularity)
            let end = Swift.min(count, units * (chunk + 1) / chunkCount * granularity)
            if start < end { chunkBody.run(start..<end) }
        }
    }
}

/// The kernel body handed to the worker threads. The kernels capture raw pointers, which
/// Swift cannot check; they are safe to share because every chunk writes only its own
/// part of the output and all chunks finish before `concurrentPerform` returns.
private struct ChunkBody: @unchecked Sendable {
    let run: (Range<Int>) -> Void
}

/// Below about this many multiply-adds (≈ 30 µs on one core) a second thread costs more to
/// wake than it saves.
private let parallelWorkThreshold = 1 << 18

/// The number of threads the kernels use: two when the machine has them, since a learner's
/// tensors are small enough that more threads would mostly wait on memory.
private let workerCount = Swift.min(2, ProcessInfo.processInfo.activeProcessorCount)
