extension Tensor {
    /// The rows (slices along the first axis) at `rows`, in that order: `x[rows]` for a
    /// batch, copied row by row without the general indexing machinery.
    public func gatheringRows(_ rows: [Int]) throws -> Tensor {
        guard let rowCount = shape.first else { throw TensorError("cannot index a scalar") }
        let rowSize = rowCount == 0 ? 0 : count / rowCount
        var result: [Double] = []
        result.reserveCapacity(rows.count * rowSize)
        for row in rows {
            guard (0..<rowCount).contains(row) else {
                throw TensorError("index \(row) is out of bounds for axis 0 with size \(rowCount)")
            }
            result.append(contentsOf: scalars[(row * rowSize)..<((row + 1) * rowSize)])
        }
        return Tensor(shape: [rows.count] + shape.dropFirst(), scalars: result)
    }
}
