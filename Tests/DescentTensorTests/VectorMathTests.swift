@testable import DescentTensor
import Foundation
import Testing

/// The vector exp, tanh and sigmoid against long-double libm (`expl`, `tanhl`), whose
/// results are far closer than an ULP of a double to the true values.
@Suite struct VectorMathTests {
    /// The bound the kernels document; glibc's double tanh itself reaches 2.2 ULP, so the
    /// portable fallback (off AVX2) is held to 3.
    private let bound: Double = VectorMath.isAvailable ? 2 : 3

    @Test func expIsWithinTheBound() {
        for (low, high) in [(-1e-300, 1e-300), (-1.0, 1.0), (-0.36, 0.36), (-40.0, 40.0), (-750.0, 712.0), (-745.2, -708.0)] {
            let worst = worstError(.exp, in: low...high) { Foundation.exp($0) }
            #expect(worst <= bound, "exp on [\(low), \(high)]: \(worst) ULP")
        }
    }

    @Test func tanhIsWithinTheBound() {
        for (low, high) in [(-1e-300, 1e-300), (-1e-8, 1e-8), (-0.7, 0.7), (0.6, 0.65), (-3.0, 3.0), (-25.0, 25.0), (-800.0, 800.0)] {
            let worst = worstError(.tanh, in: low...high) { Foundation.tanh($0) }
            #expect(worst <= bound, "tanh on [\(low), \(high)]: \(worst) ULP")
        }
    }

    @Test func sigmoidIsWithinTheBound() {
        for (low, high) in [(-1e-300, 1e-300), (-1.0, 1.0), (-40.0, 40.0), (-750.0, 750.0)] {
            let worst = worstError(.sigmoid, in: low...high) { 1 / (1 + Foundation.exp(-$0)) }
            #expect(worst <= bound, "sigmoid on [\(low), \(high)]: \(worst) ULP")
        }
    }

    @Test func subnormalInputsAndOutputs() {
        let tiny = Double.leastNonzeroMagnitude
        let inputs: [Double] = [tiny, -tiny, tiny * 123_456_789, -Double.leastNormalMagnitude.nextDown, Double.leastNormalMagnitude]
        #expect(Tensor(shape: [5], scalars: inputs).applying(.tanh).scalars == inputs)
        #expect(Tensor(shape: [5], scalars: inputs).applying(.exp).scalars == [1, 1, 1, 1, 1])
        let deep = stride(from: -745.1, through: -708.5, by: 0.37).map { $0 }
        let results = Tensor(shape: [deep.count], scalars: deep).applying(.exp).scalars
        for (x, result) in zip(deep, results) {
            let reference = Foundation.exp(Float80(x))
            #expect(ulpError(result, reference) <= bound, "exp(\(x)) = \(result)")
        }
    }

    @Test func expSpecialValuesAreExact() {
        let cases: [(Double, Double)] = [
            (0, 1), (-0.0, 1), (.infinity, .infinity), (-.infinity, 0), (710, .infinity), (1e308, .infinity),
            (709.8, .infinity), (-745.2, 0), (-1e308, 0), (-745.1, .leastNonzeroMagnitude), (.leastNonzeroMagnitude * 2_000, 1),
        ]
        for (x, expected) in cases {
            let result = Tensor(x).applying(.exp).scalars[0]
            #expect(result == expected && result.sign == expected.sign, "exp(\(x)) = \(result)")
        }
        #expect(Tensor(Double.nan).applying(.exp).scalars[0].isNaN)
        #expect(Tensor(709.78).applying(.exp).scalars[0].isFinite)
    }

    @Test func tanhSpecialValuesAreExact() {
        let cases: [(Double, Double)] = [
            (0, 0), (-0.0, -0.0), (.infinity, 1), (-.infinity, -1), (19.1, 1), (-19.1, -1), (22, 1), (1e300, 1),
            (-1e300, -1), (1e-200, 1e-200), (-1e-200, -1e-200),
        ]
        for (x, expected) in cases {
            let result = Tensor(x).applying(.tanh).scalars[0]
            #expect(result == expected && result.sign == expected.sign, "tanh(\(x)) = \(result)")
        }
        #expect(Tensor(Double.nan).applying(.tanh).scalars[0].isNaN)
        #expect(Tensor(18.0).applying(.tanh).scalars[0] < 1)
    }

