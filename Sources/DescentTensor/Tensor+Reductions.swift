/// A reduction over all elements or along one axis.
public enum Reduction: Sendable, CaseIterable {
    case sum, mean, max, min
    /// The Euclidean (Frobenius) norm of the reduced elements.
    case norm
    /// The position of the largest (smallest) element along the axis, or in the flattened
    /// tensor when there is no axis; the first one on ties, as a Double.
    case argmax, argmin

    /// The name used in messages (`cannot take the max of an empty tensor`).
    public var name: String {
        switch self {
        case .sum: "sum"
        case .mean: "mean"
        case .max: "max"
        case .min: "min"
        case .norm: "norm"
        case .argmax: "argmax"
        case .argmin: "argmin"
        }
    }

    /// Whether gradients flow through the reduction; argmax and argmin give constants.
    public var isDifferentiable: Bool {
        switch self {
        case .argmax, .argmin: false
        default: true
        }
    }
}

extension Tensor {
    /// Reduces over all elements (`axis == nil`, giving a scalar) or along `axis`
    /// (negative counts from the end); `keepDims` keeps the reduced axes with extent 1.
    ///
    /// The sum of nothing is 0 and the mean of nothing is NaN, as in NumPy.
    /// - Throws: `TensorError` for an out-of-bounds axis, or for max, min, argmax or
    ///   argmin over an empty axis.
    public func reduced(_ reduction: Reduction, axis: Int?, keepDims: Bool = false) throws -> Tensor {
        let split = try AxisSplit(shape: shape, axis: axis)
        let resultShape = split.reducedShape(keepDims: keepDims)
        if split.length == 0 && [.max, .min, .argmax, .argmin].contains(reduction) {
            throw TensorError("cannot take the \(reduction.name) of an empty tensor")
        }
        let values: [Double]
        switch reduction {
        case .sum:
            values = foldLanes(split, identity: 0, AddFunction.self)
        case .mean:
            let length = Double(split.length)
            values = foldLanes(split, identity: 0, AddFunction.self).map { $0 / length }
        case .max:
            values = foldLanes(split, identity: nil, MaximumFunction.self)
        case .min:
            values = foldLanes(split, identity: nil, MinimumFunction.self)
        case .norm:
            values = foldLanes(split, identity: 0, AddSquareFunction.self).map { $0.squareRoot() }
        case .argmax:
            values = bestIndexInLanes(split) { $0 > $1 }
        case .argmin:
            values = bestIndexInLanes(split) { $0 < $1 }
        }
        return Tensor(shape: resultShape, scalars: values)
    }
}

/// A running sum of squares, for the norm.
private enum AddSquareFunction: BinaryScalarFunction {
    static func apply(_ total: Double, _ x: Double) -> Double { total + x * x }
}
