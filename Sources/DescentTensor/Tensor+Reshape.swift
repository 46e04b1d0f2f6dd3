extension Tensor {
    /// The same elements in row-major order with a new shape of the same size; one size
    /// may be `-1` and is then inferred.
    public func reshaped(to newShape: [Int]) throws -> Tensor {
        let mismatch = TensorError("cannot reshape a tensor of shape \(describeShape(shape)) into shape \(describeShape(newShape))")
        let unknownAxes = newShape.indices.filter { newShape[$0] == -1 }
        guard unknownAxes.count <= 1 else { throw TensorError("can only specify one unknown size (-1) in a reshape") }
        if let negative = newShape.first(where: { $0 < -1 }) {
            throw TensorError("size must not be negative, got \(negative)")
        }
        guard let knownCount = ShapeValidation.elementCount(of: newShape.filter { $0 != -1 }) else { throw mismatch }
        var resolved = newShape
        if let unknownAxis = unknownAxes.first {
            guard knownCount > 0, count % knownCount == 0 else { throw mismatch }
            resolved[unknownAxis] = count / knownCount
        } else {
            guard knownCount == count else { throw mismatch }
        }
        return Tensor(shape: resolved, scalars: scalars)
    }

    /// The elements as a vector, in row-major order.
    public func flattened() -> Tensor {
        Tensor(vector: scalars)
    }
}