    @Test func sigmoidSpecialValuesAreExact() {
        let cases: [(Double, Double)] = [
            (0, 0.5), (-0.0, 0.5), (.infinity, 1), (-.infinity, 0), (40, 1), (1e300, 1), (-800, 0), (-1e300, 0),
        ]
        for (x, expected) in cases {
            let result = Tensor(x).applying(.sigmoid).scalars[0]
            #expect(result == expected && result.sign == expected.sign, "sigmoid(\(x)) = \(result)")
        }
        #expect(Tensor(Double.nan).applying(.sigmoid).scalars[0].isNaN)
        #expect(Tensor(-740.0).applying(.sigmoid).scalars[0] > 0)
    }

    /// The tail of an array (its last 1-3 elements) gets the bits a full vector gives.
    @Test func everyPositionGivesTheSameBits() {
        var random = PointGenerator(seed: 7)
        let values = (0..<11).map { _ in random.uniform(in: -4...4) }
        for operation in [UnaryOperation.exp, .tanh, .sigmoid] {
            for length in 0...values.count {
                let prefix = Array(values.prefix(length))
                let whole = Tensor(shape: [length], scalars: prefix).applying(operation).scalars
                let alone = prefix.map { Tensor($0).applying(operation).scalars[0] }
                #expect(whole.map(\.bitPattern) == alone.map(\.bitPattern), "\(operation) length \(length)")
            }
        }
    }

    @Test func tanhAndSigmoidGradientsMatchTheirFormulas() {
        let gradient = Tensor(shape: [2, 3], scalars: [1, -2, 0.5, 3, 1e-3, -0.25])
        let output = Tensor(shape: [2, 3], scalars: [0.1, -0.9, 0.999, 0, 0.3, -0.5])
        let tanhGradient = Tensor.tanhGradient(gradient, output: output)
        let sigmoidGradient = Tensor.sigmoidGradient(gradient, output: output)
        #expect(tanhGradient.shape == [2, 3])
        for index in 0..<6 {
            let (g, y) = (gradient.scalars[index], output.scalars[index])
            #expect(tanhGradient.scalars[index] == g * (1 - y * y))
            #expect(sigmoidGradient.scalars[index] == g * (y * (1 - y)))
        }
        // 1 - 0.9² and 0.999 · 0.001 worked by hand.
        #expect(abs(tanhGradient.scalars[1] - -2 * 0.19) < 1e-15)
        #expect(abs(sigmoidGradient.scalars[2] - 0.5 * 0.999 * 0.001) < 1e-18)
    }

    /// The largest error in ULP of `operation` over 20 000 points spread evenly and
    /// randomly over `range`, against `reference` in long double.
    private func worstError(
        _ operation: UnaryOperation, in range: ClosedRange<Double>, reference: (Float80) -> Float80
    ) -> Double {
        var random = PointGenerator(seed: 1)
        let count = 20_000
        let inputs = (0..<count).map { index in
            index.isMultiple(of: 2)
                ? random.uniform(in: range)
                : range.lowerBound + (range.upperBound - range.lowerBound) * Double(index) / Double(count)
        }
        let results = Tensor(shape: [count], scalars: inputs).applying(operation).scalars
        return zip(inputs, results).map { ulpError($1, reference(Float80($0))) }.max() ?? 0
    }
}

/// `|result - reference|` in units of the last place of the double at or below
/// |reference| (so a result just under a power of two is measured in the finer unit).
func ulpError(_ result: Double, _ reference: Float80) -> Double {
    if Double(reference).isInfinite { return result == Double(reference) ? 0 : .infinity }
    var nearest = Double(reference.magnitude)
    if Float80(nearest) > reference.magnitude { nearest = nearest.nextDown }
    return Double((Float80(result) - reference).magnitude / Float80(nearest.ulp))
}

/// A small seeded generator (SplitMix64), so the points are the same every run.
struct PointGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * Double(next() >> 11) * 0x1p-53
    }
}
