extension Tensor {
    /// Limits every element to `[low, high]` as NumPy's `clip`: `minimum(maximum(x, low), high)`,
    /// so `high` wins when `low > high`. The three tensors broadcast together.
    ///
    /// - Throws: `TensorError` when the shapes do not broadcast.
    public func clipped(low: Tensor, high: Tensor) throws -> Tensor {
        let shape = try Tensor.broadcastShapeOfThree(self, low, high, purpose: "clip")
        return try Tensor.ternaryMap(self, low, high, to: shape) { value, low, high in
            MinimumFunction.apply(MaximumFunction.apply(value, low), high)
        }
    }

    /// Limits every element to `[low, high]`; see `clipped(low:high:)` for tensor bounds.
    public func clipped(low: Double, high: Double) -> Tensor {
        let raised = Tensor.mapWithRight(scalars, low, MaximumFunction.self)
        return Tensor(shape: shape, scalars: Tensor.mapWithRight(raised, high, MinimumFunction.self))
    }

    /// NumPy's `where`: elements of `a` where `condition` is non-zero, else of `b`; the
    /// three tensors broadcast together.
    ///
    /// - Throws: `TensorError` when the shapes do not broadcast.
    public static func select(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let shape = try broadcastShapeOfThree(condition, a, b, purpose: "where")
        return try ternaryMap(condition, a, b, to: shape) { condition, a, b in condition != 0 ? a : b }
    }

    /// The shape three operands broadcast to, or an error naming `purpose`.
    static func broadcastShapeOfThree(_ a: Tensor, _ b: Tensor, _ c: Tensor, purpose: String) throws -> [Int] {
        guard let shape = broadcastShape([a.shape, b.shape, c.shape]) else {
            let shapes = "\(describeShape(a.shape)), \(describeShape(b.shape)) and \(describeShape(c.shape))"
            throw TensorError("cannot broadcast shapes \(shapes) together in \(purpose)")
        }
        return shape
    }

    /// Applies `body` to matching elements of three tensors broadcast to `shape`.
    static func ternaryMap(
        _ a: Tensor, _ b: Tensor, _ c: Tensor, to shape: [Int], _ body: (Double, Double, Double) -> Double
    ) throws -> Tensor {
        let layout = BroadcastLayout(shape: shape)
        let offsetsA = try layout.offsets(of: a.shape)
        let offsetsB = try layout.offsets(of: b.shape)
        let offsetsC = try layout.offsets(of: c.shape)
        var result = [Double](repeating: 0, count: offsetsA.count)
        for index in result.indices {
            result[index] = body(a.scalars[offsetsA[index]], b.scalars[offsetsB[index]], c.scalars[offsetsC[index]])
        }
        return Tensor(shape: shape, scalars: result)
    }
}
