extension Tensor {
    /// Elementwise sum of two tensors of the same shape (gradient accumulation).
    public func adding(sameShape other: Tensor) -> Tensor {
        precondition(shape == other.shape, "adding(sameShape:) needs equal shapes")
        var result = self
        result.scalars.withUnsafeMutableBufferPointer { target in
            other.scalars.withUnsafeBufferPointer { source in
                for index in target.indices { target[index] += source[index] }
            }
        }
        return result
    }
}
