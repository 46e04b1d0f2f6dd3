import Foundation

/// A unary elementwise function.
public enum UnaryOperation: Sendable, CaseIterable {
    case negate, exp, log, sqrt, abs
    /// -1, 0 or 1 (NaN stays NaN).
    case sign
    case tanh
    /// `1 / (1 + exp(-x))`, computed without overflow for large |x|.
    case sigmoid
    /// `max(x, 0)` (NaN stays NaN).
    case relu
    /// 1 where x is 0, else 0.
    case logicalNot
    /// `log(1 + exp(x))`, computed as `max(x, 0) + log1p(exp(-|x|))` so it never overflows.
    case softplus
    case square, sin, cos, floor

    /// Whether gradients flow through the function; `sign`, `floor` and `logicalNot` are
    /// piecewise constant and give constants.
    public var isDifferentiable: Bool {
        switch self {
        case .sign, .floor, .logicalNot: false
        default: true
        }
    }
}

extension Tensor {
    /// Applies `operation` to every element; NaN and infinities follow IEEE and NumPy.
    public func applying(_ operation: UnaryOperation) -> Tensor {
        // One specialised loop per case: the switch runs once, never per element.
        switch operation {
        case .negate: mapped { -$0 }
        case .exp: mapped { Foundation.exp($0) }
        case .log: mapped { Foundation.log($0) }
        case .sqrt: mapped { $0.squareRoot() }
        case .abs: mapped { Swift.abs($0) }
        case .sign: mapped(signum)
        case .tanh: mapped { Foundation.tanh($0) }
        case .sigmoid: mapped(stableSigmoid)
        case .relu: mapped { $0 > 0 || $0.isNaN ? $0 : 0 }
        case .logicalNot: mapped { $0 == 0 ? 1 : 0 }
        case .softplus: mapped(stableSoftplus)
        case .square: mapped { $0 * $0 }
        case .sin: mapped { Foundation.sin($0) }
        case .cos: mapped { Foundation.cos($0) }
        case .floor: mapped { $0.rounded(.down) }
        }
    }

    @inline(__always)
    private func mapped(_ body: (Double) -> Double) -> Tensor {
        Tensor(shape: shape, scalars: Tensor.map(scalars, count: count, body))
    }
}

/// -1, 0 or 1 by the sign of `x`; NaN stays NaN, as NumPy's `sign`.
@inline(__always)
func signum(_ x: Double) -> Double {
    if x > 0 { return 1 }
    if x < 0 { return -1 }
    return x.isNaN ? x : 0
}

/// The logistic function, evaluated on the side where `exp` cannot overflow.
@inline(__always)
func stableSigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
}

/// `log(1 + exp(x))` without overflow for large x or loss of precision for very negative x.
@inline(__always)
func stableSoftplus(_ x: Double) -> Double {
    (x > 0 ? x : 0) + log1p(exp(-Swift.abs(x)))
}
