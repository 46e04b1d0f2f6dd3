/// One lexical unit of Descent source, with where it was written.
public struct Token: Sendable {
    /// What the token is.
    public var kind: TokenKind
    /// The scalars it covers.
    public var range: SourceRange
    /// The source text it covers (`~=` stays `~=` even though its kind is `.approx`).
    public var lexeme: String
    /// The decoded value of a number or string literal.
    public var literal: Literal?

    /// Creates a token.
    public init(kind: TokenKind, range: SourceRange, lexeme: String, literal: Literal? = nil) {
        self.kind = kind
        self.range = range
        self.lexeme = lexeme
        self.literal = literal
    }

    /// The value a literal token stands for.
    public enum Literal: Sendable, Equatable {
        /// A float64 number.
        case number(Double)
        /// A string with its escapes decoded.
        case string(String)
    }
}
