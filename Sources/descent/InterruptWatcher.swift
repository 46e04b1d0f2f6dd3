import DescentCore
import Foundation

/// Turns Ctrl-C (SIGINT) into a cancellation request while a script runs, so a long
/// `train` stops between steps and keeps what it did.
final class InterruptWatcher {
    private let source: DispatchSourceSignal

    /// Starts watching; returns once the handler is registered, so a Ctrl-C pressed
    /// right after start is not lost while SIGINT is ignored.
    init(cancellation: CancellationFlag) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let registered = DispatchSemaphore(value: 0)
        source.setRegistrationHandler { registered.signal() }
        source.setEventHandler { cancellation.cancel() }
        source.resume()
        registered.wait()
    }

    /// Restores the default Ctrl-C behaviour.
    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
