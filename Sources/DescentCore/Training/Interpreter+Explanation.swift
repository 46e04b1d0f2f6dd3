import DescentSyntax
import DescentTensor

/// Renders a rule's expression with the values it is about to use substituted, the
/// middle line of a `step` explanation: `0.9*[0, 0, 0] + 0.1*[-3.1, 1.2, 0.4]`.
///
/// Names take their current values. A compound part that does not involve theta, the
/// gradient, state or the rule's locals (`1 - beta`) is shown as its value. Parts that
/// call anything but a pure builtin are never evaluated twice, so an explained step
/// draws the same random numbers as an unexplained one.
extension Interpreter {
    func explanationText(for expression: Expr, in scope: Scope, context: ExecutionContext) throws -> String? {
        guard case .rule(let run) = context, run.explanation != nil else { return nil }
        return try substituted(expression, in: scope, run: run).text
    }

    private typealias Rendered = (text: String, precedence: Int)

    private static let primaryPrecedence = 10
    private static let unaryPrecedence = 7

    private func substituted(_ expression: Expr, in scope: Scope, run: RuleRun) throws -> Rendered {
        if isFoldable(expression, in: scope, run: run) {
            return rendered(try evaluateTensor(expression, in: scope).value)
        }
        switch expression.kind {
        case .number, .string:
            return (expression.range.text, Self.primaryPrecedence)
        case .identifier(let name):
            if case .tensor(let value)? = scope.lookup(name) { return rendered(value.value) }
            return (name, Self.primaryPrecedence)
        case .list(let elements):
            let parts = try elements.map { try substituted($0, in: scope, run: run).text }
            return ("[" + parts.joined(separator: ", ") + "]", Self.primaryPrecedence)
        case .unary(let op, let operand):
            let inner = try substituted(operand, in: scope, run: run)
            let text = inner.precedence < Self.unaryPrecedence ? "(\(inner.text))" : inner.text
            return (op == .not ? "not \(text)" : op.rawValue + text, op == .not ? 3 : Self.unaryPrecedence)
        case .binary(let op, let left, let right, _):
            return try substitutedBinary(op, left, right, in: scope, run: run)
        case .call(let callee, let arguments):
            let parts = try arguments.map { argument in
                let value = try substituted(argument.value, in: scope, run: run).text
                return argument.label.map { "\($0)=\(value)" } ?? value
            }
            return (callee.range.text + "(" + parts.joined(separator: ", ") + ")", Self.primaryPrecedence)
        case .index(let base, let subscripts):
            let inner = try substituted(base, in: scope, run: run)
            let first = subscripts.first?.range, last = subscripts.last?.range
            let indices = first.map { $0.union(last ?? $0).text } ?? ""
            return (parenthesized(inner, below: Self.primaryPrecedence) + "[\(indices)]", Self.primaryPrecedence)
        case .attribute(let base, let name, _):
            let inner = try substituted(base, in: scope, run: run)
            return (parenthesized(inner, below: Self.primaryPrecedence) + ".\(name)", Self.primaryPrecedence)
        }
    }

    private func substitutedBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, in scope: Scope, run: RuleRun) throws -> Rendered {
        let precedence = Self.precedence(of: op)
        let lhs = try substituted(left, in: scope, run: run)
        let rhs = try substituted(right, in: scope, run: run)
        let rightAssociative = op == .power
        let leftText = rightAssociative ? parenthesized(lhs, below: precedence + 1) : parenthesized(lhs, below: precedence)
        // A negative right operand reads badly bare (`0.9*-0.3`), so it gets parentheses.
        let rightText = rhs.text.hasPrefix("-") ? "(\(rhs.text))"
            : rightAssociative ? parenthesized(rhs, below: precedence) : parenthesized(rhs, below: precedence + 1)
        let spaced = precedence <= 5
        return (spaced ? "\(leftText) \(op.rawValue) \(rightText)" : "\(leftText)\(op.rawValue)\(rightText)", precedence)
    }

    private func parenthesized(_ rendered: Rendered, below precedence: Int) -> String {
        rendered.precedence < precedence ? "(\(rendered.text))" : rendered.text
    }

    private func rendered(_ value: Tensor) -> Rendered {
        let text = InlineFormatter.format(value)
        return (text, text.hasPrefix("-") ? Self.unaryPrecedence : Self.primaryPrecedence)
    }

    private static func precedence(of op: BinaryOperator) -> Int {
        switch op {
        case .or: 1
        case .and: 2
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide, .modulo, .matmul: 6
        case .power: 8
        }
    }

    /// A compound expression that involves only constants and pure builtins.
    private func isFoldable(_ expression: Expr, in scope: Scope, run: RuleRun) -> Bool {
        switch expression.kind {
        case .number, .string, .identifier: return false
        default: break
        }
        var foldable = true
        ExpressionWalker.visit(expression) { part in
            switch part.kind {
            case .identifier(let name):
                if isRuleVariable(name, in: scope, run: run) { foldable = false }
            case .call(let callee, _):
                guard case .identifier(let name) = callee.kind, case .builtin(let builtin)? = scope.lookup(name),
                    Self.pureBuiltins.contains(builtin.name)
                else {
                    foldable = false
                    return
                }
            case .string:
                foldable = false
            default:
                break
            }
        }
        return foldable
    }

    /// Theta, the gradient, state and the rule's own locals: the values a step changes.
    private func isRuleVariable(_ name: String, in scope: Scope, run: RuleRun) -> Bool {
        if RuleRun.thetaNames.contains(name) || RuleRun.gradientNames.contains(name) || run.stateNames.contains(name) {
            return true
        }
        return scope.bindsLocally(name) && !run.constantNames.contains(name)
    }

    private static let pureBuiltins: Set<String> = Set((MathBuiltins.all + ReductionBuiltins.all).map(\.name))
}
