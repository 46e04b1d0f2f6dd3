extension Tensor {
    /// Tensors joined along an existing axis (negative counts from the end); every other
    /// extent must agree.
    public static func concatenated(_ tensors: [Tensor], axis: Int) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError("concat needs at least one tensor") }
        guard first.rank > 0 else { throw TensorError("scalars cannot be concatenated; use stack") }
        let axis = try Tensor.resolveAxis(axis, rank: first.rank)
        for (number, tensor) in tensors.enumerated().dropFirst() {
            guard tensor.rank == first.rank else {
                throw TensorError(
                    "concat needs tensors of the same rank, but tensor 1 has shape \(describeShape(first.shape)) "
                        + "and tensor \(number + 1) has shape \(describeShape(tensor.shape))")
            }
            var expected = tensor.shape
            expected[axis] = first.shape[axis]
            guard expected == first.shape else {
                throw TensorError(
                    "cannot concatenate shapes \(describeShape(first.shape)) and \(describeShape(tensor.shape)) along axis \(axis)")
            }
        }
        var shape = first.shape
        shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
        _ = try checkedElementCount(shape)
        // Each tensor is a sequence of `outer` blocks; block i of every tensor lands side by side.
        let outer = first.shape[..<axis].reduce(1, *)
        let blockSizes = tensors.map { $0.count / max(outer, 1) }
        var scalars: [Double] = []
        scalars.reserveCapacity(tensors.reduce(0) { $0 + $1.count })
        for block in 0..<outer {
            for (tensor, size) in zip(tensors, blockSizes) {
                scalars.append(contentsOf: tensor.scalars[(block * size)..<((block + 1) * size)])
            }
        }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// Equal-shaped tensors joined along a new axis at `axis` (negative counts from the end).
    public static func stacked(_ tensors: [Tensor], axis: Int) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError("stack needs at least one tensor") }
        if let other = tensors.first(where: { $0.shape != first.shape }) {
            throw TensorError(
                "stack needs tensors of the same shape, got \(describeShape(first.shape)) and \(describeShape(other.shape))")
        }
        let axis = try Tensor.resolveAxis(axis, rank: first.rank + 1)
        var expandedShape = first.shape
        expandedShape.insert(1, at: axis)
        let expanded = tensors.map { Tensor(shape: expandedShape, scalars: $0.scalars) }
        return try concatenated(expanded, axis: axis)
    }

    /// The pieces of this tensor along `axis`, with the given extents (which must sum to
    /// the axis's extent); undoes `concatenated`.
    public func split(alongAxis axis: Int, extents: [Int]) -> [Tensor] {
        precondition(extents.reduce(0, +) == shape[axis], "split extents must cover the axis")
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        let rowSize = shape[axis] * inner
        var start = 0
        return extents.map { extent in
            var pieceShape = shape
            pieceShape[axis] = extent
            var pieceScalars: [Double] = []
            pieceScalars.reserveCapacity(outer * extent * inner)
            for block in 0..<outer {
                let blockStart = block * rowSize + start * inner
                pieceScalars.append(contentsOf: scalars[blockStart..<(blockStart + extent * inner)])
            }
            start += extent
            return Tensor(shape: pieceShape, scalars: pieceScalars)
        }
    }
}
