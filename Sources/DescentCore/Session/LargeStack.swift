import Foundation

/// Runs work on a thread with a large stack, so deep (but limited) recursion in a
/// learner's program reports "recursion too deep" instead of overflowing the small
/// stacks of test runners and dispatch queues.
enum LargeStack {
    /// The stack size: room for `RuntimeLimits.maxCallDepth` nested calls with margin.
    static let size = 512 << 20

    /// Runs `body` on a fresh large-stack thread and waits until that thread has ended.
    ///
    /// The thread is joined, not merely waited for: a thread that signalled its result
    /// but had not yet ended still held `body`, and with it the session, so a dropped
    /// session lived on for a moment (and a leak checker running then reported it).
    static func run<T>(_ body: @escaping () -> T) -> T {
        let box = ResultBox<T>(body: body)
        let failure = runJoined(box)
        guard failure == 0, let result = box.takeResult() else {
            preconditionFailure("could not run on a large-stack thread (error \(failure))")
        }
        return result
    }

    /// Runs the box on a pthread with `size` bytes of stack and joins it; the error
    /// number when no such thread could be made.
    private static func runJoined(_ box: some Runnable) -> Int32 {
        var attributes = pthread_attr_t()
        var failure = pthread_attr_init(&attributes)
        guard failure == 0 else { return failure }
        defer { pthread_attr_destroy(&attributes) }
        failure = pthread_attr_setstacksize(&attributes, size)
        guard failure == 0 else { return failure }
        let context = Unmanaged.passRetained(box as AnyObject).toOpaque()
        var thread = pthread_t()
        failure = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let runnable = Unmanaged<AnyObject>.fromOpaque(context).takeRetainedValue()
            (runnable as? Runnable)?.runOnce()
            return nil
        }, context)
        guard failure == 0 else {
            Unmanaged<AnyObject>.fromOpaque(context).release()
            return failure
        }
        return pthread_join(thread, nil)
    }

    /// Work that runs once on another thread.
    private protocol Runnable: AnyObject {
        func runOnce()
    }

    /// Hands the closure and its result across the thread boundary; `pthread_join`
    /// orders every access.
    private final class ResultBox<T>: Runnable, @unchecked Sendable {
        private var body: (() -> T)?
        private var result: T?

        init(body: @escaping () -> T) {
            self.body = body
        }

        /// Runs the body and lets go of it, so nothing it captured outlives the run.
        func runOnce() {
            result = body?()
            body = nil
        }

        /// The result, which the box then no longer holds.
        func takeResult() -> T? {
            defer { result = nil }
            return result
        }
    }
}
