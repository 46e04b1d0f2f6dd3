/// Lets a long kernel stop part-way when the user presses Ctrl-C or a time limit passes:
/// a matrix product of two 10 000 × 10 000 matrices runs for tens of seconds in one call,
/// which no check between statements can interrupt.
///
/// A task-local, like `ElementLimit`: a session binds it around each run; code that binds
/// nothing runs every kernel to the end.
public final class KernelInterruption: Sendable {
    /// Asked between the pieces of a long kernel; an answer is the reason to stop.
    let stopReason: @Sendable () -> String?

    /// An interruption that stops kernels whenever `stopReason` answers.
    public init(stopReason: @escaping @Sendable () -> String?) {
        self.stopReason = stopReason
    }

    /// The interruption in force on this thread or task. (A class rather than the closure
    /// itself: a task-local of function type crashes optimized builds of Swift 6.3.)
    @TaskLocal public static var current: KernelInterruption?

    /// Throws the stop reason, which the kernel reports as a `TensorError`, if there is one.
    static func check() throws {
        if let reason = current?.stopReason() { throw TensorError(reason) }
    }
}
