extension Tensor {
    /// The matrix product with NumPy's rules for 1-D and 2-D operands: a 1-D left operand
    /// acts as a row, a 1-D right operand as a column, and that axis is dropped from the
    /// result (so 1-D @ 1-D is the dot product, a scalar).
    ///
    /// - Throws: `TensorError` when an operand is not 1-D or 2-D, or the inner extents
    ///   differ (`cannot matmul shapes [2, 3] and [4]`).
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard (1...2).contains(rank), (1...2).contains(other.rank) else {
            throw TensorError(
                "matmul needs 1-D or 2-D operands, got shapes \(describeShape(shape)) and \(describeShape(other.shape))"
            )
        }
        let rows = rank == 2 ? shape[0] : 1
        let inner = shape[rank - 1]
        let columns = other.rank == 2 ? other.shape[1] : 1
        guard other.shape[0] == inner else {
            throw TensorError("cannot matmul shapes \(describeShape(shape)) and \(describeShape(other.shape))")
        }
        var resultShape: [Int] = []
        if rank == 2 { resultShape.append(rows) }
        if other.rank == 2 { resultShape.append(columns) }
        let product = try Tensor.matrixProduct(scalars, other.scalars, rows: rows, inner: inner, columns: columns)
        return Tensor(shape: resultShape, scalars: product)
    }

    /// Row-major `(rows × inner) @ (inner × columns)`.
    ///
    /// The i-k-j order keeps the innermost loop contiguous in both the right operand and
    /// the result; blocking over k and j keeps a panel of the right operand in cache while
    /// every row of the left operand streams past it.
    static func matrixProduct(
        _ left: [Double], _ right: [Double], rows: Int, inner: Int, columns: Int
    ) throws -> [Double] {
        let count = try checkedElementCount([rows, columns])
        let innerBlock = 128
        let columnBlock = 512
        var result = [Double](repeating: 0, count: count)
        result.withUnsafeMutableBufferPointer { output in
            left.withUnsafeBufferPointer { a in
                right.withUnsafeBufferPointer { b in
                    for innerStart in stride(from: 0, to: inner, by: innerBlock) {
                        let innerEnd = Swift.min(innerStart + innerBlock, inner)
                        for columnStart in stride(from: 0, to: columns, by: columnBlock) {
                            let columnEnd = Swift.min(columnStart + columnBlock, columns)
                            for row in 0..<rows {
                                // Row views let the compiler see the two rows do not overlap,
                                // so the innermost loop vectorises.
                                let outputRow = UnsafeMutableBufferPointer(
                                    rebasing: output[(row * columns + columnStart)..<(row * columns + columnEnd)]
                                )
                                for k in innerStart..<innerEnd {
                                    let factor = a[row * inner + k]
                                    let rightRow = UnsafeBufferPointer(
                                        rebasing: b[(k * columns + columnStart)..<(k * columns + columnEnd)]
                                    )
                                    for column in 0..<outputRow.count { outputRow[column] += factor * rightRow[column] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The tensor with its axes reversed (NumPy's `.T`): a matrix's transpose; a vector
    /// or scalar is unchanged.
    public var transposed: Tensor {
        if rank < 2 { return self }
        let resultShape = Array(shape.reversed())
        if rank == 2 {
            let rows = shape[0]
            let columns = shape[1]
            let result = scalars.withUnsafeBufferPointer { source in
                [Double](unsafeUninitializedCapacity: count) { output, initialized in
                    for row in 0..<rows {
                        for column in 0..<columns { output[column * rows + row] = source[row * columns + column] }
                    }
                    initialized = count
                }
            }
            return Tensor(shape: resultShape, scalars: result)
        }
        // Walking the result in order, the source offset moves by the reversed strides.
        var sourceStrides = [Int](repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) { sourceStrides[axis] = sourceStrides[axis + 1] * shape[axis + 1] }
        var position = BroadcastPosition(shape: resultShape, operandStrides: [Array(sourceStrides.reversed())])
        var result = [Double](repeating: 0, count: count)
        for index in result.indices {
            result[index] = scalars[position.offsets[0]]
            position.advance()
        }
        return Tensor(shape: resultShape, scalars: result)
    }
}
