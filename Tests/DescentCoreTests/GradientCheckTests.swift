import DescentCore
import DescentTensor
import Testing

/// One differentiable expression: its inputs and how to build the scalar from them.
struct GradientCase: Sendable, CustomTestStringConvertible {
    let name: String
    let inputs: [Tensor]
    let build: @Sendable (Tape, [Var]) throws -> Var

    var testDescription: String { name }
}

/// The central-difference gradient of `f` at `point`, one element at a time.
func numericGradient(f: (Tensor) throws -> Double, at point: Tensor, step: Double = 1e-6) rethrows -> Tensor {
    var gradient = [Double](repeating: 0, count: point.count)
    for index in point.scalars.indices {
        var above = point
        var below = point
        above.scalars[index] += step
        below.scalars[index] -= step
        gradient[index] = (try f(above) - f(below)) / (2 * step)
    }
    return Tensor(shape: point.shape, scalars: gradient)
}

/// The value of the case's expression with `inputs`, evaluated on a tape that records nothing.
private func evaluate(_ gradientCase: GradientCase, _ inputs: [Tensor]) throws -> Double {
    let value = try gradientCase.build(Tape(), inputs.map { Var($0) })
    return value.value.scalars[0]
}

/// Every tape gradient of every case against central finite differences.
@Suite struct GradientCheckTests {
    @Test(arguments: GradientCases.all)
    func tapeGradientMatchesFiniteDifferences(_ gradientCase: GradientCase) throws {
        let tape = Tape()
        tape.isRecording = true
        let leaves = gradientCase.inputs.map { tape.leaf($0) }
        let output = try gradientCase.build(tape, leaves)
        #expect(output.value.shape == [], "the expression must be a scalar")
        let analytic = tape.gradients(of: output, at: leaves)
        for (position, input) in gradientCase.inputs.enumerated() {
            let numeric = try numericGradient(
                f: { perturbed in
                    var inputs = gradientCase.inputs
                    inputs[position] = perturbed
                    return try evaluate(gradientCase, inputs)
                },
                at: input
            )
            #expect(analytic[position].shape == input.shape, "input \(position) gradient shape")
            for (a, n) in zip(analytic[position].scalars, numeric.scalars) {
                #expect(abs(a - n) <= 1e-6 * max(1, abs(a), abs(n)), "input \(position): tape \(a), finite difference \(n)")
            }
        }
    }

    @Test func casesAreMany() {
        #expect(Set(GradientCases.all.map(\.name)).count >= 40)
    }
}
