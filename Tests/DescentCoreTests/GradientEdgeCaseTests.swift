import DescentCore
import DescentTensor
import Testing

/// Gradients at kinks and ties, where finite differences are one-sided or ambiguous and
/// the rule is a documented convention (JAX and PyTorch give the same values).
@Suite struct GradientEdgeCaseTests {
    /// The gradients of `build`'s scalar output at `inputs`.
    func gradients(_ inputs: [Tensor], _ build: (Tape, [Var]) throws -> Var) throws -> [[Double]] {
        let t = Tape()
        t.isRecording = true
        let leaves = inputs.map { t.leaf($0) }
        return t.gradients(of: try build(t, leaves), at: leaves).map(\.scalars)
    }

    @Test func maxSplitsEvenlyAmongThreeTies() throws {
        let third = 1.0 / 3
        #expect(try gradients([Tensor(vector: [5, 1, 5, 5])]) { t, v in try t.reduce(.max, v[0], axis: nil, keepDims: false) }
            == [[third, 0, third, third]])
        let rows = Tensor(shape: [2, 3], scalars: [2, 2, 1, 0, 0, 0])
        #expect(try gradients([rows]) { t, v in try t.sum(try t.reduce(.min, v[0], axis: 1, keepDims: false)) }
            == [[0, 0, 1, third, third, third]])
    }

    @Test func maximumTiesShareTheGradient() throws {
        #expect(try gradients([Tensor(2), Tensor(2)]) { t, v in try t.binary(.maximum, v[0], v[1]) } == [[0.5], [0.5]])
    }

    @Test func kinksGiveZero() throws {
        #expect(try gradients([Tensor(vector: [0, -1, 2])]) { t, v in try t.sum(t.unary(.relu, v[0])) } == [[0, 0, 1]])
        #expect(try gradients([Tensor(vector: [0, -1, 2])]) { t, v in try t.sum(t.unary(.abs, v[0])) } == [[0, -1, 1]])
    }

    @Test func clipBoundsAreInclusiveForTheValue() throws {
        let result = try gradients([Tensor(vector: [0, 1, 2, -1]), Tensor(0), Tensor(1)]) { t, v in
            try t.sum(try t.clip(v[0], min: v[1], max: v[2]))
        }
        #expect(result == [[1, 1, 0, 0], [1], [1]])
    }

    @Test func crossedClipBoundsGiveTheGradientToTheUpperBound() throws {
        let result = try gradients([Tensor(vector: [0, 5]), Tensor(3), Tensor(1)]) { t, v in
            try t.sum(try t.clip(v[0], min: v[1], max: v[2]))
        }
        #expect(result == [[0, 0], [0], [2]])
    }

    @Test func powerExponentGradientIsZeroAtZeroBase() throws {
        let result = try gradients([Tensor(0), Tensor(2)]) { t, v in try t.binary(.power, v[0], v[1]) }
        #expect(result == [[0], [0]])
    }

    @Test func whereConditionGetsNoGradient() throws {
        let result = try gradients([Tensor(vector: [1, 0]), Tensor(vector: [3, 4]), Tensor(5)]) { t, v in
            try t.sum(try t.select(v[0], v[1], v[2]))
        }
        #expect(result == [[0, 0], [1, 0], [1]])
    }

    @Test func constantOperationsRecordNothing() throws {
        let t = Tape()
        t.isRecording = true
        let x = t.leaf(Tensor(vector: [1, 3, 2]))
        #expect(try t.binary(.less, x, constantVar(2)).node == nil)
        #expect(try t.binary(.and, x, x).node == nil)
        #expect(t.unary(.sign, x).node == nil)
        #expect(try t.reduce(.argmax, x, axis: nil, keepDims: false).node == nil)
        #expect(try t.reduce(.sum, x, axis: nil, keepDims: false).node != nil)
        let quiet = Tape()
        #expect(try quiet.binary(.add, quiet.leaf(Tensor(1)), constantVar(2)).node == nil)
    }

    @Test func kernelErrorsPassThrough() {
        let t = Tape()
        t.isRecording = true
        let x = t.leaf(Tensor(repeating: 1, shape: [64]))
        #expect(throws: TensorError("cannot add shapes [64] and [3]")) {
            try t.binary(.add, x, Var(Tensor(vector: [1, 2, 3])))
        }
        #expect(throws: TensorError("cannot matmul shapes [64] and [3]")) {
            try t.matmul(x, Var(Tensor(vector: [1, 2, 3])))
        }
    }
}
