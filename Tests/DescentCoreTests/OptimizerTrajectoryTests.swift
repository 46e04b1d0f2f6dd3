import DescentCore
import DescentSyntax
import DescentTensor
import Foundation
import Testing

/// Each prelude optimizer, trained by the interpreter, against the same update written
/// here as plain Swift loops over the closed-form gradient of least squares.
@Suite struct OptimizerTrajectoryTests {
    static let rows: [[Double]] = [[1, 2], [0.5, -1], [-1.5, 0.3], [2, 1], [0, -0.7], [0.8, 0.1]]
    static let targets: [Double] = [3, -0.5, -2, 4.5, -1, 1.2]

    /// The program declaring the data and the loss.
    static let setup = """
        X = [[1, 2], [0.5, -1], [-1.5, 0.3], [2, 1], [0, -0.7], [0.8, 0.1]]
        y = [3, -0.5, -2, 4.5, -1, 1.2]
        param w = [0.1, -0.2]
        param b = 0.05
        data X, y
        loss J = mean((X @ w + b - y)^2)

        """

    /// The parameters as one vector: w then b.
    struct Parameters {
        var w: [Double] = [0.1, -0.2]
        var b: Double = 0.05
    }

    /// Gradient of mean((x·w + b - y)²) over the given rows.
    static func gradient(_ p: Parameters, rows selected: [Int]) -> (w: [Double], b: Double) {
        var gw = [0.0, 0.0]
        var gb = 0.0
        for i in selected {
            let residual = rows[i][0] * p.w[0] + rows[i][1] * p.w[1] + p.b - targets[i]
            gw[0] += 2 * residual * rows[i][0] / Double(selected.count)
            gw[1] += 2 * residual * rows[i][1] / Double(selected.count)
            gb += 2 * residual / Double(selected.count)
        }
        return (gw, gb)
    }

    /// Runs `program` after the setup and returns the trained w and b.
    static func train(_ program: String) throws -> Parameters {
        let session = Session { _ in }
        let diagnostics = session.run(SourceFile(name: "trajectory.descent", text: setup + program))
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let w = try #require(session.tensor(named: "w"))
        let b = try #require(session.tensor(named: "b"))
        return Parameters(w: w.scalars, b: b.scalars[0])
    }

    static func expectClose(_ actual: Parameters, _ expected: Parameters) {
        for (a, e) in zip(actual.w + [actual.b], expected.w + [expected.b]) {
            #expect(abs(a - e) <= 1e-12 * max(1, abs(e)), "got \(a), expected \(e)")
        }
    }

    /// Applies `update` to each parameter element, `steps` times, with full or in-order batches.
    static func reference(
        steps: Int, batch: Int? = nil,
        update: (_ t: Int, _ index: Int, _ theta: Double, _ grad: Double) -> Double
    ) -> Parameters {
        var p = Parameters()
        for t in 0..<steps {
            let selected = batch.map { k in (0..<k).map { (t * k + $0) % rows.count } } ?? Array(0..<rows.count)
            let g = gradient(p, rows: selected)
            p.w = [update(t, 0, p.w[0], g.w[0]), update(t, 1, p.w[1], g.w[1])]
            p.b = update(t, 2, p.b, g.b)
        }
        return p
    }

    @Test func batchGradientDescent() throws {
        let expected = Self.reference(steps: 25) { _, _, theta, grad in theta - 0.1 * grad }
        Self.expectClose(try Self.train("train J with bgd(lr=0.1) steps 25"), expected)
    }

    @Test func stochasticGradientDescentInOrder() throws {
        let expected = Self.reference(steps: 20, batch: 1) { _, _, theta, grad in theta - 0.05 * grad }
        Self.expectClose(try Self.train("train J with sgd(lr=0.05) steps 20 batch 1 in order"), expected)
    }

    @Test func stochasticGradientDescentShuffledEpochs() throws {
        var random = RandomState(seed: 7)
        var permutation: [Int] = []
        var cursor = 0
        var p = Parameters()
        for _ in 0..<15 {
            if cursor >= permutation.count {
                permutation = random.permutation(Self.rows.count)
                cursor = 0
            }
            let selected = Array(permutation[cursor..<min(cursor + 4, Self.rows.count)])
            cursor += 4
            let g = Self.gradient(p, rows: selected)
            p.w = [p.w[0] - 0.05 * g.w[0], p.w[1] - 0.05 * g.w[1]]
            p.b -= 0.05 * g.b
        }
        Self.expectClose(try Self.train("train J with sgd(lr=0.05) steps 15 batch 4 seed 7"), p)
    }

