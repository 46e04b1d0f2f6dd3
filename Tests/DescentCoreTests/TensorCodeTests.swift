@testable import DescentCore
import DescentSyntax
import DescentTensor
import Synchronization
import Testing

/// Tensor code (`TensorTraining`) against the tree walker and the compiled closures: the
/// same program must print the same text and end with the same bits everywhere.
@Suite struct TensorCodeTests {
    /// Runs `program` three ways; expects the same outcome and returns the tensor-code run.
    static func runThreeWays(_ program: String) -> (outcome: CompiledTrainingTests.Outcome, runs: CompiledRuns) {
        let interpreted = CompiledTrainingTests.run(program, compiled: false).outcome
        let closures = CompiledTrainingTests.run(program, compiled: true, tensorCode: false)
        let tensorCode = CompiledTrainingTests.run(program, compiled: true)
        #expect(closures.outcome == interpreted)
        #expect(tensorCode.outcome == interpreted)
        #expect(closures.runs.tensorSteps == 0)
        return tensorCode
    }

    /// A loss using every operation the tensor code runs: broadcasting against rows,
    /// columns and a rank-3 tensor, matrix-matrix and vector products, transposes, sums
    /// and means, every differentiable elementwise operation and unary function, and a
    /// param used several times (its gradients add up in the tape's order).
    static let everyOperation = """
        A = [[0.5, -1, 0.25], [1, 2, -0.5], [-0.3, 0.4, 0.9], [2, -1, 0.1]]
        C = reshape(linspace(-1, 1, 24), 2, 4, 3)
        col = [[0.5], [-0.25], [1], [2]]
        param W = [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]
        param v = [0.2, -0.1, 0.3]
        param p = 1.5
        param s = 0.7
        def act(z, k = 2) = tanh(z)*k + sigmoid(-z) + relu(z - 0.1)*z
        loss L = mean(act(A @ W)) + sum((A*v - col)^2)/10 + mean(C*v + v.T) + (v @ v)*s
          + sum(exp(-abs(v)) + log(1 + v^2) + sqrt(v^2 + 1) + softplus(v) + sin(v)*cos(v))
          + mean(maximum(A, v) - minimum(v, 0.1) + A % 0.3) + mean((A.T @ A) / (1 + p^2))
          + abs(s)^p + mean(W^2)*s - (p > 1)*s^2 + sum(v / (2 + W @ (W.T @ v))^2) - mean(-W)

        """

    @Test(arguments: [
        "bgd(lr=0.05)", "momentum(lr=0.02, beta=0.8)", "adam(lr=0.01)", "nesterov(lr=0.01)", "rmsprop(lr=0.005)",
        "adagrad(lr=0.05)", "decay(lr=0.05)",
    ])
    func everyOperationTakesTheTreeWalkersSteps(optimizer: String) {
        let program = Self.everyOperation + "train L with \(optimizer) steps 25\ntrain L with \(optimizer) steps 5\nprint L\n"
        let run = Self.runThreeWays(program)
        #expect(run.outcome.errors.isEmpty)
        #expect(run.runs == CompiledRuns(tensorSteps: 30))
    }

    static let regression = CompiledTrainingTests.regression

    @Test(arguments: [
        // Batches of rows: in order, with replacement, and shuffled epochs of equal batches.
        "sgd(lr=0.05) batch 1 in order", "momentum(lr=0.05) batch 2 with replacement seed 4", "sgd(lr=0.05) batch 3 seed 8",
        "sgd(lr=0.05) batch 6 seed 8", "sgd(lr=0.05) batch 9 in order",
    ])
    func batchesDrawTheSameRows(optimizer: String) {
        let run = Self.runThreeWays(Self.regression + "train J with \(optimizer) steps 40\ntrain J with \(optimizer) steps 7\n")
        #expect(run.runs == CompiledRuns(tensorSteps: 47))
    }

    @Test func shuffledEpochsEndingInAShorterBatchRunAsClosures() {
        // Six rows in batches of four: every other batch has two rows, so shapes change.
        let run = Self.runThreeWays(Self.regression + "train J with sgd(lr=0.05) batch 4 seed 1 steps 10\n")
        #expect(run.runs.tensorSteps == 0)
        #expect(run.runs.losses == 10)
    }

    @Test func compareMeasuresTheFullLossAfterEveryStep() {
        let program = Self.regression + "compare J with bgd(lr=0.1), momentum(lr=0.05) steps 30\n"
        let run = Self.runThreeWays(program)
        #expect(run.runs.tensorSteps == 60)
        #expect(run.outcome.errors.isEmpty)
    }

    @Test func aDivergingRunGoesBackToTheLastFiniteStep() {
        let run = Self.runThreeWays(Self.regression + "train J with momentum(lr=40) steps 300\nprint w, b\n")
        #expect(run.outcome.errors.count == 1)
        #expect(run.runs.tensorSteps > 0)
    }

