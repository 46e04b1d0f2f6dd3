/// Recursive-descent parser: one method per rule of `grammar/descent.ebnf`.
///
/// Errors are collected, not thrown out: a broken statement is reported once, skipped
/// up to where the next statement starts (`synchronize`), and parsing goes on, so one
/// run lists every syntax error in a file.
public struct Parser {
    let file: SourceFile
    let limits: ParserLimits
    private let tokens: [Token]
    private let lexicalDiagnostics: [Diagnostic]
    /// Index of the next unconsumed token (possibly a newline the parser will skip).
    private var current = 0
    /// Index of the last consumed token, for statement and expression ranges.
    private var previousIndex = 0
    var diagnostics: [Diagnostic] = []
    /// Current recursion depth, checked against `limits.maxNestingDepth`.
    var depth = 0
    /// How many `(` and `[` enclose the current position within this statement.
    var openBrackets = 0
    /// Inside `(` and `[` line breaks are layout, as in Python.
    var ignoresNewlines = false

    /// Prepares to parse `file`; lexing happens here.
    public init(file: SourceFile, limits: ParserLimits = ParserLimits()) {
        self.file = file
        self.limits = limits
        let lexed = Lexer.tokenize(file)
        self.tokens = lexed.tokens
        self.lexicalDiagnostics = lexed.diagnostics
    }

    /// Parses every statement of the file, recovering after each syntax error.
    public mutating func parseProgram() -> ParseResult {
        current = 0
        previousIndex = 0
        diagnostics = []
        var statements: [Stmt] = []
        while true {
            skipSeparators()
            if check(.endOfFile) { break }
            if check(.rightBrace) {
                _ = error("unexpected '}' with no '{' to close", at: peek.range)
                advance()
                continue
            }
            if let statement = recoveringStatement() { statements.append(statement) }
        }
        let all = (lexicalDiagnostics + diagnostics).enumerated().sorted { lhs, rhs in
            (lhs.element.range.start, lhs.offset) < (rhs.element.range.start, rhs.offset)
        }
        return ParseResult(statements: statements, diagnostics: all.map(\.element))
    }

    /// One statement and its end; on an error, nothing, after skipping past the damage.
    mutating func recoveringStatement() -> Stmt? {
        let startColumn = file.location(of: peek.range.start).column
        do {
            let statement = try statement()
            try statementEnd()
            return statement
        } catch {
            synchronize(openBrackets: error.openBrackets, statementColumn: startColumn)
            return nil
        }
    }

    // MARK: - Token helpers

    /// Where the next significant token is: newlines are skipped inside brackets.
    private var peekIndex: Int {
        var index = current
        if ignoresNewlines {
            while tokens[index].kind == .newline { index += 1 }
        }
        return index
    }

    /// The next significant token, not consumed.
    var peek: Token { tokens[peekIndex] }

    /// The significant token after `peek`.
    var peekNext: Token {
        var index = min(peekIndex + 1, tokens.count - 1)
        if ignoresNewlines {
            while tokens[index].kind == .newline { index += 1 }
        }
        return tokens[index]
    }

    /// The tokens not consumed yet, newlines included.
    var upcomingTokens: ArraySlice<Token> { tokens[current...] }

    /// The last consumed token.
    var previous: Token { tokens[previousIndex] }

    /// Whether a line break was skipped between the last consumed token and `peek`.
    var lineEndsBeforePeek: Bool {
        tokens[current..<peekIndex].contains { $0.kind == .newline }
    }

    func check(_ kind: TokenKind) -> Bool { peek.kind == kind }

    /// Whether the next token is the contextual word `word` (an identifier).
    func checkWord(_ word: String) -> Bool { peek.kind == .identifier && peek.lexeme == word }

    @discardableResult
    mutating func advance() -> Token {
        let index = peekIndex
        if tokens[index].kind != .endOfFile {
            current = index + 1
            previousIndex = index
        }
        return tokens[index]
    }

    mutating func match(_ kinds: TokenKind...) -> Bool {
        guard kinds.contains(peek.kind) else { return false }
        advance()
        return true
    }

    /// Consumes a token of `kind` or fails with "expected \(expected), found …".
    @discardableResult
    mutating func consume(_ kind: TokenKind, expected: String, notes: [String] = []) throws(ParseFailure) -> Token {
        guard check(kind) else { throw errorAtPeek(expected: expected, notes: notes) }
        return advance()
    }

    /// Consumes a name or fails with "expected \(expected), found …".
    mutating func consumeName(expected: String) throws(ParseFailure) -> Name {
        let notes = peek.kind.isKeyword ? ["hint: '\(peek.lexeme)' is a keyword and cannot be a name"] : []
        let token = try consume(.identifier, expected: expected, notes: notes)
        return Name(token.lexeme, range: token.range)
    }

