import DescentCore

/// The progress bar of a long `train` on a terminal, cleared before anything else is
/// printed, so a summary or an error after Ctrl-C does not land at the end of the bar.
final class REPLProgressLine {
    private let bar: ProgressBar?
    private var mayBeVisible = false

    init() {
        bar = ProgressBar.forStandardError()
    }

    func update(_ progress: TrainingProgress) {
        guard let bar else { return }
        bar.update(progress)
        mayBeVisible = progress.step < progress.of
    }

    /// Erases the bar's line if a bar may be on it.
    func clear() {
        guard mayBeVisible else { return }
        Terminal.writeError("\r\u{1B}[2K")
        mayBeVisible = false
    }
}
