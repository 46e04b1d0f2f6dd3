import DescentTensor
import Testing

/// Expected values were printed by NumPy for `x = np.arange(24.).reshape(2, 3, 4)`.
@Suite struct IndexingTests {
    static let x = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Double.init))

    @Test(arguments: [
        ([.position(1)], [3, 4], Array(12...23)),
        ([.position(-1), .range(start: nil, stop: nil, step: -1)], [3, 4], [20, 21, 22, 23, 16, 17, 18, 19, 12, 13, 14, 15]),
        ([.all, .position(1)], [2, 4], [4, 5, 6, 7, 16, 17, 18, 19]),
        ([.position(0), .position(1), .position(-1)], [], [7]),
        ([.all, .all, .range(start: nil, stop: nil, step: -2)], [2, 3, 2], [3, 1, 7, 5, 11, 9, 15, 13, 19, 17, 23, 21]),
        ([.all, .range(start: 5, stop: 1, step: -1)], [2, 1, 4], [8, 9, 10, 11, 20, 21, 22, 23]),
        ([.all, .range(start: -10, stop: 2, step: nil)], [2, 2, 4], [0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 19]),
        ([.position(0), .all, .range(start: 1, stop: 100, step: 2)], [3, 2], [1, 3, 5, 7, 9, 11]),
        ([.range(start: Int.max, stop: Int.min, step: Int.min)], [1, 3, 4], Array(12...23)),
    ] as [([TensorIndex], [Int], [Int])])
    func basicIndexingMatchesNumPy(indices: [TensorIndex], shape: [Int], expected: [Int]) throws {
        let result = try Self.x.subscripted(indices)
        #expect(result.shape == shape)
        #expect(result.scalars == expected.map(Double.init))
    }

    @Test(arguments: [
        ([.position(0), .positions([2, 0, 2])], [3, 4], [8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11]),
        ([.positions([1, 0]), .all, .positions([3, 1])], [2, 3], [15, 19, 23, 1, 5, 9]),
        ([.all, .positions([0, 2]), .position(1)], [2, 2], [1, 9, 13, 21]),
        ([.positions([1, 0]), .position(2)], [2, 4], [20, 21, 22, 23, 8, 9, 10, 11]),
        ([.positions([1]), .position(0), .positions([0, 3])], [2], [12, 15]),
        ([.all, .all, .positions([])], [2, 3, 0], []),
    ] as [([TensorIndex], [Int], [Int])])
    func integerArrayIndexingMatchesNumPy(indices: [TensorIndex], shape: [Int], expected: [Int]) throws {
        let result = try Self.x.subscripted(indices)
        #expect(result.shape == shape)
        #expect(result.scalars == expected.map(Double.init))
    }

    @Test func indexingErrorsAreNumPyLike() {
        let vector = Tensor(vector: [1, 2, 3])
        #expect(throws: TensorError("index 5 is out of bounds for axis 0 with size 3")) { try vector.subscripted([.position(5)]) }
        #expect(throws: TensorError("index -4 is out of bounds for axis 0 with size 3")) {
            try vector.subscripted([.positions([0, -4])])
        }
        #expect(throws: TensorError("too many indices for a tensor of rank 1: 2 were given")) {
            try vector.subscripted([.position(0), .position(0)])
        }
        #expect(throws: TensorError("slice step cannot be zero")) { try vector.subscripted([.range(start: nil, stop: nil, step: 0)]) }
        #expect(throws: TensorError("cannot index a scalar")) { try Tensor(2).subscripted([.position(0)]) }
        #expect(throws: TensorError("shape mismatch: index arrays of shapes [2] [3] cannot be broadcast together")) {
            try Self.x.subscripted([.positions([0, 1]), .positions([0, 1, 2])])
        }
        #expect(throws: TensorError("cannot allocate a tensor of shape [3, 4]: 12 elements is more than the limit of 10")) {
            try Self.x.subscripted([.position(0)], maxElements: 10)
        }
    }

    /// `np.add.at(np.zeros(5), [1, 1, 3], [1, 2, 3])` gives `[0, 3, 0, 3, 0]`.
    @Test func scatteringAddAccumulatesRepeats() throws {
        let result = try Tensor(repeating: 0, shape: [5]).scatteringAdd(Tensor(vector: [1, 2, 3]), at: [.positions([1, 1, 3])])
        #expect(result.scalars == [0, 3, 0, 3, 0])
        let existing = try Tensor(vector: [1, 1, 1]).scatteringAdd(Tensor(vector: [5, 6]), at: [.range(start: nil, stop: nil, step: -2)])
        #expect(existing.scalars == [7, 1, 6])
        #expect(throws: TensorError("cannot add shape [3] to a selection of shape [2]")) {
            try Tensor(repeating: 0, shape: [5]).scatteringAdd(Tensor(vector: [1, 2, 3]), at: [.range(start: 0, stop: 2, step: nil)])
        }
    }

    /// Each case was run in NumPy on `z = np.arange(6.).reshape(2, 3)`.
    @Test func replacingBroadcastsLikeNumPyAssignment() throws {
        let z = Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5])
        #expect(try z.replacing([.all, .position(1)], with: Tensor(vector: [7, 8])).scalars == [0, 7, 2, 3, 8, 5])
        #expect(try z.replacing([.position(0)], with: Tensor(shape: [1, 3], scalars: [9, 8, 7])).scalars == [9, 8, 7, 3, 4, 5])
        #expect(try z.replacing([.position(1)], with: Tensor(shape: [1, 1], scalars: [5])).scalars == [0, 1, 2, 5, 5, 5])
        #expect(try z.replacing([.all, .positions([0, 0])], with: Tensor(shape: [1, 2], scalars: [1, 2])).scalars == [2, 1, 2, 2, 4, 5])
        #expect(try z.replacing([.range(start: 0, stop: 2, step: nil)], with: Tensor(5)).scalars == [5, 5, 5, 5, 5, 5])
        #expect(throws: TensorError("cannot assign shape [3] to a selection of shape [2]")) {
            try Tensor(vector: [1, 2, 3, 4]).replacing([.range(start: 0, stop: 2, step: nil)], with: Tensor(vector: [1, 2, 3]))
        }
    }
}
