import DescentCore
import DescentTensor
import Testing

/// Gradients of the shape and indexing operations against central finite differences of
/// `sum(w * f(x))` for fixed random weights `w`.
@Suite struct IndexingGradientTests {
    typealias Operation = (Tape, [Var]) throws -> Var

    static func matrix(_ rows: Int, _ columns: Int, seed: UInt32) -> Tensor {
        var random = RandomState(seed: seed)
        return random.randn(shape: [rows, columns])
    }

    /// Checks every input's gradient element by element; returns the tape's gradients.
    @discardableResult
    static func expectGradientsMatch(_ inputs: [Tensor], _ operation: Operation) throws -> [Tensor] {
        let outputShape = try operation(Tape(), inputs.map { Var($0) }).value.shape
        var random = RandomState(seed: 99)
        let weights = random.randn(shape: outputShape)
        let tape = Tape()
        tape.isRecording = true
        let leaves = inputs.map { tape.leaf($0) }
        let weighted = try tape.binary(.multiply, try operation(tape, leaves), Var(weights))
        let loss = try tape.reduce(.sum, weighted, axis: nil, keepDims: false)
        let analytic = tape.gradients(of: loss, at: leaves)
        let step = 1e-6
        for (inputNumber, input) in inputs.enumerated() {
            #expect(analytic[inputNumber].shape == input.shape)
            for element in input.scalars.indices {
                func loss(shiftedBy delta: Double) throws -> Double {
                    var shifted = inputs
                    shifted[inputNumber].scalars[element] += delta
                    let output = try operation(Tape(), shifted.map { Var($0) }).value
                    return zip(output.scalars, weights.scalars).reduce(0) { $0 + $1.0 * $1.1 }
                }
                let numeric = (try loss(shiftedBy: step) - loss(shiftedBy: -step)) / (2 * step)
                let error = abs(numeric - analytic[inputNumber].scalars[element])
                #expect(error <= 1e-6 * max(1, abs(numeric)), "input \(inputNumber) element \(element)")
            }
        }
        return analytic
    }

    @Test(arguments: [
        [TensorIndex.positions([0, 2, 0, 3])],
        [.range(start: nil, stop: nil, step: -2), .range(start: 2, stop: 0, step: -1)],
        [.positions([1, 1]), .position(-1)],
        [.position(2), .range(start: -2, stop: nil, step: nil)],
        [.positions([3, 0, 3]), .positions([2, 2, 0])],
    ])
    func indexingOnAMatrix(indices: [TensorIndex]) throws {
        try Self.expectGradientsMatch([Self.matrix(4, 3, seed: 1)]) { tape, inputs in
            try tape.subscripted(inputs[0], indices)
        }
    }

    @Test func nonAdjacentIntegerArraysOnACube() throws {
        var random = RandomState(seed: 2)
        let cube = random.randn(shape: [2, 3, 4])
        try Self.expectGradientsMatch([cube]) { tape, inputs in
            try tape.subscripted(inputs[0], [.positions([1, 0, 1]), .all, .positions([3, 1, 3])])
        }
    }

    /// d/dx sum(x[[0, 0, 2]]) counts how often each element was picked.
    @Test func repeatedPositionsAccumulate() throws {
        let tape = Tape()
        tape.isRecording = true
        let x = tape.leaf(Tensor(vector: [5, 6, 7, 8]))
        let picked = try tape.subscripted(x, [.positions([0, 0, 2])])
        let total = try tape.reduce(.sum, picked, axis: nil, keepDims: false)
        #expect(tape.gradients(of: total, at: [x]) == [Tensor(vector: [2, 0, 1, 0])])
    }

    @Test func reshape() throws {
        try Self.expectGradientsMatch([Self.matrix(2, 3, seed: 3)]) { tape, inputs in
            try tape.reshape(inputs[0], to: [3, -1])
        }
    }

    @Test func concatAlongEachAxis() throws {
        let left = Self.matrix(2, 2, seed: 4), right = Self.matrix(2, 3, seed: 5)
        try Self.expectGradientsMatch([left, right]) { tape, inputs in
            try tape.concat([inputs[0], inputs[1], Var(Tensor(repeating: 1, shape: [2, 1]))], axis: -1)
        }
        try Self.expectGradientsMatch([left, Self.matrix(3, 2, seed: 6)]) { tape, inputs in
            try tape.concat([inputs[0], inputs[1]], axis: 0)
        }
    }

    @Test func stackAlongEachAxis() throws {
        var random = RandomState(seed: 7)
        let vectors = (0..<3).map { _ in random.randn(shape: [4]) }
        for axis in [0, 1, -1] {
            try Self.expectGradientsMatch(vectors) { tape, inputs in try tape.stack(inputs, axis: axis) }
        }
    }

    @Test(arguments: [(0.3, nil), (0.5, 0), (0.85, 1), (1.0, nil), (0.0, 0)] as [(Double, Int?)])
    func quantile(q: Double, axis: Int?) throws {
        try Self.expectGradientsMatch([Self.matrix(4, 3, seed: 8)]) { tape, inputs in
            try tape.quantile(inputs[0], q: q, axis: axis)
        }
    }

    /// The 0.25-quantile of [4, 1, 3, 2] sits at virtual index 0.75 of [1, 2, 3, 4]: 1 + 0.75·(2 - 1).
    @Test func quantileSplitsTheGradientBetweenNeighbours() throws {
        let tape = Tape()
        tape.isRecording = true
        let x = tape.leaf(Tensor(vector: [4, 1, 3, 2]))
        let value = try tape.quantile(x, q: 0.25, axis: nil)
        #expect(value.value == Tensor(1.75))
        #expect(tape.gradients(of: value, at: [x]) == [Tensor(vector: [0, 0.25, 0, 0.75])])
    }
}
