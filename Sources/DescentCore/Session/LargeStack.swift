import Foundation

/// Runs work on a thread with a large stack, so deep (but limited) recursion in a
/// learner's program reports "recursion too deep" instead of overflowing the small
/// stacks of test runners and dispatch queues.
enum LargeStack {
    /// The stack size: room for `RuntimeLimits.maxCallDepth` nested calls with margin.
    static let size = 512 << 20

    /// Runs `body` on a fresh large-stack thread and waits for its result.
    static func run<T>(_ body: @escaping () -> T) -> T {
        let box = ResultBox<T>(body: body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = box.body()
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        guard let result = box.result else { preconditionFailure("large-stack thread ended without a result") }
        return result
    }

    /// Hands the closure and its result across the thread boundary; the semaphore orders
    /// every access.
    private final class ResultBox<T>: @unchecked Sendable {
        let body: () -> T
        var result: T?

        init(body: @escaping () -> T) {
            self.body = body
        }
    }
}
