@testable import DescentCore
import DescentSyntax
import DescentTensor
import Testing

/// Compiled training steps against the tree walker: the same program run both ways must
/// print the same text, end with the same bits in every param, and record the same
/// history, errors included.
@Suite struct CompiledTrainingTests {
    /// What a run leaves behind.
    struct Outcome: Equatable {
        var output: String
        var errors: [String]
        var parameters: [String: [UInt64]]
        var lossHistory: [UInt64]
        var series: [String: [UInt64?]]
        var trajectories: [String: [UInt64]]
    }

    static func run(_ program: String, compiled: Bool, tensorCode: Bool = true) -> (outcome: Outcome, runs: CompiledRuns) {
        var output = ""
        let session = Session { output += $0 }
        session.interpreter.compilesTraining = compiled
        session.interpreter.compilesTensorCode = tensorCode
        let errors = session.run(SourceFile(name: "case.descent", text: program)).map(\.message)
        var parameters: [String: [UInt64]] = [:]
        for name in session.interpreter.parameterNames {
            parameters[name] = session.tensor(named: name)?.scalars.map(\.bitPattern)
        }
        let history = session.interpreter.lastHistory
        let outcome = Outcome(
            output: output, errors: errors, parameters: parameters,
            lossHistory: history?.loss.map(\.bitPattern) ?? [],
            series: history?.series.mapValues { $0.map { $0?.bitPattern } } ?? [:],
            trajectories: history?.parameters.mapValues { $0.values.map(\.bitPattern) } ?? [:])
        return (outcome, session.interpreter.compiledRuns)
    }

    /// Least squares on six rows, the trajectory tests' problem.
    static let regression = OptimizerTrajectoryTests.setup

    static let optimizers = [
        "bgd(lr=0.1)", "sgd(lr=0.05) batch 2 seed 3", "momentum(lr=0.05, beta=0.8)", "decay(lr=0.1, alpha=2)",
        "nesterov(lr=0.02)", "adagrad(lr=0.3)", "rmsprop(lr=0.01)", "adam(lr=0.05)", "sgd(lr=0.05) batch 4 in order",
        "momentum(lr=0.05) batch 1 with replacement seed 9",
    ]

    @Test(arguments: optimizers)
    func everyPreludeOptimizerTakesTheSameSteps(optimizer: String) {
        let program = Self.regression + "train J with \(optimizer) steps 40\ntrain J with \(optimizer) steps 3\n"
        let interpreted = Self.run(program, compiled: false)
        let closures = Self.run(program, compiled: true, tensorCode: false)
        let tensorCode = Self.run(program, compiled: true)
        #expect(closures.outcome == interpreted.outcome)
        #expect(tensorCode.outcome == interpreted.outcome)
        #expect(tensorCode.outcome.errors.isEmpty)
        #expect(closures.runs.losses == 43)
        #expect(closures.runs.rules > 0)
        #expect(tensorCode.runs == CompiledRuns(tensorSteps: 43))
        #expect(interpreted.runs == CompiledRuns())
    }

    @Test func rosenbrockWithMomentumMatchesBitForBit() {
        let program = """
            param x = -1.5
            param y = 2
            loss f = (1 - x)^2 + 100*(y - x^2)^2
            train f with momentum(lr=1e-3, beta=0.9) steps 500
            print x, y
            """
        let compiled = Self.run(program, compiled: true)
        #expect(compiled.outcome == Self.run(program, compiled: false).outcome)
        #expect(compiled.runs.scalarSteps == 500)
        #expect(compiled.outcome.trajectories["x"]?.count == 501)
        #expect(compiled.outcome.series["v"]?.count == 500)
    }

    static let scalarProblem = """
        param x = 0.3
        param y = -0.4
        c = 0.5
        def bump(u, width = c*2) = exp(-(u/width)^2)
        loss f = softplus(x) + tanh(y)^2 + bump(x - y) + sqrt(abs(x) + 1) + log(1 + y^2) - sin(x)*cos(y) + sigmoid(x - y) + relu(x)*x + (x > 0)*y^2 + x % 0.7 + 0.1*x^3/(1 + y^2)

        """

    @Test(arguments: optimizers.filter { !$0.contains("batch") } + ["pruned_sgd(lr=0.05, at=5) batch all"])
    func scalarCodeTakesTheTreeWalkersSteps(optimizer: String) {
        let program = Self.scalarProblem + "train f with \(optimizer) steps 30\ntrain f with \(optimizer) steps 4\n"
        let compiled = Self.run(program, compiled: true)
        #expect(compiled.outcome == Self.run(program, compiled: false).outcome)
        #expect(compiled.outcome.errors.isEmpty)
        // pruned_sgd's rule has `if` lines, which stay in the tree walker.
        #expect(compiled.runs.scalarSteps == (optimizer.hasPrefix("pruned") ? 0 : 34))
    }

