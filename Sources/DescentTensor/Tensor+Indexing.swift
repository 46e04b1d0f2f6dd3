extension Tensor {
    /// NumPy basic indexing (plus 1-D integer arrays): `x[1]`, `x[0:2, :]`, `x[::-1]`, `x[[0, 0, 2]]`.
    public func subscripted(_ indices: [TensorIndex], maxElements: Int = ElementLimit.maxElements) throws -> Tensor {
        gathering(try TensorSelection(indices, in: shape, maxElements: maxElements))
    }

    /// The selected elements, shaped as the selection.
    public func gathering(_ selection: TensorSelection) -> Tensor {
        Tensor(shape: selection.shape, scalars: selection.offsets.map { scalars[$0] })
    }

    /// A copy with `values` added at the selected places, repeated places accumulating;
    /// the gradient of indexing. `values` must have the selection's shape.
    public func scatteringAdd(_ values: Tensor, at indices: [TensorIndex]) throws -> Tensor {
        let selection = try TensorSelection(indices, in: shape)
        guard values.shape == selection.shape else {
            throw TensorError("cannot add shape \(describeShape(values.shape)) to a selection of shape \(describeShape(selection.shape))")
        }
        return scatteringAdd(values, at: selection)
    }

    /// A copy with `values` (shaped as `selection`) added at the selected places.
    public func scatteringAdd(_ values: Tensor, at selection: TensorSelection) -> Tensor {
        precondition(values.shape == selection.shape, "scatteringAdd needs values shaped as the selection")
        var result = self
        for (value, offset) in zip(values.scalars, selection.offsets) {
            result.scalars[offset] += value
        }
        return result
    }

    /// A copy with the selected places set to `values`, broadcast to the selection's shape
    /// as NumPy assigns (`x[0:2] = 5`); for a repeated place the last value wins.
    public func replacing(_ indices: [TensorIndex], with values: Tensor) throws -> Tensor {
        let selection = try TensorSelection(indices, in: shape)
        let expanded = try Self.broadcastScalars(of: values, to: selection.shape)
        var result = self
        for (value, offset) in zip(expanded, selection.offsets) {
            result.scalars[offset] = value
        }
        return result
    }

    /// `values` stretched to `target` as NumPy assignment does: by broadcasting, after
    /// dropping leading axes of extent 1 that the selection does not have.
    private static func broadcastScalars(of values: Tensor, to target: [Int]) throws -> [Double] {
        var sourceShape = values.shape
        while sourceShape.count > target.count, sourceShape.first == 1 { sourceShape.removeFirst() }
        let trimmed = Tensor(shape: sourceShape, scalars: values.scalars)
        guard sourceShape.count <= target.count, Tensor.broadcastShape(sourceShape, target) == target else {
            throw TensorError("cannot assign shape \(describeShape(values.shape)) to a selection of shape \(describeShape(target))")
        }
        return try trimmed.broadcast(to: target).scalars
    }
}
