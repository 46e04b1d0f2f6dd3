import Synchronization

/// A flag another thread (a SIGINT handler's watcher, a timeout) raises to stop a
/// running program between operations; the interpreter polls it in loops and training.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Int>(0)
    private let timeoutFlag = Atomic<Bool>(false)

    public init() {}

    /// Requests that the running program stop as soon as it can.
    public func cancel() {
        flag.store(1, ordering: .relaxed)
    }

    /// Requests a stop because a time limit passed.
    public func cancelForTimeout() {
        timeoutFlag.store(true, ordering: .relaxed)
        flag.store(1, ordering: .relaxed)
    }

    /// Clears the flag before the next input.
    public func reset() {
        flag.store(0, ordering: .relaxed)
        timeoutFlag.store(false, ordering: .relaxed)
    }

    /// Whether a stop was requested.
    public var isCancelled: Bool {
        flag.load(ordering: .relaxed) != 0
    }

    /// The message for the stop.
    var reason: String {
        timeoutFlag.load(ordering: .relaxed) ? "stopped: the time limit was reached" : "interrupted"
    }
}