    @Test func outsideTheSubsetTheRunFallsBack() {
        // A reduction along an axis, a state that changes shape, and a rule with `if`.
        let programs = [
            Self.regression + "loss K = mean(sum(reshape(X @ w + b - y, 2, 3)^2, axis=0))\ntrain K with bgd(lr=0.05) steps 5\n",
            Self.regression + "optimizer grows() {\n  state m = 0\n  m = m + grad\n  theta = theta - 0.01*m\n}\ntrain J with grows() steps 5\n",
            Self.regression + "train J with pruned_sgd(lr=0.05, at=3) steps 6\n",
        ]
        for program in programs {
            let run = Self.runThreeWays(program)
            #expect(run.runs.tensorSteps == 0)
            #expect(run.outcome.errors.isEmpty)
        }
    }

    @Test func aStopBetweenStepsKeepsTheStepsTaken() {
        var output = ""
        let session = Session { output += $0 }
        _ = session.run(SourceFile(name: "setup.descent", text: Self.regression))
        session.interpreter.progress = { progress in
            if progress.step == 12 { session.interpreter.cancellation.cancel() }
        }
        let errors = session.run(SourceFile(name: "run.descent", text: "train J with momentum(lr=0.05) steps 100\n"))
        #expect(errors.map(\.message) == ["interrupted"])
        #expect(output.contains("stopped after 12 of 100 steps"))
        #expect(session.interpreter.compiledRuns.tensorSteps == 12)

        let reference = CompiledTrainingTests.run(Self.regression + "train J with momentum(lr=0.05) steps 12\n", compiled: false)
        #expect(session.tensor(named: "w")?.scalars.map(\.bitPattern) == reference.outcome.parameters["w"])
        #expect(session.interpreter.lastHistory?.loss.map(\.bitPattern) == reference.outcome.lossHistory)
    }

    @Test func buffersBeyondTwiceTheElementLimitFallBack() {
        // 150 rows: each of the loss's dozen values and adjoints is within a limit of 300
        // elements, but together they pass 600.
        let program = """
            X = reshape(linspace(-1, 1, 300), 150, 2)
            y = linspace(0, 1, 150)
            param w = [0.1, -0.2]
            param b = 0
            data X, y
            loss J = mean((X @ w + b - y)^2) + mean(abs(X @ w - y))
            train J with momentum(lr=0.05) steps 5
            """
        var limits = RuntimeLimits()
        limits.maxElements = 300
        let session = Session(limits: limits) { _ in }
        #expect(session.run(SourceFile(name: "case.descent", text: program)).isEmpty)
        #expect(session.interpreter.compiledRuns.tensorSteps == 0)
        #expect(session.interpreter.compiledRuns.losses == 5)

        limits.maxElements = 100_000
        let roomy = Session(limits: limits) { _ in }
        #expect(roomy.run(SourceFile(name: "case.descent", text: program)).isEmpty)
        #expect(roomy.interpreter.compiledRuns.tensorSteps == 5)
        #expect(roomy.tensor(named: "w") == session.tensor(named: "w"))
    }

    /// Stops kernels at their `allowed + 1`-th check between panels.
    final class PanelCountdown: Sendable {
        private let checks = Atomic<Int>(0)
        private let allowed: Int

        init(allowing allowed: Int) { self.allowed = allowed }

        var interruption: KernelInterruption {
            KernelInterruption { [self] in
                checks.add(1, ordering: .relaxed).newValue > allowed ? "stopped inside a product" : nil
            }
        }
    }

    /// Runs `program` after `setup`, with kernels stopping at their `allowed + 1`-th check.
    static func runStopping(after allowed: Int, _ program: String, in session: Session) throws {
        var parser = Parser(file: SourceFile(name: "run.descent", text: program), limits: ParserLimits())
        let statements = parser.parseProgram().statements
        try KernelInterruption.$current.withValue(PanelCountdown(allowing: allowed).interruption) {
            try session.interpreter.run(statements, echo: nil)
        }
    }

    @Test func aStopInsideAProductUndoesTheStep() throws {
        // Each product is 560 × 700 × 700 multiply-adds, in two panels with a check before
        // each: the loss before the run checks twice, a step four times (the product, then
        // W's gradient), so the ninth check stops step 2 between its two products.
        let setup = """
            X = reshape(linspace(-1, 1, 392000), 560, 700)
            param W = reshape(linspace(-0.01, 0.01, 490000), 700, 700)
            data X
            loss L = mean((X @ W)^2)
            """
        let stopped = Session { _ in }
        #expect(stopped.run(SourceFile(name: "setup.descent", text: setup)).isEmpty)
        var message: String?
        do {
            try Self.runStopping(after: 8, "train L with bgd(lr=0.1) steps 3\n", in: stopped)
        } catch let diagnostic as Diagnostic {
            message = diagnostic.message
        }
        #expect(message == "stopped inside a product")
        #expect(stopped.interpreter.compiledRuns.tensorSteps == 1)
        #expect(stopped.interpreter.lastHistory?.loss.count == 1)

        let oneStep = Session { _ in }
        #expect(oneStep.run(SourceFile(name: "setup.descent", text: setup + "\ntrain L with bgd(lr=0.1) steps 1\n")).isEmpty)
        let same = stopped.tensor(named: "W")?.scalars.map(\.bitPattern) == oneStep.tensor(named: "W")?.scalars.map(\.bitPattern)
        #expect(same)
    }
}
