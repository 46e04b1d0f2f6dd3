import ArgumentParser
import DescentCore
import DescentSyntax
import Foundation

/// `descent lesson N`: runs a numbered lesson, pausing after each block on a terminal.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson", abstract: "Run a lesson, paused block by block on a terminal.")

    @ArgumentParser.Argument(help: "The lesson number (see the lessons/ folder).")
    var number: Int

    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        guard let path = LessonLibrary.path(ofLesson: number) else {
            Terminal.writeError("descent: error: no lesson \(number); the lessons are in \(LessonLibrary.searchedFolders.joined(separator: " or "))\n")
            throw ExitCode(1)
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            Terminal.writeError("descent: error: cannot read '\(path)': \(ReadFailure.reason(for: path))\n")
            throw ExitCode(1)
        }
        let session = Session(limits: limitOptions.limits) { Terminal.writeOutput($0) }
        session.progress = ProgressBar.forStandardError()?.update
        session.plotSettings = Terminal.plotSettings
        let pause = Terminal.standardInputIsTerminal && Terminal.standardOutputIsTerminal
        for block in LessonBlocks.split(text) {
            Terminal.writeOutput(block.text + "\n")
            let source = SourceFile(name: path, text: String(repeating: "\n", count: block.firstLine - 1) + block.text)
            let diagnostics = session.run(source)
            Terminal.reportErrors(diagnostics)
            if !diagnostics.isEmpty { throw ExitCode(1) }
            if pause {
                Terminal.writeOutput("\u{1B}[2m── press Enter to continue ──\u{1B}[0m")
                guard readLine() != nil else { break }
            } else {
                Terminal.writeOutput("\n")
            }
        }
    }
}

/// Where lessons are found: `./lessons`, or the folder `DESCENT_LESSONS` names.
enum LessonLibrary {
    static var searchedFolders: [String] {
        [ProcessInfo.processInfo.environment["DESCENT_LESSONS"], "lessons"].compactMap { $0 }
    }

    /// The file `NN-name.descent` for lesson `number`.
    static func path(ofLesson number: Int) -> String? {
        let prefix = String(format: "%02d-", number)
        for folder in searchedFolders {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if let file = files.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".descent") }) {
                return folder + "/" + file
            }
        }
        return nil
    }
}
