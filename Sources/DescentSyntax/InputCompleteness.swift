/// Decides whether the REPL should read another line before parsing what it has.
public enum InputCompleteness {
    /// True while a `(`, `[` or `{` is open (outside strings and comments), or when the
    /// text ends with `else`, `,`, `=` or an operator that needs a right-hand side.
    ///
    /// An unterminated string counts as complete: more lines cannot close it, since
    /// strings end on their line, so the parser should report it now.
    public static func needsMoreInput(_ text: String) -> Bool {
        let tokens = Lexer.tokenize(SourceFile(name: "<input>", text: text)).tokens
        var openBrackets = 0
        for token in tokens {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace: openBrackets += 1
            case .rightParen, .rightBracket, .rightBrace: openBrackets = max(0, openBrackets - 1)
            default: break
            }
        }
        if openBrackets > 0 { return true }
        let last = tokens.last { ![.newline, .endOfFile].contains($0.kind) }
        return last.map { continuations.contains($0.kind) } ?? false
    }

    /// Tokens that cannot end a statement, so a line ending in one continues.
    private static let continuations: Set<TokenKind> = [
        .else, .comma, .equal, .plus, .minus, .star, .slash, .percent, .caret, .at,
        .less, .lessEqual, .greater, .greaterEqual, .equalEqual, .bangEqual, .approx,
        .and, .or, .not, .dot, .dotDot,
    ]
}
