import DescentCore
import Foundation

/// A one-line progress bar with the running loss, drawn on standard error while a long
/// `train` runs there on a terminal, at most ten times a second.
final class ProgressBar {
    /// Runs shorter than this finish before a bar would help.
    private static let minimumSteps = 2_000
    private static let width = 30
    private var lastDraw = Date.distantPast
    private var visible = false

    /// A bar when standard error is a terminal, else `nil`.
    static func forStandardError() -> ProgressBar? {
        Terminal.standardErrorIsTerminal ? ProgressBar() : nil
    }

    func update(_ progress: TrainingProgress) {
        guard progress.of >= Self.minimumSteps else { return }
        if progress.step >= progress.of {
            if visible { Terminal.writeError("\r\u{1B}[2K") }
            visible = false
            return
        }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let filled = Self.width * progress.step / max(1, progress.of)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: Self.width - filled)
        let loss = String(format: "%.4g", progress.loss)
        Terminal.writeError("\r\u{1B}[2K\(bar) \(progress.step)/\(progress.of)  loss \(loss)")
        visible = true
    }
}
