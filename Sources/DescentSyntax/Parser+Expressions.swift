/// Expressions, from the loosest-binding operator (`or`) down to `^`.
///
/// Precedence, lowest first: `or`; `and`; prefix `not`; comparisons (not chainable);
/// `+ -`; `* / % @`; prefix `- +`; `^` (right-associative, tighter than a prefix minus
/// on its left, so `-2^2` is `-(2^2)`); postfix calls, subscripts and attributes.
extension Parser {
    /// `expression = or_expression ;`
    mutating func expression() throws(ParseFailure) -> Expr {
        try enterNesting()
        defer { depth -= 1 }
        return try orExpression()
    }

    /// An expression where one is required, with a message saying what it is for.
    mutating func expression(expected: String) throws(ParseFailure) -> Expr {
        guard canStartExpression(peek) else { throw errorAtPeek(expected: expected) }
        return try expression()
    }

    /// `or_expression = and_expression { "or" and_expression } ;`
    mutating func orExpression() throws(ParseFailure) -> Expr {
        try leftAssociative([.or: .or]) { parser throws(ParseFailure) in try parser.andExpression() }
    }

    /// `and_expression = not_expression { "and" not_expression } ;`
    mutating func andExpression() throws(ParseFailure) -> Expr {
        try leftAssociative([.and: .and]) { parser throws(ParseFailure) in try parser.notExpression() }
    }

    /// `not_expression = "not" not_expression | comparison ;`
    mutating func notExpression() throws(ParseFailure) -> Expr {
        guard check(.not) else { return try comparison() }
        try enterNesting()
        defer { depth -= 1 }
        let keyword = advance()
        let operand = try notExpression()
        return Expr(.unary(.not, operand), range: keyword.range.union(operand.range))
    }

    /// `comparison = additive [ comparison_operator additive ] ;`
    ///
    /// Comparisons do not chain: `a < b < c` would compare a 0/1 result with `c`.
    mutating func comparison() throws(ParseFailure) -> Expr {
        let left = try additive()
        guard let comparator = Self.comparisonOperators[peek.kind] else { return left }
        let token = advance()
        let right = try additive()
        if Self.comparisonOperators[peek.kind] != nil {
            throw error("comparisons cannot be chained; use 'and'", at: peek.range)
        }
        return Expr(.binary(comparator, left, right, operatorRange: token.range), range: left.range.union(right.range))
    }

    /// `additive = multiplicative { ( "+" | "-" ) multiplicative } ;`
    mutating func additive() throws(ParseFailure) -> Expr {
        try leftAssociative([.plus: .add, .minus: .subtract]) { parser throws(ParseFailure) in
            try parser.multiplicative()
        }
    }

    /// `multiplicative = unary { ( "*" | "/" | "%" | "@" ) unary } ;`
    mutating func multiplicative() throws(ParseFailure) -> Expr {
        let operators: [TokenKind: BinaryOperator] = [.star: .multiply, .slash: .divide, .percent: .modulo, .at: .matmul]
        return try leftAssociative(operators) { parser throws(ParseFailure) in try parser.unary() }
    }

    /// `unary = ( "-" | "+" ) unary | power ;`
    mutating func unary() throws(ParseFailure) -> Expr {
        guard check(.minus) || check(.plus) else { return try power() }
        try enterNesting()
        defer { depth -= 1 }
        let sign = advance()
        let operand = try unary()
        let unaryOperator: UnaryOperator = sign.kind == .minus ? .negate : .plus
        return Expr(.unary(unaryOperator, operand), range: sign.range.union(operand.range))
    }

    /// `power = postfix [ "^" unary ] ;` — the exponent may carry a sign (`2^-1`) and be
    /// a power itself, which makes `^` right-associative.
    mutating func power() throws(ParseFailure) -> Expr {
        let base = try postfix()
        guard check(.caret) else { return base }
        try enterNesting()
        defer { depth -= 1 }
        let caret = advance()
        let exponent = try unary()
        return Expr(.binary(.power, base, exponent, operatorRange: caret.range), range: base.range.union(exponent.range))
    }

    /// `a op b op c` as `(a op b) op c`. Each operator nests the tree one level deeper,
    /// so a chain counts against the nesting limit like brackets do.
    private mutating func leftAssociative(
        _ operators: [TokenKind: BinaryOperator],
        operand: (inout Parser) throws(ParseFailure) -> Expr
    ) throws(ParseFailure) -> Expr {
        let entryDepth = depth
        defer { depth = entryDepth }
        var left = try operand(&self)
        while let binaryOperator = operators[peek.kind] {
            try enterNesting()
            let token = advance()
            let right = try operand(&self)
            left = Expr(.binary(binaryOperator, left, right, operatorRange: token.range), range: left.range.union(right.range))
        }
        return left
    }

    /// Whether `token` can begin an expression.
    func canStartExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .number, .string, .identifier, .leftParen, .leftBracket, .minus, .plus, .not: return true
        default: return false
        }
    }

    private static let comparisonOperators: [TokenKind: BinaryOperator] = [
        .less: .less, .lessEqual: .lessEqual, .greater: .greater, .greaterEqual: .greaterEqual,
        .equalEqual: .equal, .bangEqual: .notEqual,
    ]
}
