import Foundation
import Synchronization

/// One helper thread that runs chunks of the kernels beside the caller's thread.
///
/// Waking a parked thread costs tens of microseconds on a virtual machine, as much as a
/// matrix–vector product over 8 MB takes on two cores (`DispatchQueue.concurrentPerform`,
/// used before, ran such a product no faster than one thread); so after each job the
/// helper watches for the next one for `spinNanoseconds`, and only then parks. Chunks are
/// claimed from a shared counter, so a caller whose helper is slow to start (parked, or
/// descheduled on a busy machine) runs the remaining chunks itself instead of waiting;
/// which thread runs a chunk never changes its result.
final class WorkerPool: @unchecked Sendable {
    /// The process-wide pool; its thread starts with the first parallel job.
    static let shared = WorkerPool()

    /// How long the helper watches for a new job before parking: long enough to span the
    /// elementwise passes between two products of a training step (W2 ran as fast with
    /// 150 µs as with 1 ms, and a third slower parking at once).
    private static let spinNanoseconds: UInt64 = 500_000

    private struct Job {
        let split: ChunkSplit
        let body: (Range<Int>) -> Void
    }

    /// Whether a caller is using the pool; a second caller (another task, or a chunk
    /// that itself runs a product) runs its chunks alone rather than wait.
    private let busy = Atomic<Bool>(false)
    /// `generation << 2 | helperInside << 1 | open`: a job is open from when the caller
    /// posts it until the caller closes it, which it can do only while the helper is not
    /// inside it, so `job` is never changed under the helper.
    private let state = Atomic<Int>(0)
    private let nextChunk = Atomic<Int>(0)
    private let finishedChunks = Atomic<Int>(0)
    private let helperParked = Atomic<Bool>(false)
    private let parking = NSCondition()
    /// Written only by the caller holding `busy`, before opening and after closing a job.
    private var job: Job?
    private var helperStarted = false

    /// Runs every chunk of `split` through `body`, on the caller's thread and the helper,
    /// and returns when all are done; returns `false` without running any when the pool
    /// is already in use.
    func perform(_ split: ChunkSplit, _ body: (Range<Int>) -> Void) -> Bool {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        defer { busy.store(false, ordering: .releasing) }
        startHelperIfNeeded()
        withoutActuallyEscaping(body) { escapableBody in
            let posted = Job(split: split, body: escapableBody)
            job = posted
            nextChunk.store(0, ordering: .relaxed)
            finishedChunks.store(0, ordering: .relaxed)
            let open = ((state.load(ordering: .relaxed) >> 2) &+ 1) << 2 | 1
            state.store(open, ordering: .sequentiallyConsistent)
            if helperParked.load(ordering: .sequentiallyConsistent) {
                parking.lock()
                parking.signal()
                parking.unlock()
            }
            runChunks(of: posted)
            spin { finishedChunks.load(ordering: .acquiring) == split.chunkCount }
            spin { state.compareExchange(expected: open, desired: open & ~1, ordering: .acquiringAndReleasing).exchanged }
            job = nil
        }
        return true
    }

    private func runChunks(of job: Job) {
        while true {
            let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
            guard chunk < job.split.chunkCount else { return }
            job.body(job.split.range(ofChunk: chunk))
            finishedChunks.wrappingAdd(1, ordering: .releasing)
        }
    }

    private func startHelperIfNeeded() {
        guard !helperStarted else { return }
        helperStarted = true
        let thread = Thread { [self] in helperLoop() }
        thread.name = "descent-kernels"
        thread.start()
    }

    private func helperLoop() {
        var seenGeneration = 0
        while true {
            let current = waitForNewGeneration(after: seenGeneration)
            seenGeneration = current >> 2
            guard current & 1 == 1,
                state.compareExchange(expected: current, desired: current | 2, ordering: .acquiring).exchanged
            else { continue }
            if let job { runChunks(of: job) }
            state.store(current, ordering: .releasing)
        }
    }

    /// Polls until `state` shows a generation after `seen`, parking after `spinNanoseconds`.
    /// Each poll yields the processor, so on a busy machine the polling costs other
    /// threads (the caller's among them) almost nothing, and on an idle one a new job is
    /// seen within about a microsecond.
    private func waitForNewGeneration(after seen: Int) -> Int {
        var deadline = DispatchTime.now().uptimeNanoseconds &+ Self.spinNanoseconds
        while true {
            let current = state.load(ordering: .acquiring)
            if current >> 2 != seen { return current }
            sched_yield()
            if DispatchTime.now().uptimeNanoseconds > deadline {
                park(after: seen)
                deadline = DispatchTime.now().uptimeNanoseconds &+ Self.spinNanoseconds
            }
        }
    }

    /// Sleeps until a generation after `seen` is posted. The flag and the state are each
    /// stored before the other is read (sequentially consistent), so either the caller
    /// sees the helper parked and signals, or the helper sees the new job and never waits.
    private func park(after seen: Int) {
        parking.lock()
        helperParked.store(true, ordering: .sequentiallyConsistent)
        while state.load(ordering: .sequentiallyConsistent) >> 2 == seen { parking.wait() }
        helperParked.store(false, ordering: .relaxed)
        parking.unlock()
    }

    /// Waits for `condition`, which holds as soon as a running chunk ends or the helper
    /// leaves a job, yielding the processor between polls.
    private func spin(until condition: () -> Bool) {
        while !condition() { sched_yield() }
    }
}
