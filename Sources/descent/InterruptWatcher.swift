import DescentCore
import Foundation

/// Turns Ctrl-C (SIGINT) into a cancellation request while a script runs, so a long
/// `train` stops between steps and keeps what it did.
final class InterruptWatcher {
    private let source: DispatchSourceSignal

    init(cancellation: CancellationFlag) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { cancellation.cancel() }
        source.resume()
    }

    /// Restores the default Ctrl-C behaviour.
    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
