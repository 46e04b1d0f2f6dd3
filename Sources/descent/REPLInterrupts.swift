import DescentCore
import Foundation

/// Ctrl-C for the whole life of the REPL.
///
/// Every SIGINT raises the session's cancellation flag (a running `train` or loop stops
/// between steps) and writes a byte to a pipe, so a prompt waiting in `poll` wakes up and
/// abandons the line being typed. The flag and the pipe are cleared before each input.
final class REPLInterrupts {
    private let source: DispatchSourceSignal
    private let cancellation: CancellationFlag
    /// The end of the pipe a prompt polls; readable after a Ctrl-C.
    let wakeDescriptor: Int32
    private let signalDescriptor: Int32

    init(cancellation: CancellationFlag) {
        self.cancellation = cancellation
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        }
        wakeDescriptor = ends[0]
        signalDescriptor = ends[1]
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [signalDescriptor] in
            cancellation.cancel()
            var byte: UInt8 = 1
            _ = write(signalDescriptor, &byte, 1)
        }
        // The source is registered asynchronously, and until then SIGINT is ignored:
        // wait for it, so even a Ctrl-C typed at once is seen.
        let registered = DispatchSemaphore(value: 0)
        source.setRegistrationHandler { registered.signal() }
        source.resume()
        _ = registered.wait(timeout: .now() + 2)
    }

    deinit {
        source.cancel()
        signal(SIGINT, SIG_DFL)
        close(wakeDescriptor)
        close(signalDescriptor)
    }

    /// Forgets earlier Ctrl-Cs; returns whether there were any.
    @discardableResult
    func clear() -> Bool {
        cancellation.reset()
        var sawInterrupt = false
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeDescriptor, &buffer, buffer.count) > 0 { sawInterrupt = true }
        return sawInterrupt
    }
}
