import DescentSyntax
import DescentTensor
import Foundation

/// A living Descent session: the prelude, then whatever scripts and REPL inputs are run
/// into it. The entry point for the command line, the REPL, tests and fuzzers.
///
/// Output (print, train summaries, explanations, echoed values) goes to `output`; errors
/// come back as diagnostics. A session prints nothing itself.
public final class Session {
    /// Raised by Ctrl-C or a timeout to stop the running input between operations.
    public let cancellation = CancellationFlag()
    /// Limits applied to every input.
    public let limits: RuntimeLimits
    let output: (String) -> Void
    var interpreter: Interpreter
    /// Definitions and their source text, for `:show` (prelude first).
    private var sources: [String: String] = [:]

    /// Creates a session with the prelude loaded.
    public init(limits: RuntimeLimits = RuntimeLimits(), output: @escaping (String) -> Void) {
        self.limits = limits
        self.output = output
        self.interpreter = Interpreter(limits: limits, cancellation: cancellation, output: output)
        loadPrelude()
    }

    /// Called as a long `train` progresses.
    public var progress: ((TrainingProgress) -> Void)? {
        get { interpreter.progress }
        set { interpreter.progress = newValue }
    }

    /// Parses, resolves and runs `source`. With `echo`, expression values and definition
    /// confirmations are written to the output, as the REPL shows them. Returns every
    /// diagnostic; after a syntax or name error nothing runs.
    @discardableResult
    public func run(_ source: SourceFile, echo: Bool = false) -> [Diagnostic] {
        run(source, echo: echo, parserLimits: ParserLimits(maxNestingDepth: limits.maxNestingDepth))
    }

    /// Parses and resolves `source` without running it.
    public func check(_ source: SourceFile) -> Result<[Stmt], DiagnosticList> {
        LargeStack.run { [self] in parseAndResolve(source, parserLimits: ParserLimits(maxNestingDepth: limits.maxNestingDepth)) }
    }

    /// Everything runs on the large stack, parsing included, so a nesting limit raised far
    /// above the default cannot overflow the caller's stack.
    private func run(_ source: SourceFile, echo: Bool, parserLimits: ParserLimits) -> [Diagnostic] {
        LargeStack.run { [self] in
            let statements: [Stmt]
            switch parseAndResolve(source, parserLimits: parserLimits) {
            case .success(let parsed): statements = parsed
            case .failure(let list): return list.diagnostics
            }
            let cancellation = cancellation
            let interruption = KernelInterruption { cancellation.isCancelled ? cancellation.reason : nil }
            return ElementLimit.$maxElements.withValue(limits.maxElements) {
                KernelInterruption.$current.withValue(interruption) {
                    StackGuard.$floor.withValue(StackGuard.floor(forStackOfSize: LargeStack.size)) {
                        do {
                            try interpreter.run(statements, echo: echo ? { statement, value in try self.echoResult(statement, value) } : nil)
                            record(statements, from: source)
                            return []
                        } catch let diagnostic as Diagnostic {
                            return [diagnostic]
                        } catch {
                            return [Diagnostic("internal error: \(error)", at: SourceRange(file: source, start: 0, end: 0))]
                        }
                    }
                }
            }
        }
    }

    private func parseAndResolve(_ source: SourceFile, parserLimits: ParserLimits) -> Result<[Stmt], DiagnosticList> {
        var parser = Parser(file: source, limits: parserLimits)
        let parsed = parser.parseProgram()
        if !parsed.diagnostics.isEmpty { return .failure(DiagnosticList(parsed.diagnostics)) }
        let problems = Resolver.resolve(parsed.statements, knownNames: Set(interpreter.globals.localNames))
        if !problems.isEmpty { return .failure(DiagnosticList(problems)) }
        return .success(parsed.statements)
    }

    /// Forgets everything but the prelude.
    public func reset() {
        let progress = interpreter.progress
        let plotSettings = interpreter.plotSettings
        interpreter = Interpreter(limits: limits, cancellation: cancellation, output: output)
        sources = [:]
        loadPrelude()
        interpreter.progress = progress
        interpreter.plotSettings = plotSettings
    }

    /// How plots are drawn in the terminal: the width to fill and whether to use ANSI
    /// colours. 80 columns without colour unless the host says otherwise.
    public var plotSettings: PlotSettings {
        get { interpreter.plotSettings }
        set { interpreter.plotSettings = newValue }
    }

    /// What the last `train`, `step` or `compare` recorded.
    public var lastHistory: TrainingHistory? { interpreter.lastHistory }

    /// The tensor a global name holds (a loss is evaluated on the whole data set).
    public func tensor(named name: String) -> Tensor? {
        switch interpreter.globals.lookup(name) {
        case .tensor(let value)?: return value.value
        default: return nil
        }
    }

    /// Every name in scope: the prelude's, the builtins and the session's own.
    public var names: [String] { interpreter.globals.localNames.sorted() }

    /// The source of a definition (`:show momentum`), the prelude's included.
    public func source(of name: String) -> String? {
        if let text = sources[name] { return text }
        if case .builtin(let builtin)? = interpreter.globals.lookup(name) {
            return "builtin \(builtin.signature)\n  \(builtin.summary)"
        }
        return nil
    }

    func emit(_ line: String) {
        output(line + "\n")
    }

    func interpreterDisplay(_ value: Value, at range: SourceRange) throws -> String {
        try interpreter.display(value, at: range)
    }

    func shapeText(of name: String) -> String {
        guard case .tensor(let tensor)? = interpreter.globals.lookup(name) else { return "" }
        return describeShape(tensor.value.shape)
    }

    private func loadPrelude() {
        // The prelude is not the learner's code: the learner's nesting limit does not apply.
        let diagnostics = run(Prelude.source, echo: false, parserLimits: ParserLimits())
        precondition(diagnostics.isEmpty, "the prelude failed: \(diagnostics.map(\.message))")
    }

    /// Keeps the text of each definition for `:show`.
    private func record(_ statements: [Stmt], from source: SourceFile) {
        for statement in statements {
            let text = statement.range.text
            switch statement.kind {
            case .function(let declaration): sources[declaration.name.text] = text
            case .optimizer(let declaration): sources[declaration.name.text] = text
            case .loss(let name, _), .param(let name, _): sources[name.text] = text
            case .assign(let target, _) where target.subscripts.isEmpty: sources[target.name.text] = text
            default: break
            }
        }
    }
}
