import DescentTensor

extension Tape {
    /// A reduction over all elements (`axis == nil`) or along `axis`; `keepDims` keeps the
    /// reduced axes with extent 1. argmax and argmin give constants.
    ///
    /// max and min split the gradient evenly among tied extremes, as JAX and PyTorch do;
    /// norm's gradient is `x / norm`, taken as 0 where the norm is 0.
    /// - Throws: `TensorError` for an out-of-bounds axis or an empty max, min, argmax, argmin.
    public func reduce(_ reduction: Reduction, _ a: Var, axis: Int?, keepDims: Bool) throws -> Var {
        let value = try a.value.reduced(reduction, axis: axis, keepDims: keepDims)
        guard reduction.isDifferentiable, isTraced(a) else { return Var(value) }
        let x = a.value
        let split = try AxisSplit(shape: x.shape, axis: axis)
        switch reduction {
        case .sum:
            return record(value, inputs: [a]) { g in [g.expanded(over: split)] }
        case .mean:
            let length = Double(split.length)
            return record(value, inputs: [a]) { g in [g.expanded(over: split).divided(by: length)] }
        case .max, .min:
            return record(value, inputs: [a]) { g in
                let extreme = value.expanded(over: split)
                let ties = zipGradient(x, extreme) { x, extreme in x == extreme ? 1 : 0 }
                let tieCounts = ties.laneSums(split).expanded(over: split)
                return [zipGradient(g.expanded(over: split), ties, tieCounts) { g, tie, count in tie == 0 ? 0 : g / count }]
            }
        case .norm:
            return record(value, inputs: [a]) { g in
                let norms = value.expanded(over: split)
                return [zipGradient(g.expanded(over: split), x, norms) { g, x, norm in norm == 0 ? 0 : g * x / norm }]
            }
        case .argmax, .argmin:
            return Var(value)
        }
    }
}
