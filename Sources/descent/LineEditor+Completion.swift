import CReadline
import Foundation

extension LineEditor {
    /// Characters that end a word in code: operators, brackets and separators.
    private static let codeWordBreaks = " \t\n\"'()[]{},;+-*/^%@<>=!:.~|&#"
    /// In a `:command` line only spaces separate words, so `:load dir/file` is one word;
    /// in a string the quote does too.
    private static let pathWordBreaks = " \t\n\""

    /// Points readline's completion hooks at `LineEditorState.completer`.
    static func installCompletion() {
        LineEditorState.codeWordBreaks = LineEditorState.permanentMutableCString(codeWordBreaks)
        LineEditorState.pathWordBreaks = LineEditorState.permanentMutableCString(pathWordBreaks)
        descent_rl_install_completion(
            { text, _, _ in LineEditor.complete(text) },
            { LineEditor.wordBreaks() },
            UnsafePointer(LineEditorState.codeWordBreaks)
        )
    }

    private static func wordBreaks() -> UnsafeMutablePointer<CChar>? {
        let line = entryBeforeCursor()
        let isPath = line.drop { $0 == " " }.hasPrefix(":") || CompletionContext.endsInsideString(line)
        return isPath ? LineEditorState.pathWordBreaks : LineEditorState.codeWordBreaks
    }

    private static func complete(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        descent_rl_completion_settings(0)
        guard let completer = LineEditorState.completer else { return nil }
        let word = text.map { String(cString: $0) } ?? ""
        let context = LineEditorState.earlierLines.map { $0 + "\n" } ?? ""
        switch completer.complete(word: word, entryBeforeCursor: context + entryBeforeCursor()) {
        case .filePaths(let inString):
            descent_rl_completion_settings(inString ? 34 : 32)
            return rl_completion_matches(text, rl_filename_completion_function)
        case .candidates(let completions):
            descent_rl_completion_settings(completions.count == 1 && completions[0].wantsSpace ? 32 : 0)
            return matchArray(completions.map(\.text))
        }
    }

    /// The current line up to the cursor.
    private static func entryBeforeCursor() -> String {
        guard let buffer = descent_rl_line_buffer(), descent_rl_point() > 0 else { return "" }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(descent_rl_point()))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Readline's match list: the common prefix, then every match, then NULL; all malloc'd.
    private static func matchArray(_ matches: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        guard let first = matches.first else { return nil }
        let listed = matches.count == 1 ? [] : matches
        let count = listed.count + 2
        guard let raw = malloc(MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * count) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: count)
        array[0] = strdup(matches.dropFirst().reduce(first, commonPrefix))
        for (index, match) in listed.enumerated() {
            array[index + 1] = strdup(match)
        }
        array[count - 1] = nil
        return array
    }

    private static func commonPrefix(_ a: String, _ b: String) -> String {
        String(zip(a, b).prefix { $0 == $1 }.map(\.0))
    }
}
