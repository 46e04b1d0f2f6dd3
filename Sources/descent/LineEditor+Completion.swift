import CReadline
import Foundation

extension LineEditor {
    /// Characters that end a word in code: operators, brackets and separators.
    private static let codeWordBreaks = " \t\n\"'()[]{},;+-*/^%@<>=!:.~|&#"
    /// In a `:command` line only spaces separate words, so `:load dir/file` is one word.
    private static let commandWordBreaks = " \t\n"

    /// Points readline's completion hooks at `LineEditorState.completer`.
    static func installCompletion() {
        LineEditorState.codeWordBreaks = LineEditorState.permanentMutableCString(codeWordBreaks)
        LineEditorState.commandWordBreaks = LineEditorState.permanentMutableCString(commandWordBreaks)
        descent_rl_install_completion(
            { text, _, _ in LineEditor.complete(text) },
            { LineEditor.wordBreaks() },
            UnsafePointer(LineEditorState.codeWordBreaks),
            LineEditorState.permanentCString("\"")
        )
    }

    private static func wordBreaks() -> UnsafeMutablePointer<CChar>? {
        let isCommand = entryBeforeCursor().drop { $0 == " " }.hasPrefix(":")
        return isCommand ? LineEditorState.commandWordBreaks : LineEditorState.codeWordBreaks
    }

    private static func complete(_ text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        descent_rl_completion_settings(0)
        guard let completer = LineEditorState.completer else { return nil }
        if descent_rl_completion_quote_character() != 0 {
            return rl_completion_matches(text, rl_filename_completion_function)
        }
        let word = text.map { String(cString: $0) } ?? ""
        let context = LineEditorState.earlierLines.map { $0 + "\n" } ?? ""
        switch completer.complete(word: word, entryBeforeCursor: context + entryBeforeCursor()) {
        case .filePaths:
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
