import DescentSyntax

/// Binds names before anything runs: every name a program mentions must be defined
/// somewhere it can see, or the program is rejected with a did-you-mean. Also rejects
/// statements in places they cannot run (`return` outside a function, `state` outside an
/// optimizer) and optimizers that never assign `theta`.
///
/// Resolution is flow-insensitive within a scope, as in Python: a name assigned anywhere
/// at the top level (or in a function) is visible everywhere there; whether it has a
/// value yet is a runtime question.
struct Resolver {
    private var diagnostics: [Diagnostic] = []
    private let known: Set<String>

    /// Resolves `statements` against the names a session already has.
    static func resolve(_ statements: [Stmt], knownNames: Set<String>) -> [Diagnostic] {
        var resolver = Resolver(known: knownNames.union(definedNames(in: statements)))
        resolver.resolveBlock(statements, scope: [], place: .topLevel)
        return resolver.diagnostics
    }

    private init(known: Set<String>) {
        self.known = known
    }

    private enum Place {
        case topLevel
        case function
        case optimizer
    }

    private mutating func resolveBlock(_ statements: [Stmt], scope: Set<String>, place: Place) {
        let visible = scope.union(place == .topLevel ? [] : Self.definedNames(in: statements))
        for statement in statements {
            resolve(statement, scope: visible, place: place)
        }
    }

    private mutating func resolve(_ statement: Stmt, scope: Set<String>, place: Place) {
        switch statement.kind {
        case .function(let declaration):
            let parameters = Set(declaration.parameters.map(\.name.text))
            for (index, parameter) in declaration.parameters.enumerated() {
                let earlier = Set(declaration.parameters.prefix(index).map(\.name.text))
                if let value = parameter.defaultValue { check(value, scope: scope.union(earlier)) }
            }
            switch declaration.body {
            case .expression(let body): check(body, scope: scope.union(parameters))
            case .block(let body): resolveBlock(body, scope: scope.union(parameters), place: .function)
            }
        case .optimizer(let declaration):
            resolveOptimizer(declaration)
        case .returnValue(let value):
            if place != .function {
                diagnostics.append(Diagnostic("'return' outside a function", at: statement.range))
            }
            if let value { check(value, scope: scope) }
        case .state(_, let initial):
            if place != .optimizer {
                diagnostics.append(Diagnostic("'state' is only allowed inside an optimizer", at: statement.range))
            }
            check(initial, scope: scope)
        case .ifElse(let condition, let thenBranch, let elseBranch):
            check(condition, scope: scope)
            resolveNested(thenBranch, scope: scope, place: place)
            resolveNested(elseBranch ?? [], scope: scope, place: place)
        case .forLoop(let variable, let start, let end, let body):
            check(start, scope: scope)
            check(end, scope: scope)
            resolveNested(body, scope: scope.union([variable.text]), place: place)
        case .prune(let name, let keep, let scores):
            if !(place == .optimizer && RuleRun.thetaNames.contains(name.text)) { checkName(name, scope: scope) }
            check(keep, scope: scope)
            check(scores, scope: scope)
        case .data(let names):
            for name in names { checkName(name, scope: scope) }
        case .plot(let clause):
            resolvePlot(clause, scope: scope)
        default:
            for expression in ExpressionWalker.expressions(in: [statement]) { check(expression, scope: scope) }
            if case .compare(let clause) = statement.kind {
                for expression in [clause.loss] + clause.optimizers + [clause.steps, clause.seed, clause.output.file].compactMap({ $0 }) {
                    check(expression, scope: scope)
                }
            }
            if case .train(let clause) = statement.kind, case .rows(let size)? = clause.batch?.size {
                check(size, scope: scope)
            }
        }
    }

    /// Blocks of `if` and `for` share their enclosing scope; at the top level their
    /// assignments are globals, already known.
    private mutating func resolveNested(_ statements: [Stmt], scope: Set<String>, place: Place) {
        for statement in statements { resolve(statement, scope: scope, place: place) }
    }

    private mutating func resolveOptimizer(_ declaration: OptimizerDecl) {
        var scope = Set(declaration.hyperParameters.map(\.name.text))
        for parameter in declaration.hyperParameters {
            if let value = parameter.defaultValue { check(value, scope: scope) }
        }
        scope.formUnion(RuleRun.thetaNames.union(RuleRun.gradientNames).union(["t", "T", "N"]))
        if case .rows(let size)? = declaration.batch?.size { check(size, scope: []) }
        resolveBlock(declaration.body, scope: scope, place: .optimizer)
        if !Self.assignsTheta(declaration.body) {
            diagnostics.append(Diagnostic(
                "optimizer '\(declaration.name.text)' never assigns 'theta', so it would not change anything",
                at: declaration.name.range, notes: ["hint: end the rule with an update such as 'theta = theta - lr*grad'"]))
        }
    }

    private mutating func resolvePlot(_ clause: PlotClause, scope: Set<String>) {
        switch clause.subject {
        case .history:
            break
        case .path(let names):
            for name in names { checkName(name, scope: scope) }
        case .expression(let expression, let variable, let start, let end):
            check(start, scope: scope)
            check(end, scope: scope)
            check(expression, scope: scope.union([variable.text]))
        }
        if let file = clause.output.file { check(file, scope: scope) }
    }

    private mutating func check(_ expression: Expr, scope: Set<String>) {
        ExpressionWalker.visit(expression) { part in
            if case .identifier(let name) = part.kind {
                report(name, at: part.range, scope: scope)
            }
        }
    }

    private mutating func checkName(_ name: Name, scope: Set<String>) {
        report(name.text, at: name.range, scope: scope)
    }

    private mutating func report(_ name: String, at range: SourceRange, scope: Set<String>) {
        guard !scope.contains(name), !known.contains(name) else { return }
        var message = "unknown name '\(name)'"
        if let suggestion = Suggestions.closest(to: name, among: scope.union(known)) {
            message += "; did you mean '\(suggestion)'?"
        }
        diagnostics.append(Diagnostic(message, at: range))
    }

    /// Names a block binds: assignments, loop variables, definitions, states — anywhere
    /// in it, nested blocks included, but not inside nested functions.
    static func definedNames(in statements: [Stmt]) -> Set<String> {
        var names: Set<String> = []
        for statement in statements {
            switch statement.kind {
            case .assign(let target, _): names.insert(target.name.text)
            case .function(let declaration): names.insert(declaration.name.text)
            case .optimizer(let declaration): names.insert(declaration.name.text)
            case .param(let name, _), .loss(let name, _), .state(let name, _): names.insert(name.text)
            case .forLoop(let variable, _, _, let body):
                names.insert(variable.text)
                names.formUnion(definedNames(in: body))
            case .ifElse(_, let thenBranch, let elseBranch):
                names.formUnion(definedNames(in: thenBranch))
                names.formUnion(definedNames(in: elseBranch ?? []))
            default: break
            }
        }
        return names
    }

    private static func assignsTheta(_ statements: [Stmt]) -> Bool {
        statements.contains { statement in
            switch statement.kind {
            case .assign(let target, _): RuleRun.thetaNames.contains(target.name.text)
            case .prune(let name, _, _): RuleRun.thetaNames.contains(name.text)
            case .ifElse(_, let thenBranch, let elseBranch): assignsTheta(thenBranch) || assignsTheta(elseBranch ?? [])
            case .forLoop(_, _, _, let body): assignsTheta(body)
            default: false
            }
        }
    }
}
