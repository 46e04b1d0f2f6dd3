/// Where the cursor is, as far as Tab is concerned.
enum CompletionContext: Equatable {
    /// `:he|`: the name of a meta-command.
    case metaCommand
    /// `:load da|` or `:save …`.
    case filePath
    /// Inside a string literal: a file name, and a closing quote after it.
    case filePathInString
    /// `:help tr|`.
    case helpTopic
    /// `:show mom|`.
    case definitionName
    /// `M.|`: an attribute of a tensor.
    case attribute
    /// `momentum(b|` or `f(x, |`: an argument of a call to `callee`.
    case argument(callee: String)
    /// Anywhere else code can go; inside an optimizer's body the rule variables are in scope.
    case code(insideOptimizer: Bool)
    /// Inside a comment, or after a meta-command that takes no argument.
    case nothing

    /// Classifies the cursor position from the whole entry typed so far (earlier lines
    /// included) up to the cursor, and the word readline is completing.
    static func of(entryBeforeCursor: String, word: String) -> CompletionContext {
        let beforeWord = entryBeforeCursor.hasSuffix(word) ? String(entryBeforeCursor.dropLast(word.count)) : entryBeforeCursor
        let leading = beforeWord.drop { $0 == " " || $0 == "\t" }
        if leading.hasPrefix(":") || (leading.isEmpty && word.hasPrefix(":")) {
            return metaCommandContext(leading)
        }
        var scan = CodeScan()
        for character in beforeWord { scan.consume(character) }
        if scan.inComment { return .nothing }
        if scan.inString { return .filePathInString }
        let lastCharacter = beforeWord.last { $0 != " " && $0 != "\t" }
        if beforeWord.last == ".", isAttributeBase(beforeWord.dropLast()) { return .attribute }
        if lastCharacter == "(" || lastCharacter == ",", case .call(let callee)? = scan.openBrackets.last {
            return .argument(callee: callee)
        }
        return .code(insideOptimizer: scan.insideOptimizerBody(entry: beforeWord))
    }

    /// Whether the text ends inside a string literal (outside comments).
    static func endsInsideString(_ text: String) -> Bool {
        var scan = CodeScan()
        for character in text { scan.consume(character) }
        return scan.inString
    }

    private static func metaCommandContext(_ line: Substring) -> CompletionContext {
        guard let command = line.split(separator: " ").first, line.contains(" ") else { return .metaCommand }
        switch command {
        case ":load", ":save": return .filePath
        case ":help": return .helpTopic
        case ":show": return .definitionName
        default: return .nothing
        }
    }

    /// `M.` and `f(x).` take attributes; `0.` is the start of a number.
    private static func isAttributeBase(_ text: Substring) -> Bool {
        guard let last = text.last else { return false }
        if last == ")" || last == "]" { return true }
        let identifier = text.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard let first = identifier.last else { return false }
        return !first.isNumber
    }
}

/// A rough left-to-right reading of an entry: enough to know whether the cursor is in a
/// string or a comment, and which brackets are open (with the callee of each call).
private struct CodeScan {
    enum Bracket: Equatable {
        case call(String)
        case parenthesis
        case square
        case brace
    }

    private(set) var openBrackets: [Bracket] = []
    private(set) var inString = false
    private(set) var inComment = false
    private var identifier = ""
    private var lastIdentifier = ""

    mutating func consume(_ character: Character) {
        if inComment {
            if character == "\n" { inComment = false }
            return
        }
        if inString {
            if character == "\"" || character == "\n" { inString = false }
            return
        }
        if character.isLetter || character.isNumber || character == "_" {
            identifier.append(character)
            return
        }
        if !identifier.isEmpty {
            lastIdentifier = identifier
            identifier = ""
        }
        switch character {
        case "\"": inString = true
        case "#": inComment = true
        case "(": openBrackets.append(lastIdentifier.isEmpty ? .parenthesis : .call(lastIdentifier))
        case "[": openBrackets.append(.square)
        case "{": openBrackets.append(.brace)
        case ")", "]", "}": _ = openBrackets.popLast()
        default: break
        }
        if character != " " && character != "\t" { lastIdentifier = "" }
    }

    /// Whether the entry is an `optimizer` definition whose body is still open.
    func insideOptimizerBody(entry: String) -> Bool {
        let trimmed = entry.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        return trimmed.hasPrefix("optimizer ") && openBrackets.contains(.brace)
    }
}
