/// The general statements: assignments, `print`, `if`, `for`, `def`, `return`, `expect`,
/// and the declarations `param`, `data`, `loss`, `state`.
extension Parser {
    /// `statement = print_statement | if_statement | … | assignment_or_expression ;`
    mutating func statement() throws(ParseFailure) -> Stmt {
        if peek.kind.isKeyword, peekNext.kind == .equal { throw keywordAssignment() }
        switch peek.kind {
        case .print: return try printStatement()
        case .if: return try ifStatement()
        case .for: return try forStatement()
        case .def: return try functionDeclaration()
        case .return: return try returnStatement()
        case .expect: return try expectStatement()
        case .param: return try paramDeclaration()
        case .data: return try dataDeclaration()
        case .loss: return try lossDeclaration()
        case .state: return try stateDeclaration()
        case .optimizer: return try optimizerDeclaration()
        case .train: return try trainStatement()
        case .step: return try stepStatement()
        case .prune: return try pruneStatement()
        case .gradcheck: return try gradcheckStatement()
        case .plot: return try plotStatement()
        case .compare: return try compareStatement()
        case .else: throw error("'else' without an 'if' before it", at: peek.range)
        default: return try assignmentOrExpression()
        }
    }

    /// After a statement: a line break, `;`, the `}` of the block, or the end of the file.
    mutating func statementEnd() throws(ParseFailure) {
        if isStatementEnd(peek) { return }
        if check(.approx) {
            throw error("'\(peek.lexeme)' can only be used in 'expect A \(peek.lexeme) B within TOL'", at: peek.range)
        }
        throw errorAtPeek(expected: "a new line or ';' after the statement")
    }

