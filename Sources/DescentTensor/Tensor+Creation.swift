extension Tensor {
    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) -> Tensor {
        Tensor(repeating: 0, shape: shape)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor {
        Tensor(repeating: 1, shape: shape)
    }

    /// A tensor with every element `value`.
    public static func full(_ shape: [Int], value: Double) -> Tensor {
        Tensor(repeating: value, shape: shape)
    }

    /// The n×n identity matrix (empty for n ≤ 0).
    public static func eye(_ n: Int) -> Tensor {
        let size = max(n, 0)
        var identity = Tensor(repeating: 0, shape: [size, size])
        for index in 0..<size { identity.scalars[index * size + index] = 1 }
        return identity
    }

    /// Values from `start` towards `stop` (excluded) by `step`, as `numpy.arange`: there are
    /// ceil((stop - start) / step) of them, and from the third on, element i is
    /// start + i·((start + step) - start).
    public static func arange(start: Double, stop: Double, step: Double, maxElements: Int) throws -> Tensor {
        guard step != 0 else { throw TensorError("arange step cannot be zero") }
        let exactCount = ((stop - start) / step).rounded(.up)
        guard exactCount.isFinite else { throw TensorError("arange needs finite start, stop and step") }
        let count = try ShapeValidation.shape(fromDimensions: [max(exactCount, 0)], maxElements: maxElements)[0]
        // NumPy stores start and start + step, then fills the rest from their difference.
        let second = start + step
        let delta = second - start
        return Tensor(vector: (0..<count).map { index in
            switch index {
            case 0: start
            case 1: second
            default: start + Double(index) * delta
            }
        })
    }

    /// `count` evenly spaced values from `start` to `stop` inclusive, as `numpy.linspace`
    /// (empty for count ≤ 0, `[start]` for count 1).
    public static func linspace(start: Double, stop: Double, count: Int) -> Tensor {
        guard count > 1 else { return Tensor(vector: count == 1 ? [start] : []) }
        let divisions = Double(count - 1)
        let delta = stop - start
        let step = delta / divisions
        var values = (0..<count).map { index -> Double in
            let position = Double(index)
            return step == 0 ? position / divisions * delta + start : position * step + start
        }
        values[count - 1] = stop
        return Tensor(vector: values)
    }
}
