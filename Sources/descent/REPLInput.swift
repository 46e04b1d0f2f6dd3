/// Where the REPL's lines come from: the terminal through readline, or plain standard input.
protocol REPLInput: AnyObject {
    /// Whether a person is typing (prompts, editing, Ctrl-C clears the line).
    var isInteractive: Bool { get }
    /// The 1-based line of standard input the last line read came from.
    var lineNumber: Int { get }
    /// The entries remembered so far, oldest first (`:history`).
    var history: [String] { get }
    /// Reads one line; `earlierLines` holds the unfinished entry's lines, if any.
    func readLine(earlierLines: [String]) -> LineRead
    /// Remembers a finished entry (history, and the history file on a terminal).
    func remember(_ entry: String)
}

/// Standard input that is not a terminal: lines as they come, no prompts, no escape codes.
final class PlainInput: REPLInput {
    let isInteractive = false
    private(set) var lineNumber = 0
    private(set) var history: [String] = []

    func readLine(earlierLines: [String]) -> LineRead {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        lineNumber += 1
        return .line(line)
    }

    func remember(_ entry: String) {
        history.append(entry)
    }
}

/// A person at a terminal: readline with history, completion and the prompts.
final class TerminalInput: REPLInput {
    static let prompt = "descent> "
    static let continuationPrompt = "     ... "

    let isInteractive = true
    private(set) var lineNumber = 0
    private let editor: LineEditor
    private let historyFile: HistoryFile

    init(editor: LineEditor, historyFile: HistoryFile) {
        self.editor = editor
        self.historyFile = historyFile
        historyFile.load()
    }

    var history: [String] { editor.history }

    func readLine(earlierLines: [String]) -> LineRead {
        LineEditorState.earlierLines = earlierLines.isEmpty ? nil : earlierLines.joined(separator: "\n")
        let read = editor.read(prompt: earlierLines.isEmpty ? Self.prompt : Self.continuationPrompt)
        if case .line = read { lineNumber += 1 }
        return read
    }

    func remember(_ entry: String) {
        editor.remember(entry)
        historyFile.appendNewestEntry()
    }
}