    func isStatementEnd(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .semicolon, .rightBrace, .endOfFile: return true
        default: return false
        }
    }

    /// `block = "{" statement_list "}" ;`
    mutating func block(expected: String, notes: [String] = []) throws(ParseFailure) -> [Stmt] {
        let opener = try consume(.leftBrace, expected: expected, notes: check(.equal) ? notes : [])
        try enterNesting()
        defer { depth -= 1 }
        let statements = statementList()
        try consumeClosing(.rightBrace, opener: opener)
        return statements
    }

    /// `statement_list = { separator } [ statement { separator { separator } statement } { separator } ] ;`
    mutating func statementList() -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipSeparators()
            if check(.rightBrace) || check(.endOfFile) { return statements }
            if let statement = recoveringStatement() { statements.append(statement) }
        }
    }

    /// `assignment_or_expression = expression [ "=" expression ] ;`
    mutating func assignmentOrExpression() throws(ParseFailure) -> Stmt {
        let start = peek.range
        let expression = try expression()
        if case .identifier(let name) = expression.kind, !isStatementEnd(peek), !check(.equal) {
            throw misspeltKeyword(name)
        }
        guard check(.equal) else { return Stmt(.expression(expression), range: expression.range) }
        let target = try assignTarget(expression)
        advance()
        let value = try self.expression()
        return Stmt(.assign(target, value), range: range(from: start))
    }

    /// A statement that starts with a lone name followed by more: most likely a misspelt
    /// keyword (`tran J with sgd()`), so the usual error gets a did-you-mean.
    private mutating func misspeltKeyword(_ name: String) -> ParseFailure {
        let keywords = TokenKind.keywords.map(\.rawValue).filter { $0.first?.isLetter == true }
        guard let keyword = Suggestions.closest(to: name, among: keywords) else {
            return errorAtPeek(expected: "a new line or ';' after the statement")
        }
        return errorAtPeek(expected: "a new line or ';' after the statement", notes: ["hint: did you mean '\(keyword)'?"])
    }

    /// Only `name` and `name[…]` can be assigned.
    private mutating func assignTarget(_ expression: Expr) throws(ParseFailure) -> AssignTarget {
        switch expression.kind {
        case .identifier(let name):
            return AssignTarget(name: Name(name, range: expression.range))
        case .index(let base, let subscripts):
            if case .identifier(let name) = base.kind {
                return AssignTarget(name: Name(name, range: base.range), subscripts: subscripts)
            }
        case .call(let callee, _):
            if case .identifier(let name) = callee.kind {
                throw error("cannot assign to a call; to define a function write 'def \(name)(…) = …'", at: expression.range)
            }
        default:
            break
        }
        throw error("cannot assign to this expression; the left side of '=' must be a name or 'name[…]'", at: expression.range)
    }

    /// `print_statement = "print" [ expression { "," expression } ] ;`
    mutating func printStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        var values: [Expr] = []
        if !isStatementEnd(peek) {
            repeat { values.append(try expression()) } while match(.comma)
        }
        return Stmt(.print(values), range: range(from: keyword.range))
    }

    /// `if_statement = "if" expression block [ { NEWLINE } "else" ( if_statement | block ) ] ;`
    mutating func ifStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let condition = try expression()
        let thenBranch = try block(expected: "'{' after the condition of 'if'", notes: ["hint: use '==' to compare"])
        var elseBranch: [Stmt]?
        if elseFollows() {
            while match(.newline) {}
            advance()
            if check(.if) {
                try enterNesting()
                defer { depth -= 1 }
                elseBranch = [try ifStatement()]
            } else {
                elseBranch = try block(expected: "'{' or 'if' after 'else'")
            }
        }
        return Stmt(.ifElse(condition: condition, then: thenBranch, else: elseBranch), range: range(from: keyword.range))
    }

    /// Whether `else` comes next, possibly after line breaks.
    private func elseFollows() -> Bool {
        for token in upcomingTokens {
            if token.kind == .else { return true }
            if token.kind != .newline { return false }
        }
        return false
    }

    /// `for_statement = "for" IDENTIFIER "in" range_expression block ;`
    mutating func forStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let variable = try consumeName(expected: "a loop variable after 'for'")
        try consume(.in, expected: "'in' after 'for \(variable.text)'")
        let (start, end) = try rangeExpression(in: "for \(variable.text) in A..B")
        let body = try block(expected: "'{' to start the body of 'for'")
        return Stmt(.forLoop(variable: variable, start: start, end: end, body: body), range: range(from: keyword.range))
    }

    /// `range_expression = expression ".." expression ;`
    mutating func rangeExpression(in construct: String) throws(ParseFailure) -> (Expr, Expr) {
        let start = try expression()
        try consume(.dotDot, expected: "'..' in '\(construct)'")
        let end = try expression()
        return (start, end)
    }

    /// `function_declaration = "def" IDENTIFIER parameter_list ( "=" expression | block ) ;`
    mutating func functionDeclaration() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let name = try consumeName(expected: "a function name after 'def'")
        let parameters = try parameterList(after: "'def \(name.text)'")
        let body: FunctionDecl.Body
        if match(.equal) {
            body = .expression(try expression())
        } else if check(.leftBrace) {
            body = .block(try block(expected: "'{'"))
        } else {
            throw errorAtPeek(expected: "'=' or '{' after the parameters of '\(name.text)'")
        }
        let declaration = FunctionDecl(name: name, parameters: parameters, body: body)
        return Stmt(.function(declaration), range: range(from: keyword.range))
    }

    /// `parameter_list = "(" [ parameter { "," parameter } [ "," ] ] ")" ;`
    mutating func parameterList(after construct: String) throws(ParseFailure) -> [Parameter] {
        let opener = try consume(.leftParen, expected: "'(' after \(construct)")
        let saved = openBracket()
        defer { closeBracket(restoring: saved) }
        var parameters: [Parameter] = []
        var names: Set<String> = []
        while !check(.rightParen) {
            let parameter = try parameter()
            guard names.insert(parameter.name.text).inserted else {
                throw error("duplicate parameter '\(parameter.name.text)'", at: parameter.name.range)
            }
            parameters.append(parameter)
            if !match(.comma) { break }
        }
        try consumeClosing(.rightParen, opener: opener)
        return parameters
    }

    /// `parameter = IDENTIFIER [ "=" expression ] ;`
    mutating func parameter() throws(ParseFailure) -> Parameter {
        let name = try consumeName(expected: "a parameter name")
        guard match(.equal) else { return Parameter(name: name) }
        return Parameter(name: name, defaultValue: try expression())
    }

    /// `return_statement = "return" [ expression ] ;`
    mutating func returnStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let value = isStatementEnd(peek) ? nil : try expression()
        return Stmt(.returnValue(value), range: range(from: keyword.range))
    }

    /// `expect_statement = "expect" expression [ APPROX expression "within" expression ] ;`
    mutating func expectStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let actual = try expression()
        guard check(.approx) else { return Stmt(.expect(actual), range: range(from: keyword.range)) }
        let approx = advance()
        let expected = try expression()
        guard checkWord("within") else {
            throw errorAtPeek(expected: "'within TOL' after 'expect A \(approx.lexeme) B'")
        }
        advance()
        let tolerance = try expression(expected: "a tolerance after 'within'")
        return Stmt(.expectApprox(actual, expected, tolerance: tolerance), range: range(from: keyword.range))
    }

    /// `param_declaration = "param" IDENTIFIER "=" expression ;`
    mutating func paramDeclaration() throws(ParseFailure) -> Stmt {
        let (keyword, name, value) = try nameEqualsValue()
        return Stmt(.param(name, value), range: range(from: keyword.range))
    }

    /// `loss_declaration = "loss" IDENTIFIER "=" expression ;`
    mutating func lossDeclaration() throws(ParseFailure) -> Stmt {
        let (keyword, name, value) = try nameEqualsValue()
        return Stmt(.loss(name, value), range: range(from: keyword.range))
    }

    /// `state_declaration = "state" IDENTIFIER "=" expression ;`
    mutating func stateDeclaration() throws(ParseFailure) -> Stmt {
        let (keyword, name, value) = try nameEqualsValue()
        return Stmt(.state(name, value), range: range(from: keyword.range))
    }

    /// The shared shape of `param`, `loss` and `state`: keyword, name, `=`, value.
    private mutating func nameEqualsValue() throws(ParseFailure) -> (Token, Name, Expr) {
        let keyword = advance()
        let name = try consumeName(expected: "a name after '\(keyword.lexeme)'")
        try consume(.equal, expected: "'=' after '\(keyword.lexeme) \(name.text)'")
        let value = try expression()
        return (keyword, name, value)
    }

    /// `data_declaration = "data" IDENTIFIER { "," IDENTIFIER } ;`
    mutating func dataDeclaration() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        var names = [try consumeName(expected: "a name after 'data'")]
        while match(.comma) {
            names.append(try consumeName(expected: "a name after ','"))
        }
        return Stmt(.data(names), range: range(from: keyword.range))
    }

    /// `loss = …` and the like: say what the keyword is for instead of "expected a name".
    private mutating func keywordAssignment() -> ParseFailure {
        let keyword = peek
        guard let usage = Self.keywordUsage[keyword.kind] else {
            return error("'\(keyword.lexeme)' is a keyword and cannot be assigned", at: keyword.range)
        }
        return error("'\(keyword.lexeme)' is a keyword; did you mean '\(usage)'?", at: keyword.range)
    }

    private static let keywordUsage: [TokenKind: String] = [
        .loss: "loss NAME = …", .param: "param NAME = …", .state: "state NAME = …",
        .data: "data NAME, …", .step: "step LOSS with OPT", .train: "train LOSS with OPT",
        .compare: "compare LOSS with OPT, OPT", .optimizer: "optimizer NAME(…) { … }",
        .plot: "plot NAME", .prune: "prune NAME keep F by SCORES", .gradcheck: "gradcheck LOSS",
        .def: "def NAME(…) = …", .print: "print VALUE", .expect: "expect CONDITION",
    ]
}
