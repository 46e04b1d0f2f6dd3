import DescentTensor
import Foundation

extension Tape {
    /// `softmax(a)` along `axis`; the gradient is `s * (g - sum(g * s))` per lane.
    ///
    /// - Throws: `TensorError` for an out-of-bounds axis.
    public func softmax(_ a: Var, axis: Int) throws -> Var {
        let value = try a.value.softmax(axis: axis)
        guard isTraced(a) else { return Var(value) }
        let split = try AxisSplit(shape: a.value.shape, axis: axis)
        return record(value, inputs: [a]) { g in
            let weighted = zipGradient(g, value) { g, s in g * s }
            let laneTotals = weighted.laneSums(split).expanded(over: split)
            return [zipGradient(g, value, laneTotals) { g, s, total in s * (g - total) }]
        }
    }

    /// `log(sum(exp(a)))` over all elements (`axis == nil`) or along `axis`, computed
    /// stably; the gradient is the softmax of `a` over the same elements.
    ///
    /// - Throws: `TensorError` for an out-of-bounds axis.
    public func logsumexp(_ a: Var, axis: Int?) throws -> Var {
        let value = try a.value.logsumexp(axis: axis)
        guard isTraced(a) else { return Var(value) }
        let x = a.value
        let split = try AxisSplit(shape: x.shape, axis: axis)
        return record(value, inputs: [a]) { g in
            [zipGradient(g.expanded(over: split), x, value.expanded(over: split)) { g, x, total in g * exp(x - total) }]
        }
    }
}
