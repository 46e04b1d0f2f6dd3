/// The statements of a program and every syntax error found in it.
public struct ParseResult: Sendable {
    /// The statements that parsed; broken ones are left out.
    public var statements: [Stmt]
    /// Lexical and syntax errors, in source order.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(statements: [Stmt], diagnostics: [Diagnostic]) {
        self.statements = statements
        self.diagnostics = diagnostics
    }
}

/// Parses a whole file: a shorthand for `Parser(file:limits:).parseProgram()`.
public func parse(_ file: SourceFile, limits: ParserLimits = ParserLimits()) -> ParseResult {
    var parser = Parser(file: file, limits: limits)
    return parser.parseProgram()
}
