extension Tensor {
    /// The matrix product with NumPy's rules for 1-D and 2-D operands: a 1-D left operand
    /// acts as a row, a 1-D right operand as a column, and that axis is dropped from the
    /// result (so 1-D @ 1-D is the dot product, a scalar).
    ///
    /// On processors with AVX2 and FMA each term is added with a fused multiply-add, so the
    /// last bits may differ from a separate multiply and add (and from NumPy). A product's
    /// bits depend only on its operands and shapes, never on threads or timing.
    ///
    /// - Throws: `TensorError` when an operand is not 1-D or 2-D, or the inner extents
    ///   differ (`cannot matmul shapes [2, 3] and [4]`).
    public func matmul(_ other: Tensor) throws -> Tensor {
        try matmul(other, transposingLeft: false, transposingRight: false)
    }

    /// The matrix product of this tensor and `other`, either of them transposed first, without
    /// copying the transpose: `a.matmul(b, transposingLeft: true)` is `a.transposed.matmul(b)`,
    /// with the same bits except where one side is a vector: the fused kernels sum a dot
    /// product of contiguous rows in eight lanes, but a transposed view element by element,
    /// so those two can differ in the last bits.
    ///
    /// Transposing a 1-D operand changes nothing, as with `.T`.
    /// - Throws: `TensorError` as `matmul(_:)`, naming the shapes after transposition.
    public func matmul(_ other: Tensor, transposingLeft: Bool = false, transposingRight: Bool = false) throws -> Tensor {
        let plan = try MatrixProductPlan(
            leftShape: shape, rightShape: other.shape, transposingLeft: transposingLeft, transposingRight: transposingRight)
        var product = [Double](repeating: 0, count: plan.resultCount)
        try scalars.withUnsafeBufferPointer { leftBuffer in
            try other.scalars.withUnsafeBufferPointer { rightBuffer in
                try product.withUnsafeMutableBufferPointer { output in
                    guard let leftBase = leftBuffer.baseAddress, let rightBase = rightBuffer.baseAddress,
                        let outputBase = output.baseAddress
                    else { return }
                    try plan.run(leftBase, rightBase, into: outputBase)
                }
            }
        }
        return Tensor(shape: plan.resultShape, scalars: product)
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
