@testable import DescentTensor
import Foundation
import Synchronization
import Testing

/// `parallelChunks` and its worker pool: every index runs exactly once, chunk bounds keep
/// their granularity, and concurrent or nested callers still get every chunk run.
@Suite struct ParallelChunksTests {
    @Test(arguments: [(10, 1, 2), (10, 4, 2), (10_001, 4, 8), (3, 1, 8), (17, 8, 32)])
    func splitCoversTheRangeInOrderedWholeUnits(count: Int, granularity: Int, chunkCount: Int) {
        let split = ChunkSplit(count: count, granularity: granularity, chunkCount: chunkCount)
        #expect(split.chunkCount == min(chunkCount, (count + granularity - 1) / granularity))
        var next = 0
        for chunk in 0..<split.chunkCount {
            let range = split.range(ofChunk: chunk)
            #expect(range.lowerBound == next)
            #expect(range.lowerBound % granularity == 0)
            #expect(range.upperBound == count || range.upperBound % granularity == 0)
            next = range.upperBound
        }
        #expect(next == count)
    }

    @Test(arguments: [1, 4, 16])
    func everyIndexRunsExactlyOnce(chunksPerThread: Int) {
        let count = 100_003
        let visits = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        defer { visits.deallocate() }
        visits.initialize(repeating: 0)
        for _ in 0..<50 {
            parallelChunks(count: count, costPerItem: 1 << 10, granularity: 4, chunksPerThread: chunksPerThread) { range in
                for index in range { visits[index] += 1 }
            }
        }
        #expect(visits.allSatisfy { $0 == 50 })
    }

    /// Tasks calling at once share the one helper thread; whoever finds it busy runs
    /// its chunks alone, and every call still covers its whole range.
    @Test func concurrentCallersEachGetTheirWholeRange() async {
        let totals = await withTaskGroup(of: Int.self) { group in
            for caller in 0..<8 {
                group.addTask {
                    let count = 20_000 + caller
                    let sums = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
                    defer { sums.deallocate() }
                    sums.initialize(repeating: 0)
                    for _ in 0..<20 {
                        parallelChunks(count: count, costPerItem: 1 << 10, chunksPerThread: 4) { range in
                            for index in range { sums[index] += index }
                        }
                    }
                    return sums.reduce(0, +)
                }
            }
            var results = [Int]()
            for await total in group { results.append(total) }
            return results.sorted()
        }
        let expected = (0..<8).map { caller in 20 * (20_000 + caller) * (20_000 + caller - 1) / 2 }
        #expect(totals == expected)
    }

    @Test func aChunkMayRunParallelChunksItself() {
        let visited = Atomic<Int>(0)
        parallelChunks(count: 8, costPerItem: 1 << 20) { outer in
            for _ in outer {
                parallelChunks(count: 1_000, costPerItem: 1 << 20, chunksPerThread: 4) { inner in
                    visited.wrappingAdd(inner.count, ordering: .relaxed)
                }
            }
        }
        #expect(visited.load(ordering: .relaxed) == 8_000)
    }

    /// After the helper has parked (no job for longer than it watches), a new job still
    /// runs to the end.
    @Test func jobsAfterTheHelperParksStillComplete() {
        for _ in 0..<3 {
            Thread.sleep(forTimeInterval: 0.01)
            let visited = Atomic<Int>(0)
            parallelChunks(count: 4_096, costPerItem: 1 << 10, chunksPerThread: 4) { range in
                visited.wrappingAdd(range.count, ordering: .relaxed)
            }
            #expect(visited.load(ordering: .relaxed) == 4_096)
        }
    }
}
