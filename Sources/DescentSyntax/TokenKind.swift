/// What a token is: a literal, a name, a reserved keyword, an operator or punctuation.
///
/// `rawValue` is the spelling for keywords and operators, so error messages can quote it.
/// Contextual words (`within`, `batch`, `steps`, …) are not kinds of their own: they lex as
/// identifiers and only the clause that expects them gives them meaning.
public enum TokenKind: String, Sendable, CaseIterable {
    /// Literals and names.
    case number, string, identifier

    /// Reserved keywords: never names.
    case `def`, `return`, `if`, `else`, `for`, `in`, print, expect, param, data, loss
    /// Reserved keywords of the optimizer workbench and the word operators.
    case optimizer, state, train, step, with, prune, gradcheck, plot, compare, and, or, not

    /// Arithmetic operators; `@` is the matrix product.
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", caret = "^", at = "@"
    /// Comparison operators.
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equalEqual = "==", bangEqual = "!="
    /// Brackets.
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}"
    /// Punctuation: assignment, separators, attribute access and ranges.
    case equal = "=", comma = ",", colon = ":", semicolon = ";", dot = ".", dotDot = ".."
    /// `≈`, also written `~=`.
    case approx = "≈"

    /// A line break: it ends a statement, except inside `(` and `[` where the parser skips it.
    case newline
    /// Characters the lexer could not make sense of; the lexer has already reported them.
    case invalid
    /// The end of the text; always the last token.
    case endOfFile

    /// The reserved keywords, which can never be names.
    public static let keywords: [TokenKind] = [
        .def, .return, .if, .else, .for, .in, .print, .expect, .param, .data, .loss,
        .optimizer, .state, .train, .step, .with, .prune, .gradcheck, .plot, .compare,
        .and, .or, .not,
    ]

    /// Words that are names everywhere except in the one clause that expects them.
    public static let contextualWords: [String] = [
        "within", "batch", "all", "steps", "seed", "order", "replacement", "keep", "by",
        "path", "to", "log",
    ]

    /// Whether this kind is a reserved keyword.
    public var isKeyword: Bool { Self.keywordsBySpelling[rawValue] == self }

    /// The keyword spelled `word`, if `word` is reserved.
    static func keyword(spelled word: String) -> TokenKind? { keywordsBySpelling[word] }

    private static let keywordsBySpelling: [String: TokenKind] =
        Dictionary(uniqueKeysWithValues: keywords.map { ($0.rawValue, $0) })
}
