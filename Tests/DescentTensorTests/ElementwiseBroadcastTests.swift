import DescentTensor
import Testing

/// Expected values printed by NumPy.
@Suite struct ElementwiseBroadcastTests {
    let matrix = Tensor(shape: [2, 3], scalars: [10, 20, 30, 40, 50, 60])

    @Test func vectorBroadcastsAcrossRows() throws {
        let sum = try Tensor(vector: [1, 2, 3]).elementwise(.add, matrix)
        expectKernelResult(sum, shape: [2, 3], [11, 22, 33, 41, 52, 63])
    }

    @Test func columnTimesRowGivesOuterProduct() throws {
        let column = Tensor(shape: [2, 1], scalars: [1, 2])
        let row = Tensor(shape: [1, 3], scalars: [3, 4, 5])
        expectKernelResult(try column.elementwise(.multiply, row), shape: [2, 3], [3, 4, 5, 6, 8, 10])
    }

    @Test func scalarOnEitherSide() throws {
        expectKernelResult(try matrix.elementwise(.subtract, Tensor(1)), shape: [2, 3], [9, 19, 29, 39, 49, 59])
        expectKernelResult(try Tensor(120).elementwise(.divide, matrix), shape: [2, 3], [12, 6, 4, 3, 2.4, 2])
        expectKernelResult(try Tensor(2).elementwise(.power, Tensor(10)), shape: [], [1024])
    }

    @Test func oneElementTensorOfHigherRankWidensTheResult() throws {
        let result = try Tensor(vector: [1, 2]).elementwise(.add, Tensor(shape: [1, 1], scalars: [5]))
        expectKernelResult(result, shape: [1, 2], [6, 7])
    }

    @Test func threeDimensionalBroadcastMatchesNumPy() throws {
        // np.arange(6.).reshape(2,1,3) - np.array([[1.],[2.]])
        let left = Tensor(shape: [2, 1, 3], scalars: [0, 1, 2, 3, 4, 5])
        let right = Tensor(shape: [2, 1], scalars: [1, 2])
        expectKernelResult(
            try left.elementwise(.subtract, right), shape: [2, 2, 3],
            [-1, 0, 1, -2, -1, 0, 2, 3, 4, 1, 2, 3]
        )
    }

    @Test func emptyOperandsGiveEmptyResults() throws {
        let empty = Tensor(shape: [0, 3], scalars: [])
        expectKernelResult(try empty.elementwise(.add, Tensor(vector: [1, 2, 3])), shape: [0, 3], [])
    }

    @Test func incompatibleShapesNameBothShapes() {
        let long = Tensor(repeating: 1, shape: [64])
        let short = Tensor(vector: [1, 2, 3])
        #expect(kernelErrorMessage { try long.elementwise(.add, short) } == "cannot add shapes [64] and [3]")
        #expect(kernelErrorMessage { try long.elementwise(.modulo, short) } == "cannot take the modulo of shapes [64] and [3]")
        #expect(kernelErrorMessage { try long.elementwise(.power, short) } == "cannot raise shapes [64] and [3]")
        #expect(kernelErrorMessage { try long.elementwise(.lessEqual, short) } == "cannot compare shapes [64] and [3]")
        #expect(kernelErrorMessage { try long.elementwise(.or, short) } == "cannot combine shapes [64] and [3]")
        #expect(kernelErrorMessage { try long.elementwise(.maximum, short) } == "cannot take the maximum of shapes [64] and [3]")
        #expect(kernelErrorMessage { try self.matrix.elementwise(.multiply, Tensor(vector: [1, 2])) } == "cannot multiply shapes [2, 3] and [2]")
    }

    @Test func broadcastAndSumBackAreInverse() throws {
        let row = Tensor(shape: [1, 3], scalars: [1, 2, 3])
        let stretched = try row.broadcast(to: [2, 2, 3])
        expectKernelResult(stretched, shape: [2, 2, 3], [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3])
        expectKernelResult(stretched.summed(toShape: [1, 3]), shape: [1, 3], [4, 8, 12])
        expectKernelResult(stretched.summed(toShape: [2, 1, 1]), shape: [2, 1, 1], [12, 12])
        expectKernelResult(stretched.summed(toShape: []), shape: [], [24])
        #expect(kernelErrorMessage { try row.broadcast(to: [2]) } == "cannot broadcast shape [1, 3] to [2]")
        #expect(kernelErrorMessage { try Tensor(1).broadcast(to: [-1]) } == "shape [-1] has a negative extent")
        let huge = Int.max / 2
        #expect(kernelErrorMessage { try Tensor(1).broadcast(to: [huge, 4]) } == "shape [\(huge), 4] has too many elements")
    }

    @Test func broadcastShapeFollowsNumPy() {
        #expect(Tensor.broadcastShape([3], [2, 3]) == [2, 3])
        #expect(Tensor.broadcastShape([2, 1], [1, 3]) == [2, 3])
        #expect(Tensor.broadcastShape([], [4, 1]) == [4, 1])
        #expect(Tensor.broadcastShape([0], [1]) == [0])
        #expect(Tensor.broadcastShape([2], [3]) == nil)
        #expect(describeShape([]) == "[]")
        #expect(describeShape([64, 3]) == "[64, 3]")
    }
}