    @Test func scalarCodeComparesAndDivergesAsTheTreeWalker() {
        let compare = Self.scalarProblem + "compare f with momentum(lr=0.1), adam(lr=0.1) steps 25\n"
        #expect(Self.run(compare, compiled: true).outcome == Self.run(compare, compiled: false).outcome)
        let diverging = "param x = 1.5\nloss f = x^4\ntrain f with momentum(lr=3) steps 40\nprint x\n"
        let compiled = Self.run(diverging, compiled: true)
        #expect(compiled.outcome == Self.run(diverging, compiled: false).outcome)
        #expect(compiled.outcome.errors.count == 1)
        #expect(compiled.runs.scalarSteps > 0)
    }

    @Test func inlinedFunctionsWithDefaultsAndAGlobalReadBeforeItIsAssigned() {
        let program = """
            X = [[0.5, -1], [1, 2], [-0.3, 0.4], [2, -1]]
            y = [1, 0, 1, 0]
            scale = 0.5
            def layer(x, W, b, gain = scale*2) = tanh(x @ W + b)*gain
            def logits(x) = layer(x, W1, b1) @ w2 + b2
            param W1 = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]
            param b1 = zeros(3)
            param w2 = [0.3, -0.1, 0.2]
            param b2 = 0
            data X, y
            loss L = mean(softplus(logits(X)) - y*logits(X))
            offset = 0.25
            optimizer shifted(lr = 0.1, beta = 0.5) {
              state v = zeros_like(theta)
              step_size = lr*offset
              offset = beta
              v = offset*v + grad
              lr = step_size
              theta = theta - lr*v
            }
            train L with shifted(lr=0.2) steps 30
            """
        let interpreted = Self.run(program, compiled: false).outcome
        let closures = Self.run(program, compiled: true, tensorCode: false)
        let tensorCode = Self.run(program, compiled: true)
        #expect(closures.outcome == interpreted)
        #expect(tensorCode.outcome == interpreted)
        #expect(closures.runs.losses == 30)
        #expect(closures.runs.rules == 29 * 4)
        #expect(tensorCode.runs == CompiledRuns(tensorSteps: 30))
    }

    static let vectorProblem = "param q = [1, 2]\nloss Q = sum(q^2)\n"

    @Test(arguments: [
        // A rule that changes theta's shape on its third step.
        vectorProblem + """
            optimizer shrink(lr = 0.1) {
              state n = 0
              n = n + 1
              theta = sum(theta - lr*grad)*ones(2 - floor(n/3))
            }
            train Q with shrink() steps 5
            """,
        // A state that stops being a tensor after the first step.
        vectorProblem + """
            optimizer words(lr = 0.1) {
              state s = 1
              theta = theta - lr*grad*s
              s = format(s)
            }
            train Q with words() steps 5
            """,
        // A non-finite loss: the params go back to the last finite step.
        regression + "train J with bgd(lr=100) steps 500",
        // A one-tensor builtin given a string, on the compiled call's short path.
        regression + "loss K = mean((X @ w + b - y)^2) + mean(format(w))\ntrain K with momentum() steps 3",
        // A builtin refusing an argument inside the loss.
        regression + "loss K = mean((X @ w + b - y)^2) + sum(w, axis=3)\ntrain K with momentum() steps 3",
    ])
    func errorsAreTheSameWordsAtTheSameStep(program: String) {
        let compiled = Self.run(program + "\nprint 1\n", compiled: true)
        #expect(compiled.outcome == Self.run(program + "\nprint 1\n", compiled: false).outcome)
        #expect(compiled.outcome.errors.count == 1)
    }

    @Test(arguments: [true, false])
    func aStepThatFailsPartWayChangesNothing(compiled: Bool) {
        // The second param's rule fails on the second step, after the first param's ran.
        let program = """
            param a = 1
            param c = 0.5
            loss L = (a - 2)^2 + (c + 3)^2
            optimizer breaks(lr = 0.3) {
              s = zeros(floor(theta + 1))
              theta = theta - lr*grad
            }
            train L with breaks() steps 
            """
        let failed = Self.run(program + "5", compiled: compiled).outcome
        let oneStep = Self.run(program + "1", compiled: compiled).outcome
        #expect(failed.errors.count == 1)
        #expect(failed.parameters == oneStep.parameters)
        #expect(failed.lossHistory == oneStep.lossHistory)
    }

    @Test func aLossOutsideTheCompiledSubsetStillTrains() {
        let program = Self.regression + "loss K = (X @ w + b - y)[0]^2\ntrain K with momentum(lr=0.01) steps 20\n"
        let compiled = Self.run(program, compiled: true)
        #expect(compiled.outcome == Self.run(program, compiled: false).outcome)
        #expect(compiled.runs.losses == 0)
        #expect(compiled.runs.rules == 19 * 2)
    }
}
