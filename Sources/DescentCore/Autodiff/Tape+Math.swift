import DescentTensor
import Foundation

extension Tape {
    /// A unary elementwise function; `sign`, `floor` and `logicalNot` give constants.
    public func unary(_ operation: UnaryOperation, _ a: Var) -> Var {
        let value = a.value.applying(operation)
        guard operation.isDifferentiable, isTraced(a) else { return Var(value) }
        let x = a.value
        /// Records `value` with the backward rule `g * derivative(x, value)`.
        func recordDerivative(_ derivative: @escaping (_ x: Double, _ y: Double) -> Double) -> Var {
            record(value, inputs: [a]) { g in [zipGradient(g, x, value) { g, x, y in g * derivative(x, y) }] }
        }
        switch operation {
        case .negate: return recordDerivative { _, _ in -1 }
        case .exp: return recordDerivative { _, y in y }
        case .log: return recordDerivative { x, _ in 1 / x }
        case .sqrt: return recordDerivative { _, y in 0.5 / y }
        case .abs: return recordDerivative { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) }
        case .tanh: return recordDerivative { _, y in 1 - y * y }
        case .sigmoid: return recordDerivative { _, y in y * (1 - y) }
        case .relu: return recordDerivative { x, _ in x > 0 ? 1 : 0 }
        case .softplus: return recordDerivative { x, _ in x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x)) }
        case .square: return recordDerivative { x, _ in 2 * x }
        case .sin: return recordDerivative { x, _ in cos(x) }
        case .cos: return recordDerivative { x, _ in -sin(x) }
        case .sign, .floor, .logicalNot: return Var(value)
        }
    }
}
