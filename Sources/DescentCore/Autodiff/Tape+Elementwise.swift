import DescentTensor
import Foundation

extension Tape {
    /// `a <op> b` elementwise with NumPy broadcasting; each input's gradient is summed
    /// back to its own shape. Comparisons and logical operations give constants.
    ///
    /// - Throws: `TensorError` when the shapes do not broadcast.
    public func binary(_ operation: ElementwiseOperation, _ a: Var, _ b: Var) throws -> Var {
        let value = try a.value.elementwise(operation, b.value)
        guard operation.isDifferentiable, isTraced(a, b) else { return Var(value) }
        let (x, y) = (a.value, b.value)
        let (needsX, needsY) = (a.node != nil, b.node != nil)
        /// Runs `rule` only for an input that needs a gradient, then sums it to `shape`.
        func gradient(_ needed: Bool, _ shape: [Int], _ rule: () -> Tensor) -> Tensor {
            needed ? rule().summed(toShape: shape) : ignoredGradient
        }
        switch operation {
        case .add:
            return record(value, inputs: [a, b]) { g in
                [gradient(needsX, x.shape) { g }, gradient(needsY, y.shape) { g }]
            }
        case .subtract:
            return record(value, inputs: [a, b]) { g in
                [gradient(needsX, x.shape) { g }, gradient(needsY, y.shape) { zipGradient(g, y) { g, _ in -g } }]
            }
        case .multiply:
            return record(value, inputs: [a, b]) { g in
                [
                    gradient(needsX, x.shape) { zipGradient(g, y) { g, y in g * y } },
                    gradient(needsY, y.shape) { zipGradient(g, x) { g, x in g * x } },
                ]
            }
        case .divide:
            return record(value, inputs: [a, b]) { g in
                [
                    gradient(needsX, x.shape) { zipGradient(g, y) { g, y in g / y } },
                    gradient(needsY, y.shape) { zipGradient(g, x, y) { g, x, y in -g * x / (y * y) } },
                ]
            }
        case .modulo:
            // a % b == a - b * floor(a / b), and floor is flat almost everywhere.
            return record(value, inputs: [a, b]) { g in
                [
                    gradient(needsX, x.shape) { g },
                    gradient(needsY, y.shape) { zipGradient(g, x, y) { g, x, y in -g * (x / y).rounded(.down) } },
                ]
            }
        case .power:
            return record(value, inputs: [a, b]) { g in
                [
                    gradient(needsX, x.shape) { zipGradient(g, x, y) { g, x, y in g * y * powerBelow(x, y) } },
                    // a^b * log(a) is taken as 0 at a == 0, where a^b is flat in b for b > 0.
                    gradient(needsY, y.shape) { zipGradient(g, x, value) { g, x, power in x == 0 ? 0 : g * power * log(x) } },
                ]
            }
        case .maximum, .minimum:
            // The larger (smaller) operand takes the gradient; ties share it evenly.
            let sign: Double = operation == .maximum ? 1 : -1
            return record(value, inputs: [a, b]) { g in
                [
                    gradient(needsX, x.shape) { zipGradient(g, x, y) { g, x, y in g * winnerShare(sign * x, sign * y) } },
                    gradient(needsY, y.shape) { zipGradient(g, y, x) { g, y, x in g * winnerShare(sign * y, sign * x) } },
                ]
            }
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .and, .or:
            return Var(value)
        }
    }
}

/// The share of the gradient `mine` gets in `maximum(mine, other)`: all when larger, half
/// on a tie, none otherwise (and none when either is NaN).
@inline(__always)
private func winnerShare(_ mine: Double, _ other: Double) -> Double {
    if mine > other { return 1 }
    return mine == other ? 0.5 : 0
}
