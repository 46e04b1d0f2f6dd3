import DescentCore
import DescentSyntax
import Foundation

extension REPLLoop {
    /// Whether the loop goes on after a meta-command.
    enum Continuation {
        case proceed, quit
    }

    /// Runs a `:command` line.
    func perform(_ line: String) -> Continuation {
        switch MetaCommand.parse(line) {
        case .failure(let error):
            reportError(error.message)
        case .success(.quit):
            return .quit
        case .success(let command):
            perform(command)
        }
        return .proceed
    }

    private func perform(_ command: MetaCommand) {
        switch command {
        case .help(let topic): help(topic)
        case .vars: listVariables()
        case .show(let name): show(name)
        case .load(let path): load(path)
        case .save(let path): save(path)
        case .reset: reset()
        case .history: listHistory()
        case .quit: break
        }
    }

    private func help(_ topic: String?) {
        guard let topic else {
            Terminal.writeOutput(HelpTopics.overview + "\n")
            return
        }
        if let text = session.help(for: topic) {
            Terminal.writeOutput(text + "\n")
            return
        }
        let known = HelpTopics.all.map(\.name) + session.names
        reportError("no help for '\(topic)'" + didYouMean(topic, among: known))
    }

    private func listVariables() {
        let variables = session.variables()
        guard !variables.isEmpty else {
            Terminal.writeOutput("no variables yet (the prelude's definitions are listed by :help)\n")
            return
        }
        let nameWidth = variables.map(\.name.count).max() ?? 0
        let kindWidth = variables.map(\.kind.rawValue.count).max() ?? 0
        let rows = variables.map { variable in
            pad(variable.name, nameWidth) + "  " + pad(variable.kind.rawValue, kindWidth) + "  " + variable.detail
        }
        Terminal.writeOutput(rows.map { $0.trimmingWhitespace + "\n" }.joined())
    }

    private func show(_ name: String) {
        if let source = session.source(of: name) {
            Terminal.writeOutput(source + "\n")
        } else if session.kind(of: name) != nil {
            reportError("'\(name)' has no source to show (it was not made by a definition or assignment)")
        } else {
            reportError("'\(name)' is not defined" + didYouMean(name, among: session.names))
        }
    }

    private func load(_ path: String) {
        let expanded = (path as NSString).expandingTildeInPath
        guard let text = try? String(contentsOfFile: expanded, encoding: .utf8) else {
            reportError("cannot read '\(path)': \(ReadFailure.reason(for: expanded))")
            return
        }
        _ = run(SourceFile(name: path, text: text), keeping: "# :load \(path)\n" + text, echo: false)
    }

    private func save(_ path: String) {
        let expanded = (path as NSString).expandingTildeInPath
        do {
            try AtomicFileWriter.write(transcript.script, to: expanded)
            Terminal.writeOutput("saved this session to \(path)\n")
        } catch {
            reportError("cannot save to '\(path)': \(error.reason)")
        }
    }

    private func reset() {
        session.reset()
        transcript.clear()
        Terminal.writeOutput("session reset: only the prelude is left\n")
    }

    private func listHistory() {
        let entries = input.history
        let width = String(entries.count).count
        let lines = entries.enumerated().map { index, entry in
            let number = String(index + 1)
            let indented = entry.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: width + 2))
            return String(repeating: " ", count: width - number.count) + number + "  " + indented + "\n"
        }
        Terminal.writeOutput(lines.joined())
    }

    private func didYouMean(_ name: String, among candidates: [String]) -> String {
        HelpTopics.suggestion(for: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
