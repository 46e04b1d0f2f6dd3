/// Lets a long kernel stop part-way when the user presses Ctrl-C or a time limit passes:
/// a matrix product of two 10 000 × 10 000 matrices runs for tens of seconds in one call,
/// which no check between statements can interrupt.
///
/// A task-local, like `ElementLimit`: a session binds it around each run; code that binds
/// nothing runs every kernel to the end.
public enum KernelInterruption {
    /// Asked between the pieces of a long kernel; an answer is the reason to stop, which
    /// the kernel throws as a `TensorError`.
    @TaskLocal public static var stopReason: (@Sendable () -> String?)?

    /// Throws the stop reason, if there is one.
    static func check() throws {
        if let reason = stopReason?() { throw TensorError(reason) }
    }
}
