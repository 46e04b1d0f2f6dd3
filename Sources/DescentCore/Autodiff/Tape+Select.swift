import DescentTensor

extension Tape {
    /// `a` limited to `[min, max]` as NumPy's `clip` (the three broadcast together).
    ///
    /// `a` takes the gradient where `min <= a <= max` (inclusive); elsewhere the bound
    /// that produced the output takes it (`max` when the bounds cross).
    /// - Throws: `TensorError` when the shapes do not broadcast.
    public func clip(_ a: Var, min: Var, max: Var) throws -> Var {
        let value = try a.value.clipped(low: min.value, high: max.value)
        guard isTraced(a, min, max) else { return Var(value) }
        let (x, low, high) = (a.value, min.value, max.value)
        let needs = [a.node != nil, min.node != nil, max.node != nil]
        return record(value, inputs: [a, min, max]) { g in
            let owners = zipGradient(g, x, low, high) { _, x, low, high in Double(clipOwner(x, low, high).rawValue) }
            return [(0, x.shape), (1, low.shape), (2, high.shape)].map { input, shape in
                guard needs[input] else { return ignoredGradient }
                return zipGradient(g, owners) { g, owner in owner == Double(input) ? g : 0 }.summed(toShape: shape)
            }
        }
    }

    /// NumPy's `where`: `a` where `condition` is non-zero, else `b` (the three broadcast
    /// together). The gradient flows to the chosen branch; the condition gets none.
    ///
    /// - Throws: `TensorError` when the shapes do not broadcast.
    public func select(_ condition: Var, _ a: Var, _ b: Var) throws -> Var {
        let value = try Tensor.select(condition.value, a.value, b.value)
        guard isTraced(a, b) else { return Var(value) }
        let (mask, x, y) = (condition.value, a.value, b.value)
        let (needsX, needsY) = (a.node != nil, b.node != nil)
        return record(value, inputs: [a, b]) { g in
            [
                needsX ? zipGradient(g, mask) { g, chosen in chosen != 0 ? g : 0 }.summed(toShape: x.shape) : ignoredGradient,
                needsY ? zipGradient(g, mask) { g, chosen in chosen != 0 ? 0 : g }.summed(toShape: y.shape) : ignoredGradient,
            ]
        }
    }
}

/// Which input of `clip` an output element comes from.
private enum ClipOwner: Int {
    case value = 0, low = 1, high = 2, none = 3
}

/// The input whose change moves `clip(x, low, high)`; NaN inputs move nothing.
private func clipOwner(_ x: Double, _ low: Double, _ high: Double) -> ClipOwner {
    if low <= x && x <= high { return .value }
    if x < low { return low <= high ? .low : .high }
    if x > high { return .high }
    return .none
}
