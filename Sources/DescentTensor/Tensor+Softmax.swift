import Foundation

extension Tensor {
    /// `exp(x)` normalised to sum to 1 along `axis`, computed after subtracting each lane's
    /// maximum so large values do not overflow.
    ///
    /// - Throws: `TensorError` for an out-of-bounds axis.
    public func softmax(axis: Int = -1) throws -> Tensor {
        let split = try AxisSplit(shape: shape, axis: axis)
        var result = scalars
        forEachLane(split) { offsets in
            var largest = -Double.infinity
            for offset in offsets { largest = MaximumFunction.apply(largest, scalars[offset]) }
            var total = 0.0
            for offset in offsets {
                let e = exp(scalars[offset] - largest)
                result[offset] = e
                total += e
            }
            for offset in offsets { result[offset] /= total }
        }
        return Tensor(shape: shape, scalars: result)
    }

    /// `log(sum(exp(x)))` over all elements (`axis == nil`, a scalar) or along `axis`,
    /// computed as `m + log(sum(exp(x - m)))` with `m` the maximum; an empty lane gives
    /// -inf and a lane whose maximum is infinite gives that infinity, as SciPy does.
    ///
    /// - Throws: `TensorError` for an out-of-bounds axis.
    public func logsumexp(axis: Int?, keepDims: Bool = false) throws -> Tensor {
        let split = try AxisSplit(shape: shape, axis: axis)
        var result = [Double](repeating: 0, count: split.outer * split.inner)
        var laneIndex = 0
        forEachLane(split) { offsets in
            var largest = -Double.infinity
            for offset in offsets { largest = MaximumFunction.apply(largest, scalars[offset]) }
            if largest.isFinite {
                var total = 0.0
                for offset in offsets { total += exp(scalars[offset] - largest) }
                result[laneIndex] = largest + log(total)
            } else {
                result[laneIndex] = largest
            }
            laneIndex += 1
        }
        return Tensor(shape: split.reducedShape(keepDims: keepDims), scalars: result)
    }

    /// Calls `body` with the element offsets of every lane of `split`, in the row-major
    /// order of the reduced shape.
    func forEachLane(_ split: AxisSplit, _ body: (StrideTo<Int>) -> Void) {
        for block in 0..<split.outer {
            for lane in 0..<split.inner {
                let start = block * split.length * split.inner + lane
                body(stride(from: start, to: start + split.length * split.inner, by: split.inner))
            }
        }
    }
}
