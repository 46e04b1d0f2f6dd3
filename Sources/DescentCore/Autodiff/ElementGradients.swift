import DescentTensor
import Foundation

/// The per-element backward rules of the unary functions, shared by the tape (which
/// applies them across tensors) and the scalar step program (which applies them to single
/// numbers), so both give the same bits.
extension UnaryOperation {
    /// The derivative at `x`, where `y` is the function's value there. The piecewise-
    /// constant functions (`isDifferentiable` false) give constants and are never asked.
    func derivative(_ x: Double, _ y: Double) -> Double {
        switch self {
        case .negate: -1
        case .exp: y
        case .log: 1 / x
        case .sqrt: 0.5 / y
        case .abs: x > 0 ? 1 : (x < 0 ? -1 : 0)
        case .tanh: 1 - y * y
        case .sigmoid: y * (1 - y)
        case .relu: x > 0 ? 1 : 0
        case .softplus: x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
        case .square: 2 * x
        case .sin: Foundation.cos(x)
        case .cos: -Foundation.sin(x)
        case .sign, .floor, .logicalNot: 0
        }
    }
}

/// The per-element backward rules of the binary operations for single numbers, as the
/// scalar step program applies them. `Tape.binary` writes the same formulas over
/// broadcast tensors, skipping the loops where a gradient passes through unchanged;
/// `CompiledTrainingTests` check that both give the same bits. Comparisons and logical
/// operations give constants and are never asked.
extension ElementwiseOperation {
    /// The gradient reaching the left operand `x` from the output gradient `g`, where `y`
    /// is the right operand and `value` the output.
    func leftGradient(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double {
        switch self {
        case .add, .subtract, .modulo: g
        case .multiply: g * y
        case .divide: g / y
        case .power: g * y * powerBelow(x, y)
        case .maximum: g * winnerShare(x, y)
        case .minimum: g * winnerShare(-x, -y)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .and, .or: 0
        }
    }

    /// The gradient reaching the right operand `y`; as `leftGradient`.
    func rightGradient(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double {
        switch self {
        case .add: g
        case .subtract: -g
        case .multiply: g * x
        case .divide: -g * x / (y * y)
        // a % b == a - b * floor(a / b), and floor is flat almost everywhere.
        case .modulo: -g * (x / y).rounded(.down)
        // a^b * log(a) is taken as 0 at a == 0, where a^b is flat in b for b > 0.
        case .power: x == 0 ? 0 : g * value * log(x)
        case .maximum: g * winnerShare(y, x)
        case .minimum: g * winnerShare(-y, -x)
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .and, .or: 0
        }
    }
}

/// `pow(x, y - 1)`, the factor of the power rule; for the common square it is `x`
/// itself, which is what `pow(x, 1)` returns, without the call.
@inline(__always)
func powerBelow(_ x: Double, _ y: Double) -> Double {
    y == 2 ? x : pow(x, y - 1)
}

/// The share of the gradient `mine` gets in `maximum(mine, other)`: all when larger, half
/// on a tie, none otherwise (and none when either is NaN).
@inline(__always)
private func winnerShare(_ mine: Double, _ other: Double) -> Double {
    if mine > other { return 1 }
    return mine == other ? 0.5 : 0
}
