import DescentSyntax
import DescentTensor

/// Runs resolved Descent statements against a living set of globals.
///
/// An interpreter is a value you can make many of: no globals, no printing of its own.
/// Text meant for the user goes to `output`; errors are thrown as `Diagnostic`s.
final class Interpreter {
    let globals: Scope
    let tape = Tape()
    let limits: RuntimeLimits
    let output: (String) -> Void
    let cancellation: CancellationFlag
    /// The generator used when a builtin gets no `seed=`; `seed(N)` reseeds it.
    var random: RandomState
    /// Declared params, in declaration order.
    var parameterNames: [String] = []
    /// The names declared by the latest `data` statement.
    var dataNames: [String] = []
    /// Pruning masks by param name: 1 keeps a weight, 0 holds it at zero.
    var masks: [String: Tensor] = [:]
    /// What the last `train`, `step` or `compare` recorded.
    var lastHistory: TrainingHistory?
    /// The optimizer instance that made `lastHistory`; its next `step` extends it.
    var lastHistoryOwner: ObjectIdentifier?
    /// How terminal plots are drawn; the host that knows the terminal sets it.
    var plotSettings = PlotSettings()
    /// Called as a long run progresses, for a progress bar.
    var progress: ((TrainingProgress) -> Void)?
    var callDepth = 0
    /// Whether `train` and `compare` run their loss and rules compiled (`CompiledTraining`);
    /// off only in tests that check the compiled steps against the tree walker's.
    var compilesTraining = true
    /// Whether `finishing` is running work that a stop must not interrupt.
    private var finishingAfterStop = false
    /// Whether runs that are not all single numbers may run as tensor code
    /// (`TensorTraining`); off only in tests of the compiled closures.
    var compilesTensorCode = true
    /// How many compiled loss gradients, compiled rule runs, scalar-code steps and
    /// tensor-code steps runs have taken, so tests can tell the compiled paths ran.
    var compiledRuns = CompiledRuns()

    init(limits: RuntimeLimits, cancellation: CancellationFlag, output: @escaping (String) -> Void) {
        self.globals = Scope(parent: nil)
        self.limits = limits
        self.cancellation = cancellation
        self.output = output
        self.random = RandomState(seed: 0)
        for builtin in BuiltinRegistry.all {
            globals.bind(builtin.name, to: .builtin(builtin))
        }
    }

    /// Whether `name` is a declared param.
    func isParameter(_ name: String) -> Bool {
        parameterNames.contains(name)
    }

    /// Runs top-level statements. `echo`, if given, is called after each statement with
    /// the statement and, for an expression statement, its value.
    func run(_ statements: [Stmt], echo: ((Stmt, Value?) throws -> Void)?) throws {
        for statement in statements {
            if case .expression(let expression) = statement.kind, let echo {
                try echo(statement, try evaluate(expression, in: globals))
                continue
            }
            let completion = try execute(statement, in: globals, context: .topLevel)
            if case .returned = completion {
                throw Diagnostic("'return' outside a function", at: statement.range)
            }
            try echo?(statement, nil)
        }
    }

    /// Throws if the user pressed Ctrl-C (or a timeout fired) since the run began.
    func checkCancellation(at range: SourceRange) throws {
        if cancellation.isCancelled, !finishingAfterStop {
            throw Diagnostic(cancellation.reason, at: range)
        }
    }

    /// Runs `work` to the end although Ctrl-C or the timeout has stopped the run: the loss
    /// a stopped `train` reports is evaluated once more, and must not be stopped too.
    func finishing<Result>(_ work: () throws -> Result) rethrows -> Result {
        let outer = finishingAfterStop
        finishingAfterStop = true
        defer { finishingAfterStop = outer }
        return try work()
    }
}

/// Turns a `TensorError` from a kernel into a diagnostic at `range`.
func locating<T>(_ range: SourceRange, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as TensorError {
        throw Diagnostic(error.message, at: range)
    }
}

/// Counts of the work each compiled path did, for tests.
struct CompiledRuns: Equatable {
    var losses = 0
    var rules = 0
    var scalarSteps = 0
    var tensorSteps = 0
}
