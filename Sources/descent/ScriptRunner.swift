import DescentCore
import DescentSyntax
import Foundation

/// Runs a script or snippet in a fresh session: output to stdout, diagnostics to
/// stderr, exit status 0 or 1.
struct ScriptRunner {
    let limits: RuntimeLimits
    let timeout: Double?

    /// Runs the file at `path`.
    func run(path: String) -> Int32 {
        guard let source = load(path) else { return 1 }
        return run(source, echo: false)
    }

    /// Runs a snippet.
    func run(text: String, name: String, echo: Bool) -> Int32 {
        run(SourceFile(name: name, text: text), echo: echo)
    }

    /// Parses and resolves the file at `path`.
    func check(path: String) -> Int32 {
        guard let source = load(path) else { return 1 }
        let session = Session(limits: limits) { _ in }
        if case .failure(let list) = session.check(source) {
            Terminal.reportErrors(list.diagnostics)
            return 1
        }
        return 0
    }

    private func run(_ source: SourceFile, echo: Bool) -> Int32 {
        let session = Session(limits: limits) { Terminal.writeOutput($0) }
        session.progress = ProgressBar.forStandardError()?.update
        session.plotSettings = Terminal.plotSettings
        let interrupts = InterruptWatcher(cancellation: session.cancellation)
        defer { interrupts.stop() }
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [cancellation = session.cancellation] in
                cancellation.cancelForTimeout()
            }
        }
        let diagnostics = session.run(source, echo: echo)
        Terminal.reportErrors(diagnostics)
        return diagnostics.isEmpty ? 0 : 1
    }

    private func load(_ path: String) -> SourceFile? {
        do {
            return SourceFile(name: path, text: try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            Terminal.writeError("descent: error: cannot read '\(path)': \(ReadFailure.reason(for: path))\n")
            return nil
        }
    }
}