    @Test func momentumEMAForm() throws {
        var velocity = [0.0, 0.0, 0.0]
        let expected = Self.reference(steps: 30) { _, index, theta, grad in
            velocity[index] = 0.9 * velocity[index] + 0.1 * grad
            return theta - 0.05 * velocity[index]
        }
        Self.expectClose(try Self.train("train J with momentum(lr=0.05, beta=0.9) steps 30"), expected)
    }

    @Test func polynomialDecay() throws {
        let expected = Self.reference(steps: 40) { t, _, theta, grad in
            theta - 0.1 * pow(1 - Double(t) / 40, 2) * grad
        }
        Self.expectClose(try Self.train("train J with decay(lr=0.1, alpha=2) steps 40"), expected)
    }

    @Test func nesterov() throws {
        var velocity = [0.0, 0.0, 0.0]
        let expected = Self.reference(steps: 30) { _, index, theta, grad in
            let previous = velocity[index]
            velocity[index] = 0.9 * previous - 0.02 * grad
            return theta - 0.9 * previous + 1.9 * velocity[index]
        }
        Self.expectClose(try Self.train("train J with nesterov(lr=0.02, mu=0.9) steps 30"), expected)
    }

    @Test func adagrad() throws {
        var accumulated = [0.0, 0.0, 0.0]
        let expected = Self.reference(steps: 30) { _, index, theta, grad in
            accumulated[index] += grad * grad
            return theta - 0.5 * grad / (accumulated[index].squareRoot() + 1e-8)
        }
        Self.expectClose(try Self.train("train J with adagrad(lr=0.5) steps 30"), expected)
    }

    @Test func rmsprop() throws {
        var average = [0.0, 0.0, 0.0]
        let expected = Self.reference(steps: 30) { _, index, theta, grad in
            average[index] = 0.9 * average[index] + 0.1 * grad * grad
            return theta - 0.01 * grad / (average[index] + 1e-8).squareRoot()
        }
        Self.expectClose(try Self.train("train J with rmsprop(lr=0.01) steps 30"), expected)
    }

    @Test func adam() throws {
        var first = [0.0, 0.0, 0.0]
        var second = [0.0, 0.0, 0.0]
        let expected = Self.reference(steps: 30) { t, index, theta, grad in
            first[index] = 0.9 * first[index] + 0.1 * grad
            second[index] = 0.999 * second[index] + 0.001 * grad * grad
            let firstHat = first[index] / (1 - pow(0.9, Double(t + 1)))
            let secondHat = second[index] / (1 - pow(0.999, Double(t + 1)))
            return theta - 0.05 * firstHat / (secondHat.squareRoot() + 1e-8)
        }
        Self.expectClose(try Self.train("train J with adam(lr=0.05) steps 30"), expected)
    }

    @Test func trainingAgainContinuesTheInstance() throws {
        var velocity = [0.0, 0.0, 0.0]
        let expected = Self.reference(steps: 30) { _, index, theta, grad in
            velocity[index] = 0.9 * velocity[index] + 0.1 * grad
            return theta - 0.05 * velocity[index]
        }
        let program = "opt = momentum(lr=0.05)\nstep J with opt\ntrain J with opt steps 9\ntrain J with opt steps 20"
        Self.expectClose(try Self.train(program), expected)
    }

    @Test func prunedSGDKeepsPrunedWeightsAtZero() throws {
        var score = [0.0, 0.0, 0.0]
        var mask = [1.0, 1.0, 1.0]
        var p = Parameters()
        let at = 6
        for t in 0..<18 {
            let g = Self.gradient(p, rows: [t % Self.rows.count])
            var values = p.w + [p.b]
            let grads = g.w + [g.b]
            for index in 0..<3 {
                if t < at { score[index] += grads[index] * grads[index] / Double(at) }
                if t == at, index < 2 {
                    // w has two weights: keep round(0.5 * 2) = 1, prune the lower score.
                    let pruned = score[0] <= score[1] ? 0 : 1
                    mask[pruned] = 0
                    values[pruned] = 0
                }
                if t == at, index == 2 {
                    // b has one weight: keep round(0.5 * 1) = 1 (ties away from zero).
                    mask[2] = 1
                }
                values[index] = (values[index] - 0.05 * grads[index]) * mask[index]
            }
            p = Parameters(w: [values[0], values[1]], b: values[2])
        }
        let trained = try Self.train("train J with pruned_sgd(lr=0.05, keep=0.5, at=6) steps 18 batch 1 in order")
        Self.expectClose(trained, p)
        #expect(trained.w.contains(0))
    }
}
