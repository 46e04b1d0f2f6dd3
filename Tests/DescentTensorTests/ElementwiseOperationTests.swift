import DescentTensor
import Testing

/// Expected values printed by NumPy (`np.mod`, `np.power`, `np.maximum`, …).
@Suite struct ElementwiseOperationTests {
    @Test func moduloTakesTheSignOfTheDivisor() throws {
        let dividends = Tensor(vector: [-7, 7, -7, 7, 6, -6, 5.5])
        let divisors = Tensor(vector: [3, -3, -3, 3, 3, 3, -2])
        expectKernelResult(try dividends.elementwise(.modulo, divisors), shape: [7], [2, -2, -1, 1, 0, 0, -0.5])
        let byZero = try Tensor(1).elementwise(.modulo, Tensor(0))
        #expect(byZero.scalars[0].isNaN)
    }

    @Test func powerFollowsIEEE() throws {
        let result = try Tensor(vector: [2, -8, 0, 4]).elementwise(.power, Tensor(vector: [3, 1.0 / 3, -1, 0.5]))
        expectKernelResult(result, shape: [4], [8, .nan, .infinity, 2])
        let squared = try Tensor(vector: [-3, 0.5, .nan]).elementwise(.power, Tensor(shape: [1, 1], scalars: [2]))
        expectKernelResult(squared, shape: [1, 3], [9, 0.25, .nan])
    }

    @Test func comparisonsAndLogicGiveZeroOrOne() throws {
        let a = Tensor(vector: [1, 2, 3, .nan])
        let b = Tensor(vector: [2, 2, 2, .nan])
        expectKernelResult(try a.elementwise(.less, b), shape: [4], [1, 0, 0, 0])
        expectKernelResult(try a.elementwise(.lessEqual, b), shape: [4], [1, 1, 0, 0])
        expectKernelResult(try a.elementwise(.greater, b), shape: [4], [0, 0, 1, 0])
        expectKernelResult(try a.elementwise(.greaterEqual, b), shape: [4], [0, 1, 1, 0])
        expectKernelResult(try a.elementwise(.equal, b), shape: [4], [0, 1, 0, 0])
        expectKernelResult(try a.elementwise(.notEqual, b), shape: [4], [1, 0, 1, 1])
        let p = Tensor(vector: [0, 0, 2, .nan])
        let q = Tensor(vector: [0, -1, 0, 1])
        expectKernelResult(try p.elementwise(.and, q), shape: [4], [0, 0, 0, 1])
        expectKernelResult(try p.elementwise(.or, q), shape: [4], [0, 1, 1, 1])
    }

    @Test func maximumAndMinimumPropagateNaN() throws {
        let a = Tensor(vector: [1, .nan, 3])
        let b = Tensor(vector: [2, 1, .nan])
        expectKernelResult(try a.elementwise(.maximum, b), shape: [3], [2, .nan, .nan])
        expectKernelResult(try Tensor(vector: [1, 5, 3]).elementwise(.minimum, Tensor(vector: [2, 1, 3])), shape: [3], [1, 1, 3])
    }

    @Test func unaryFunctionsMatchNumPy() {
        let x = Tensor(vector: [-2, 0, 3])
        expectKernelResult(x.applying(.sign), shape: [3], [-1, 0, 1])
        expectKernelResult(x.applying(.relu), shape: [3], [0, 0, 3])
        expectKernelResult(x.applying(.abs), shape: [3], [2, 0, 3])
        expectKernelResult(x.applying(.negate), shape: [3], [2, 0, -3])
        expectKernelResult(x.applying(.logicalNot), shape: [3], [0, 1, 0])
        expectKernelResult(x.applying(.square), shape: [3], [4, 0, 9])
        expectKernelResult(Tensor(vector: [-1.5, 2.5]).applying(.floor), shape: [2], [-2, 2])
        expectKernelResult(Tensor(vector: [0.5, -1]).applying(.tanh), shape: [2], [0.46211715726000974, -0.7615941559557649])
        expectKernelResult(Tensor(vector: [0, 1, -1]).applying(.log), shape: [3], [-.infinity, 0, .nan])
        expectKernelResult(Tensor(vector: [4, -1]).applying(.sqrt), shape: [2], [2, .nan])
    }

    @Test func sigmoidAndSoftplusStayFiniteForLargeInputs() {
        expectKernelResult(
            Tensor(vector: [-30, -1, 0, 2, 30]).applying(.sigmoid), shape: [5],
            [9.357622968839299e-14, 0.2689414213699951, 0.5, 0.8807970779778823, 0.9999999999999065]
        )
        #expect(Tensor(vector: [-800, 800]).applying(.sigmoid).scalars == [0, 1])
        // np.logaddexp(0, x)
        expectKernelResult(
            Tensor(vector: [-800, -1, 0, 1, 800]).applying(.softplus), shape: [5],
            [0, 0.31326168751822286, 0.6931471805599453, 1.3132616875182228, 800]
        )
    }

    @Test func clipBroadcastsItsBounds() throws {
        expectKernelResult(Tensor(vector: [-2, 0.5, 3]).clipped(low: 0, high: 1), shape: [3], [0, 0.5, 1])
        let clipped = try Tensor(vector: [1, 2, 3]).clipped(low: Tensor(shape: [2, 1], scalars: [2, 0]), high: Tensor(2.5))
        expectKernelResult(clipped, shape: [2, 3], [2, 2, 2.5, 1, 2, 2.5])
        // Crossed bounds: NumPy's minimum(maximum(x, low), high) gives high.
        expectKernelResult(try Tensor(vector: [0, 5]).clipped(low: Tensor(3), high: Tensor(1)), shape: [2], [1, 1])
        #expect(
            kernelErrorMessage { try Tensor(vector: [1, 2]).clipped(low: Tensor(vector: [1, 2, 3]), high: Tensor(1)) }
                == "cannot broadcast shapes [2], [3] and [] together in clip"
        )
    }

    @Test func selectBroadcastsAllThree() throws {
        let chosen = try Tensor.select(
            Tensor(vector: [1, 0, 1]), Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6]), Tensor(-1)
        )
        expectKernelResult(chosen, shape: [2, 3], [1, -1, 3, 4, -1, 6])
        #expect(
            kernelErrorMessage { try Tensor.select(Tensor(vector: [1, 0]), Tensor(vector: [1, 2, 3]), Tensor(0)) }
                == "cannot broadcast shapes [2], [3] and [] together in where"
        )
    }
}
