import DescentTensor
import Testing

/// `gatheringRows` is the batch fast path: it must equal integer-array indexing.
@Suite struct GatherRowsTests {
    @Test func equalsIntegerArrayIndexing() throws {
        let x = Tensor(shape: [4, 3], scalars: (0..<12).map(Double.init))
        for rows in [[2], [0, 3, 3, 1], [], [3, 2, 1, 0]] {
            #expect(try x.gatheringRows(rows) == x.subscripted([.positions(rows)]))
        }
        let vector = Tensor(vector: [5, 6, 7])
        #expect(try vector.gatheringRows([2, 0]) == Tensor(vector: [7, 5]))
    }

    @Test func rejectsRowsOutOfRangeAndScalars() {
        let x = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        #expect(throws: TensorError("index 2 is out of bounds for axis 0 with size 2")) { try x.gatheringRows([2]) }
        #expect(throws: TensorError("cannot index a scalar")) { try Tensor(1).gatheringRows([0]) }
    }
}
