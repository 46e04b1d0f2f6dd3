/// A statement with the source range it was parsed from.
public struct Stmt: Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Sendable {
        /// An expression on its own line; the REPL prints its value.
        case expression(Expr)
        /// `name = value` or `name[i, j] = value`.
        case assign(AssignTarget, Expr)
        /// `print "mean:", mean(v)`.
        case print([Expr])
        /// `if c { … } else { … }`; `else if` is an `else` holding one `if`.
        case ifElse(condition: Expr, then: [Stmt], else: [Stmt]?)
        /// `for i in a..b { … }` (half-open).
        case forLoop(variable: Name, start: Expr, end: Expr, body: [Stmt])
        /// `def f(x) = …` or `def f(x) { … }`.
        case function(FunctionDecl)
        /// `return` or `return value`.
        case returnValue(Expr?)
        /// `expect COND`.
        case expect(Expr)
        /// `expect A ≈ B within TOL` (ASCII `~=`).
        case expectApprox(Expr, Expr, tolerance: Expr)
        /// `param w = zeros(3)`.
        case param(Name, Expr)
        /// `data X, y`.
        case data([Name])
        /// `loss J = mean(...)`.
        case loss(Name, Expr)
        /// `optimizer momentum(lr = 0.01) batch all { … }`.
        case optimizer(OptimizerDecl)
        /// `state v = zeros_like(theta)`, only inside an optimizer.
        case state(Name, Expr)
        /// `train J with opt steps 200 batch 8 seed 3`.
        case train(TrainClause)
        /// `step J with opt`: one explained step.
        case step(loss: Expr, optimizer: Expr)
        /// `prune w keep 0.5 by imp`.
        case prune(Name, keep: Expr, by: Expr)
        /// `gradcheck J`.
        case gradcheck(Expr)
        /// `plot …`.
        case plot(PlotClause)
        /// `compare J with a(), b() steps 200`.
        case compare(CompareClause)
    }
}

/// A name with where it was written.
public struct Name: Sendable {
    public var text: String
    public var range: SourceRange

    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// The left side of an assignment.
public struct AssignTarget: Sendable {
    public var name: Name
    /// Empty for plain `name = …`.
    public var subscripts: [Subscript]

    public init(name: Name, subscripts: [Subscript] = []) {
        self.name = name
        self.subscripts = subscripts
    }
}

/// A parameter of a function or a hyper-parameter of an optimizer.
public struct Parameter: Sendable {
    public var name: Name
    public var defaultValue: Expr?

    public init(name: Name, defaultValue: Expr? = nil) {
        self.name = name
        self.defaultValue = defaultValue
    }
}

/// `def name(params) = expr` or `def name(params) { body }`.
public struct FunctionDecl: Sendable {
    public var name: Name
    public var parameters: [Parameter]
    public var body: Body

    public init(name: Name, parameters: [Parameter], body: Body) {
        self.name = name
        self.parameters = parameters
        self.body = body
    }

    public enum Body: Sendable {
        case expression(Expr)
        case block([Stmt])
    }
}

/// `optimizer name(hyper = default, …) [batch all|K] { body }`.
public struct OptimizerDecl: Sendable {
    public var name: Name
    public var hyperParameters: [Parameter]
    public var batch: BatchClause?
    public var body: [Stmt]

    public init(name: Name, hyperParameters: [Parameter], batch: BatchClause?, body: [Stmt]) {
        self.name = name
        self.hyperParameters = hyperParameters
        self.batch = batch
        self.body = body
    }
}

/// `batch all`, `batch K`, `batch K in order`, `batch K with replacement`.
public struct BatchClause: Sendable {
    public var size: Size
    public var sampling: Sampling
    public var range: SourceRange

    public init(size: Size, sampling: Sampling, range: SourceRange) {
        self.size = size
        self.sampling = sampling
        self.range = range
    }

    public enum Size: Sendable {
        case all
        case rows(Expr)
    }

    public enum Sampling: Sendable {
        /// Shuffle every epoch and take consecutive chunks (the default).
        case shuffled
        /// Cycle through rows 0, 1, 2, …
        case inOrder
        /// Draw `randint(0, N, size=K)` every step.
        case withReplacement
    }
}

/// `train LOSS with OPT [steps K] [batch …] [seed S]`.
public struct TrainClause: Sendable {
    public var loss: Expr
    public var optimizer: Expr
    public var steps: Expr?
    public var batch: BatchClause?
    public var seed: Expr?

    public init(loss: Expr, optimizer: Expr, steps: Expr?, batch: BatchClause?, seed: Expr?) {
        self.loss = loss
        self.optimizer = optimizer
        self.steps = steps
        self.batch = batch
        self.seed = seed
    }
}

/// `compare LOSS with OPT, OPT, … steps K [batch …] [seed S] [log] [to FILE]`.
public struct CompareClause: Sendable {
    public var loss: Expr
    public var optimizers: [Expr]
    public var steps: Expr?
    public var batch: BatchClause?
    public var seed: Expr?
    public var output: PlotOutput

    public init(loss: Expr, optimizers: [Expr], steps: Expr?, batch: BatchClause?, seed: Expr?, output: PlotOutput) {
        self.loss = loss
        self.optimizers = optimizers
        self.steps = steps
        self.batch = batch
        self.seed = seed
        self.output = output
    }
}

/// What a plot draws and where.
public struct PlotClause: Sendable {
    public var subject: Subject
    public var output: PlotOutput

    public init(subject: Subject, output: PlotOutput) {
        self.subject = subject
        self.output = output
    }

    public enum Subject: Sendable {
        /// `plot loss`, `plot lr_t`: a series recorded by the last run.
        case history(Name)
        /// `plot path w`: contour of the loss with the trajectory.
        case path([Name])
        /// `plot EXPR for t in a..b`.
        case expression(Expr, variable: Name, start: Expr, end: Expr)
    }
}

/// Options shared by `plot` and `compare`: `log` scale and `to "file.svg"`.
public struct PlotOutput: Sendable {
    public var logScale: Bool
    public var file: Expr?

    public init(logScale: Bool = false, file: Expr? = nil) {
        self.logScale = logScale
        self.file = file
    }
}