    /// Consumes the bracket that closes `opener`. A missing one is usually a line that
    /// ended too early, so when a line break comes first the error says so.
    @discardableResult
    mutating func consumeClosing(_ kind: TokenKind, opener: Token) throws(ParseFailure) -> Token {
        if check(kind) { return advance() }
        let expected = "'\(kind.rawValue)' to close '\(opener.lexeme)' at \(opener.range.location)"
        if lineEndsBeforePeek {
            throw error("expected \(expected), found end of line", at: endOfPrevious)
        }
        throw errorAtPeek(expected: expected)
    }

    /// Enters `(` or `[`: line breaks become layout until the matching `closeBracket`.
    mutating func openBracket() -> Bool {
        let saved = ignoresNewlines
        ignoresNewlines = true
        openBrackets += 1
        return saved
    }

    /// Leaves a bracket entered with `openBracket`, restoring what it saved.
    mutating func closeBracket(restoring saved: Bool) {
        ignoresNewlines = saved
        openBrackets -= 1
    }

    /// The range of the statement that started with token `start`, up to the last token consumed.
    func range(from start: SourceRange) -> SourceRange {
        start.union(previous.range)
    }

    mutating func skipSeparators() {
        while match(.newline, .semicolon) {}
    }

    // MARK: - Errors

    /// Records `message` and returns the failure to throw.
    mutating func error(_ message: String, at range: SourceRange, notes: [String] = []) -> ParseFailure {
        diagnostics.append(Diagnostic(message, at: range, notes: notes))
        return ParseFailure(openBrackets: openBrackets)
    }

    /// "expected X, found Y" at the next token; silent when that token is one the lexer
    /// already reported, so a stray `$` is one error, not two.
    mutating func errorAtPeek(expected: String, notes: [String] = []) -> ParseFailure {
        if peek.kind == .invalid { return ParseFailure(openBrackets: openBrackets) }
        let foundRange = isLineEnd(peek) ? endOfPrevious : peek.range
        return error("expected \(expected), found \(describe(peek))", at: foundRange, notes: notes)
    }

    /// An empty range right after the last consumed token: where a line ended too early.
    var endOfPrevious: SourceRange {
        guard current > 0 else { return peek.range }
        return SourceRange(file: file, start: previous.range.end, end: previous.range.end)
    }

    func isLineEnd(_ token: Token) -> Bool {
        token.kind == .newline || token.kind == .endOfFile
    }

    /// How a token is named in "found …".
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline: return "end of line"
        case .endOfFile: return "end of file"
        case .string: return "a string"
        default: return "'\(token.lexeme)'"
        }
    }

    /// Enters one level of nesting, or fails when that would exceed the limit.
    mutating func enterNesting() throws(ParseFailure) {
        guard depth < limits.maxNestingDepth else {
            throw error("nesting too deep (more than \(limits.maxNestingDepth) levels)", at: peek.range)
        }
        depth += 1
    }

    /// Skips the rest of a broken statement: up to the first line break or `;` outside
    /// any bracket, stopping before a `}` that closes the enclosing block. A line break
    /// inside unclosed brackets also ends the skip when the next line starts a statement
    /// (a keyword, or a name no further right than the broken statement began), so one
    /// forgotten `)` does not swallow the rest of the file.
    mutating func synchronize(openBrackets bracketsAtError: Int, statementColumn: Int) {
        var brackets = bracketsAtError
        var braces = 0
        while true {
            let token = tokens[current]
            switch token.kind {
            case .endOfFile:
                return
            case .leftParen, .leftBracket:
                brackets += 1
            case .rightParen, .rightBracket:
                brackets = max(0, brackets - 1)
            case .leftBrace:
                braces += 1
                brackets = 0
            case .rightBrace:
                if braces == 0 { return }
                braces -= 1
                brackets = 0
            case .newline, .semicolon:
                if braces == 0, brackets == 0 || (token.kind == .newline && nextLineStartsStatement(column: statementColumn)) {
                    advance()
                    return
                }
            default:
                break
            }
            advance()
        }
    }

    private func nextLineStartsStatement(column: Int) -> Bool {
        let next = tokens[min(current + 1, tokens.count - 1)]
        if Self.statementKeywords.contains(next.kind) { return true }
        return next.kind == .identifier && file.location(of: next.range.start).column <= column
    }

    /// Keywords that can only begin a statement.
    static let statementKeywords: Set<TokenKind> = [
        .def, .return, .if, .for, .print, .expect, .param, .data, .loss, .optimizer,
        .state, .train, .step, .prune, .gradcheck, .plot, .compare,
    ]
}

/// Thrown inside the parser to unwind a broken statement; the diagnostic is already recorded.
struct ParseFailure: Error {
    /// Brackets open where the error was found, so recovery can skip to their end.
    var openBrackets: Int
}
