import DescentSyntax

/// Prints syntax trees as S-expressions so tests can state a whole tree in one line:
/// `-2^2` is `(- (^ 2 2))`, a block is `{s1; s2}`.
enum SExpression {
    static func of(_ expression: Expr) -> String {
        switch expression.kind {
        case .number(let value): return number(value)
        case .string(let text): return "\"\(text)\""
        case .identifier(let name): return name
        case .list(let elements): return "(list" + elements.map { " " + of($0) }.joined() + ")"
        case .unary(let op, let operand): return "(\(op.rawValue) \(of(operand)))"
        case .binary(let op, let left, let right, _): return "(\(op.rawValue) \(of(left)) \(of(right)))"
        case .call(let callee, let arguments):
            return "(call \(of(callee))" + arguments.map { " " + of($0) }.joined() + ")"
        case .index(let base, let subscripts):
            return "(index \(of(base))" + subscripts.map { " " + of($0) }.joined() + ")"
        case .attribute(let base, let name, _): return "(. \(of(base)) \(name))"
        }
    }

    static func of(_ statement: Stmt) -> String {
        switch statement.kind {
        case .expression(let expression): return of(expression)
        case .assign(let target, let value):
            let left = target.subscripts.isEmpty
                ? target.name.text
                : "(index \(target.name.text)" + target.subscripts.map { " " + of($0) }.joined() + ")"
            return "(= \(left) \(of(value)))"
        case .print(let values): return "(print" + values.map { " " + of($0) }.joined() + ")"
        case .ifElse(let condition, let thenBranch, let elseBranch):
            return "(if \(of(condition)) \(block(thenBranch))" + (elseBranch.map { " " + block($0) } ?? "") + ")"
        case .forLoop(let variable, let start, let end, let body):
            return "(for \(variable.text) \(of(start)) \(of(end)) \(block(body)))"
        case .function(let declaration):
            let body: String
            switch declaration.body {
            case .expression(let expression): body = of(expression)
            case .block(let statements): body = block(statements)
            }
            return "(def \(declaration.name.text) \(parameters(declaration.parameters)) \(body))"
        case .returnValue(let value): return "(return" + (value.map { " " + of($0) } ?? "") + ")"
        case .expect(let condition): return "(expect \(of(condition)))"
        case .expectApprox(let actual, let expected, let tolerance):
            return "(expect≈ \(of(actual)) \(of(expected)) \(of(tolerance)))"
        case .param(let name, let value): return "(param \(name.text) \(of(value)))"
        case .data(let names): return "(data" + names.map { " " + $0.text }.joined() + ")"
        case .loss(let name, let value): return "(loss \(name.text) \(of(value)))"
        case .optimizer(let declaration):
            let batch = declaration.batch.map { " " + of($0) } ?? ""
            return "(optimizer \(declaration.name.text) \(parameters(declaration.hyperParameters))\(batch) \(block(declaration.body)))"
        case .state(let name, let value): return "(state \(name.text) \(of(value)))"
        case .train(let clause):
            return "(train \(of(clause.loss)) \(of(clause.optimizer))"
                + clauses(steps: clause.steps, batch: clause.batch, seed: clause.seed) + ")"
        case .step(let loss, let optimizer): return "(step \(of(loss)) \(of(optimizer)))"
        case .prune(let name, let keep, let scores): return "(prune \(name.text) \(of(keep)) \(of(scores)))"
        case .gradcheck(let loss): return "(gradcheck \(of(loss)))"
        case .plot(let clause): return "(plot \(of(clause.subject))\(of(clause.output)))"
        case .compare(let clause):
            return "(compare \(of(clause.loss)) (" + clause.optimizers.map(of).joined(separator: " ") + ")"
                + clauses(steps: clause.steps, batch: clause.batch, seed: clause.seed) + of(clause.output) + ")"
        }
    }

    private static func of(_ argument: Argument) -> String {
        argument.label.map { "(\($0)= \(of(argument.value)))" } ?? of(argument.value)
    }

    private static func of(_ item: Subscript) -> String {
        switch item.kind {
        case .index(let expression): return of(expression)
        case .slice(let start, let stop, let step):
            return "(: \(start.map(of) ?? "_") \(stop.map(of) ?? "_") \(step.map(of) ?? "_"))"
        }
    }

    private static func of(_ batch: BatchClause) -> String {
        let size: String
        switch batch.size {
        case .all: size = "all"
        case .rows(let rows): size = of(rows)
        }
        switch batch.sampling {
        case .shuffled: return "(batch \(size))"
        case .inOrder: return "(batch \(size) in-order)"
        case .withReplacement: return "(batch \(size) with-replacement)"
        }
    }

    private static func of(_ subject: PlotClause.Subject) -> String {
        switch subject {
        case .history(let name): return "(history \(name.text))"
        case .path(let names): return "(path" + names.map { " " + $0.text }.joined() + ")"
        case .expression(let expression, let variable, let start, let end):
            return "(over \(of(expression)) \(variable.text) \(of(start)) \(of(end)))"
        }
    }

    private static func of(_ output: PlotOutput) -> String {
        (output.logScale ? " log" : "") + (output.file.map { " (to \(of($0)))" } ?? "")
    }

    private static func clauses(steps: Expr?, batch: BatchClause?, seed: Expr?) -> String {
        (steps.map { " (steps \(of($0)))" } ?? "") + (batch.map { " " + of($0) } ?? "")
            + (seed.map { " (seed \(of($0)))" } ?? "")
    }

    private static func parameters(_ parameters: [Parameter]) -> String {
        "(" + parameters.map { parameter in
            parameter.defaultValue.map { "(\(parameter.name.text) \(of($0)))" } ?? parameter.name.text
        }.joined(separator: " ") + ")"
    }

    private static func block(_ statements: [Stmt]) -> String {
        "{" + statements.map(of).joined(separator: "; ") + "}"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}

/// What parsing a snippet gave, in a form tests can compare.
struct Parsed {
    let file: SourceFile
    let result: ParseResult

    init(_ source: String, limits: ParserLimits = ParserLimits()) {
        file = SourceFile(name: "test.descent", text: source)
        result = parse(file, limits: limits)
    }

    /// Every statement as an S-expression, one per line.
    var tree: String { result.statements.map(SExpression.of).joined(separator: "\n") }

    /// Every diagnostic as `LINE:COLUMN: message`.
    var errors: [String] { result.diagnostics.map { "\($0.range.location): \($0.message)" } }
}

/// The tree of a snippet that must parse cleanly, or the errors when it does not.
func tree(_ source: String) -> String {
    let parsed = Parsed(source)
    return parsed.errors.isEmpty ? parsed.tree : "errors: " + parsed.errors.joined(separator: " | ")
}

/// The errors of a snippet that must not parse.
func errors(_ source: String) -> [String] {
    Parsed(source).errors
}
