import DescentTensor
import Testing

@Suite struct ReshapeTests {
    static let six = Tensor(vector: [0, 1, 2, 3, 4, 5])

    @Test func reshapeInfersOneSize() throws {
        #expect(try Self.six.reshaped(to: [2, -1]).shape == [2, 3])
        #expect(try Self.six.reshaped(to: [-1]).shape == [6])
        #expect(try Self.six.reshaped(to: [3, 2]).scalars == Self.six.scalars)
        #expect(try Tensor(7).reshaped(to: [1, 1]).shape == [1, 1])
        #expect(Tensor(shape: [2, 3], scalars: Self.six.scalars).flattened() == Self.six)
    }

    @Test func reshapeErrors() {
        #expect(throws: TensorError("cannot reshape a tensor of shape [6] into shape [4]")) { try Self.six.reshaped(to: [4]) }
        #expect(throws: TensorError("cannot reshape a tensor of shape [6] into shape [4, -1]")) { try Self.six.reshaped(to: [4, -1]) }
        #expect(throws: TensorError("can only specify one unknown size (-1) in a reshape")) { try Self.six.reshaped(to: [-1, -1]) }
        #expect(throws: TensorError("size must not be negative, got -2")) { try Self.six.reshaped(to: [-2, -3]) }
        #expect(throws: TensorError("cannot reshape a tensor of shape [6] into shape [\(Int.max), \(Int.max)]")) {
            try Self.six.reshaped(to: [Int.max, Int.max])
        }
    }

    /// `np.concatenate([a, b], axis=1)` with `a = [[1, 2], [3, 4]]`, `b = [[5], [6]]`.
    @Test func concatenateAlongEachAxis() throws {
        let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        let b = Tensor(shape: [2, 1], scalars: [5, 6])
        let columns = try Tensor.concatenated([a, b], axis: -1)
        #expect(columns.shape == [2, 3])
        #expect(columns.scalars == [1, 2, 5, 3, 4, 6])
        let rows = try Tensor.concatenated([a, Tensor(shape: [1, 2], scalars: [7, 8])], axis: 0)
        #expect(rows.scalars == [1, 2, 3, 4, 7, 8])
        #expect(columns.split(alongAxis: 1, extents: [2, 1]) == [a, b])
    }

    @Test func concatenateErrors() {
        let a = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        #expect(throws: TensorError("cannot concatenate shapes [2, 2] and [3, 1] along axis 0")) {
            try Tensor.concatenated([a, Tensor(shape: [3, 1], scalars: [1, 2, 3])], axis: 0)
        }
        #expect(throws: TensorError("concat needs tensors of the same rank, but tensor 1 has shape [2, 2] and tensor 2 has shape [2]")) {
            try Tensor.concatenated([a, Tensor(vector: [1, 2])], axis: 0)
        }
        #expect(throws: TensorError("axis 2 is out of bounds for a tensor of rank 2")) { try Tensor.concatenated([a, a], axis: 2) }
        #expect(throws: TensorError("scalars cannot be concatenated; use stack")) { try Tensor.concatenated([Tensor(1)], axis: 0) }
        #expect(throws: TensorError("concat needs at least one tensor")) { try Tensor.concatenated([], axis: 0) }
    }

    /// `np.stack([[1, 2], [3, 4]], axis=1)` is `[[1, 3], [2, 4]]`.
    @Test func stackAddsAnAxis() throws {
        let a = Tensor(vector: [1, 2]), b = Tensor(vector: [3, 4])
        let byRows = try Tensor.stacked([a, b], axis: 0)
        #expect(byRows.shape == [2, 2] && byRows.scalars == [1, 2, 3, 4])
        let byColumns = try Tensor.stacked([a, b], axis: -1)
        #expect(byColumns.shape == [2, 2] && byColumns.scalars == [1, 3, 2, 4])
        #expect(try Tensor.stacked([Tensor(1), Tensor(2)], axis: 0) == Tensor(vector: [1, 2]))
        #expect(throws: TensorError("stack needs tensors of the same shape, got [2] and [3]")) {
            try Tensor.stacked([a, Tensor(vector: [1, 2, 3])], axis: 0)
        }
        #expect(throws: TensorError("axis 2 is out of bounds for a tensor of rank 2")) { try Tensor.stacked([a, b], axis: 2) }
    }
}
