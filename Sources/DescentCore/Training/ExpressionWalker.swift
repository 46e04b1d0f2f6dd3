import DescentSyntax

/// Walks syntax trees to collect the names they mention.
enum ExpressionWalker {
    /// Every identifier an expression mentions, callees included.
    static func identifiers(in expression: Expr) -> [String] {
        var names: [String] = []
        visit(expression) { if case .identifier(let name) = $0.kind { names.append(name) } }
        return names
    }

    /// Calls `body` on the expression and every sub-expression.
    static func visit(_ expression: Expr, _ body: (Expr) -> Void) {
        body(expression)
        switch expression.kind {
        case .number, .string, .identifier:
            break
        case .list(let elements):
            for element in elements { visit(element, body) }
        case .unary(_, let operand):
            visit(operand, body)
        case .binary(_, let left, let right, _):
            visit(left, body)
            visit(right, body)
        case .call(let callee, let arguments):
            visit(callee, body)
            for argument in arguments { visit(argument.value, body) }
        case .index(let base, let subscripts):
            visit(base, body)
            for item in subscripts {
                switch item.kind {
                case .index(let index): visit(index, body)
                case .slice(let start, let stop, let step):
                    for part in [start, stop, step].compactMap({ $0 }) { visit(part, body) }
                }
            }
        case .attribute(let base, _, _):
            visit(base, body)
        }
    }

    /// The top-level expressions of a function: its body, its statements' expressions
    /// and its parameters' defaults.
    static func expressions(in function: FunctionDecl) -> [Expr] {
        var result = function.parameters.compactMap(\.defaultValue)
        switch function.body {
        case .expression(let body): result.append(body)
        case .block(let statements): result.append(contentsOf: expressions(in: statements))
        }
        return result
    }

    /// The expressions directly inside statements, recursing into blocks.
    static func expressions(in statements: [Stmt]) -> [Expr] {
        statements.flatMap { statement -> [Expr] in
            switch statement.kind {
            case .expression(let e), .expect(let e), .gradcheck(let e), .param(_, let e), .loss(_, let e), .state(_, let e):
                return [e]
            case .assign(let target, let value):
                return subscriptExpressions(target.subscripts) + [value]
            case .print(let items):
                return items
            case .returnValue(let value):
                return value.map { [$0] } ?? []
            case .ifElse(let condition, let thenBranch, let elseBranch):
                return [condition] + expressions(in: thenBranch) + expressions(in: elseBranch ?? [])
            case .forLoop(_, let start, let end, let body):
                return [start, end] + expressions(in: body)
            case .expectApprox(let a, let b, let tolerance):
                return [a, b, tolerance]
            case .prune(_, let keep, let scores):
                return [keep, scores]
            case .step(let loss, let optimizer):
                return [loss, optimizer]
            case .train(let clause):
                return [clause.loss, clause.optimizer] + [clause.steps, clause.seed].compactMap { $0 }
            case .function, .optimizer, .data, .plot, .compare:
                return []
            }
        }
    }

    private static func subscriptExpressions(_ subscripts: [Subscript]) -> [Expr] {
        subscripts.flatMap { item -> [Expr] in
            switch item.kind {
            case .index(let index): [index]
            case .slice(let start, let stop, let step): [start, stop, step].compactMap { $0 }
            }
        }
    }
}
