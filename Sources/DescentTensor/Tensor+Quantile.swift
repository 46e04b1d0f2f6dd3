/// Where each element of a quantile comes from: a blend of two source elements.
///
/// Element i of the result is `(1 - fractions[i])·x[lowerOffsets[i]] + fractions[i]·x[upperOffsets[i]]`
/// (computed as NumPy's `_lerp` does), which also gives its gradient.
public struct QuantileInterpolation: Sendable, Equatable {
    /// The shape of the result.
    public let shape: [Int]
    /// Flat offsets of the lower neighbours.
    public let lowerOffsets: [Int]
    /// Flat offsets of the upper neighbours.
    public let upperOffsets: [Int]
    /// The weight of each upper neighbour, in [0, 1).
    public let fractions: [Double]
}

extension Tensor {
    /// The q-quantile over all elements or along `axis`, with NumPy's default linear
    /// interpolation; a slice containing nan gives nan.
    public func quantile(_ q: Double, axis: Int?) throws -> Tensor {
        let plan = try quantileInterpolation(q, axis: axis)
        let values = plan.fractions.indices.map { index in
            Self.lerp(scalars[plan.lowerOffsets[index]], scalars[plan.upperOffsets[index]], plan.fractions[index])
        }
        return Tensor(shape: plan.shape, scalars: values)
    }

    /// The neighbours and weights of the q-quantile over all elements or along `axis`.
    public func quantileInterpolation(_ q: Double, axis: Int?) throws -> QuantileInterpolation {
        guard q >= 0, q <= 1 else {
            throw TensorError("quantile must be between 0 and 1, got \(TensorFormatter().format(number: q))")
        }
        let (slices, shape) = try quantileSlices(axis: axis)
        var lower: [Int] = [], upper: [Int] = [], fractions: [Double] = []
        for slice in slices {
            let sorted = Self.stableAscendingOrder(of: slice.map { scalars[$0] }).map { slice[$0] }
            let last = sorted.count - 1
            let virtualIndex = Double(last) * q
            if let largest = sorted.last, scalars[largest].isNaN {
                let nanOffset = sorted.first { scalars[$0].isNaN } ?? largest
                lower.append(nanOffset); upper.append(nanOffset); fractions.append(0)
            } else if virtualIndex >= Double(last) {
                lower.append(sorted[last]); upper.append(sorted[last]); fractions.append(0)
            } else {
                let previous = virtualIndex.rounded(.down)
                let position = Int(previous)
                lower.append(sorted[position]); upper.append(sorted[position + 1])
                fractions.append(virtualIndex - previous)
            }
        }
        return QuantileInterpolation(shape: shape, lowerOffsets: lower, upperOffsets: upper, fractions: fractions)
    }

    /// Positions that sort the elements ascending; equal elements keep their order and nan sorts last.
    public func argsortAscending() -> [Int] {
        Self.stableAscendingOrder(of: scalars)
    }

    /// The flat offsets of each slice a quantile reduces, and the result's shape.
    private func quantileSlices(axis: Int?) throws -> (slices: [[Int]], shape: [Int]) {
        let split = try AxisSplit(shape: shape, axis: axis)
        guard split.length > 0 else {
            throw TensorError(axis == nil ? "quantile of an empty tensor" : "quantile along an empty axis")
        }
        var slices: [[Int]] = []
        for block in 0..<split.outer {
            for lane in 0..<split.inner {
                slices.append((0..<split.length).map { (block * split.length + $0) * split.inner + lane })
            }
        }
        return (slices, split.reducedShape(keepDims: false))
    }

    private static func stableAscendingOrder(of values: [Double]) -> [Int] {
        values.indices.sorted { left, right in
            let a = values[left], b = values[right]
            if a.isNaN || b.isNaN {
                return a.isNaN == b.isNaN ? left < right : b.isNaN
            }
            return a < b || (a == b && left < right)
        }
    }

    /// NumPy's `_lerp`: exact at both ends, computed from the nearer one.
    private static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
