import DescentTensor

extension Tape {
    /// The q-quantile of `a` over all elements or along `axis` (NumPy's linear method).
    ///
    /// Each result is a blend `(1 - f)·lower + f·upper` of two sorted neighbours, so the
    /// gradient goes to those two elements with weights `1 - f` and `f`.
    /// - Throws: `TensorError` when q is outside [0, 1], the axis is out of bounds or the
    ///   tensor is empty.
    public func quantile(_ a: Var, q: Double, axis: Int?) throws -> Var {
        let value = try a.value.quantile(q, axis: axis)
        guard isTraced(a) else { return Var(value) }
        let plan = try a.value.quantileInterpolation(q, axis: axis)
        let shape = a.value.shape
        return record(value, inputs: [a]) { g in
            var gradient = Tensor(repeating: 0, shape: shape)
            for (index, upstream) in g.scalars.enumerated() {
                let fraction = plan.fractions[index]
                gradient.scalars[plan.lowerOffsets[index]] += upstream * (1 - fraction)
                gradient.scalars[plan.upperOffsets[index]] += upstream * fraction
            }
            return [gradient]
        }
    }
}
