import Testing
import DescentSyntax

@Suite struct LexerTests {
    private func lex(_ source: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        Lexer.tokenize(SourceFile(name: "lex.descent", text: source))
    }

    private func kinds(_ source: String) -> [TokenKind] {
        lex(source).tokens.map(\.kind)
    }

    private func numbers(_ source: String) -> [Double] {
        lex(source).tokens.compactMap { token in
            if case .number(let value)? = token.literal { return value }
            return nil
        }
    }

    @Test func numbersInEveryForm() {
        #expect(numbers("1 1.5 .5 1e-3 2E+5 1. 007") == [1, 1.5, 0.5, 0.001, 200_000, 1, 7])
        #expect(lex("1 1.5 .5 1e-3 2E+5").diagnostics.isEmpty)
    }

    @Test func aRangeIsNotADecimalPoint() {
        #expect(kinds("0..5") == [.number, .dotDot, .number, .endOfFile])
        #expect(numbers("0..5") == [0, 5])
        #expect(kinds("1.T") == [.number, .dot, .identifier, .endOfFile])
    }

    @Test func anExponentNeedsDigits() {
        #expect(kinds("2e") == [.number, .identifier, .endOfFile])
        #expect(kinds("2e+") == [.number, .identifier, .plus, .endOfFile])
    }

    @Test func aNumberTooLargeForFloat64IsAnError() {
        let lexed = lex("x = 1e999")
        #expect(lexed.diagnostics.map(\.message) == ["number '1e999' is too large"])
    }

    @Test func greekLettersAndNablaAreNames() {
        let tokens = lex("η β2 α_t θ ∇ x_1").tokens
        #expect(tokens.map(\.kind) == Array(repeating: .identifier, count: 6) + [.endOfFile])
        #expect(tokens.dropLast().map(\.lexeme) == ["η", "β2", "α_t", "θ", "∇", "x_1"])
    }

    @Test func nablaStandsAlone() {
        #expect(lex("∇w").tokens.map(\.lexeme) == ["∇", "w", ""])
    }

    @Test func keywordsAreReservedAndContextualWordsAreNot() {
        #expect(kinds("loss train with not") == [.loss, .train, .with, .not, .endOfFile])
        #expect(kinds("within batch steps keep") == [.identifier, .identifier, .identifier, .identifier, .endOfFile])
        #expect(kinds("losses step_decay") == [.identifier, .identifier, .endOfFile])
    }

    @Test func stringsDecodeEscapes() {
        let token = lex(#""a\tb\n\"q\" \\""#).tokens[0]
        #expect(token.kind == .string)
        #expect(token.literal == .string("a\tb\n\"q\" \\"))
    }

    @Test func anUnterminatedStringIsReportedAtItsQuote() {
        let lexed = lex("print \"abc\nx = 1")
        #expect(lexed.diagnostics.map(\.message) == ["unterminated string"])
        #expect(lexed.diagnostics.first?.range.location == SourceLocation(line: 1, column: 7))
        #expect(lexed.tokens.map(\.kind) == [.print, .string, .newline, .identifier, .equal, .number, .endOfFile])
    }

    @Test func anUnknownEscapeIsReported() {
        let lexed = lex(#""a\qb""#)
        #expect(lexed.diagnostics.map(\.message) == [#"unknown escape '\q' in string; use \n, \t, \" or \\"#])
        #expect(lexed.tokens[0].literal == .string(#"a\qb"#))
    }

    @Test func operatorsIncludingBothSpellingsOfApprox() {
        #expect(kinds("+ - * / % ^ @ < <= > >= == != = ( ) [ ] { } , : ; . .. ≈ ~=") == [
            .plus, .minus, .star, .slash, .percent, .caret, .at, .less, .lessEqual, .greater,
            .greaterEqual, .equalEqual, .bangEqual, .equal, .leftParen, .rightParen, .leftBracket,
            .rightBracket, .leftBrace, .rightBrace, .comma, .colon, .semicolon, .dot, .dotDot,
            .approx, .approx, .endOfFile,
        ])
        #expect(lex("a ~= b").tokens[1].lexeme == "~=")
    }

    @Test func commentsRunToTheEndOfTheLineAndNewlinesAreTokens() {
        #expect(kinds("a = 1 # note = 2\nb") == [.identifier, .equal, .number, .newline, .identifier, .endOfFile])
        #expect(kinds("f(1,\n2)") == [.identifier, .leftParen, .number, .comma, .newline, .number, .rightParen, .endOfFile])
    }

    @Test func unknownCharactersAreReportedAndLexingContinues() {
        let lexed = lex("a = $ 1\nb = 2 ` 3")
        #expect(lexed.diagnostics.map(\.message) == ["unexpected character '$'", "unexpected character '`'"])
        #expect(lexed.diagnostics.map(\.range.location) == [SourceLocation(line: 1, column: 5), SourceLocation(line: 2, column: 7)])
        #expect(lexed.tokens.filter { $0.kind == .number }.count == 3)
    }

    @Test func aRunOfUnknownCharactersIsOneErrorWithAHint() {
        let lexed = lex("a && b")
        #expect(lexed.diagnostics.map(\.message) == ["unexpected characters '&&'"])
        #expect(lexed.diagnostics.first?.notes == ["hint: write 'and'"])
    }

    @Test func invisibleCharactersAreNamedByCodePoint() {
        #expect(lex("a =\u{00A0}1").diagnostics.map(\.message) == ["unexpected character 'U+00A0'"])
    }

    @Test func rangesAreInUnicodeScalars() {
        let tokens = lex("θ = η").tokens
        #expect(tokens.map(\.range.start) == [0, 2, 4, 5])
    }
}
