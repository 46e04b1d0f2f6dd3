import DescentTensor

/// One operation of scalar code: registers hold single numbers.
struct ScalarInstruction {
    enum Operation {
        // The arithmetic of most losses and rules, run without a call: IEEE operations,
        // the same bits as `ElementwiseOperation.apply`.
        case add, subtract, multiply, divide
        /// `left ^ 2` where the exponent is the literal 2: `left * left`, as `elementwise` does.
        case square
        case binary(ElementwiseOperation)
        case unary(UnaryOperation)
        /// `result = left`.
        case copy
    }

    let operation: Operation
    let result: Int
    let left: Int
    var right = 0
}

/// One backward rule applied to numbers: the gradient one input of an instruction gets
/// from the gradient of its result, stored or added into the input's adjoint.
struct ScalarGradientInstruction {
    enum Rule {
        /// The gradient passes unchanged (`a + b`, the left of `a - b`).
        case identity
        /// The right of `a - b`.
        case negated
        /// The left of `a * b`: `g * b`.
        case timesRight
        /// The right of `a * b`: `g * a`.
        case timesLeft
        /// The left of `a ^ 2` with the literal 2: `g * 2 * a`, the power rule's bits.
        case squareLeft
        case unary(UnaryOperation)
        case left(ElementwiseOperation)
        case right(ElementwiseOperation)
    }

    let rule: Rule
    /// The instruction's result, whose adjoint is the incoming gradient.
    let result: Int
    let left: Int
    let right: Int
    /// The input receiving the gradient.
    let target: Int
    /// Whether the target already has an adjoint to add to (the tape's `existing + new`).
    let accumulates: Bool
}

/// Straight-line code over a register file, run without allocating.
struct ScalarCode {
    var instructions: [ScalarInstruction] = []

    func run(_ registers: UnsafeMutablePointer<Double>) {
        for instruction in instructions {
            let left = registers[instruction.left]
            let result: Double
            switch instruction.operation {
            case .add: result = left + registers[instruction.right]
            case .subtract: result = left - registers[instruction.right]
            case .multiply: result = left * registers[instruction.right]
            case .divide: result = left / registers[instruction.right]
            case .square: result = left * left
            case .binary(let operation): result = operation.apply(left, registers[instruction.right])
            case .unary(let operation): result = operation.apply(left)
            case .copy: result = left
            }
            registers[instruction.result] = result
        }
    }
}

/// The backward pass of scalar code, in the tape's order: instructions in reverse, each
/// input's share computed from the result's adjoint and accumulated with `+`.
struct ScalarGradientCode {
    var instructions: [ScalarGradientInstruction] = []

    func run(_ registers: UnsafePointer<Double>, adjoints: UnsafeMutablePointer<Double>) {
        for instruction in instructions {
            let g = adjoints[instruction.result]
            let (x, y, value) = (registers[instruction.left], registers[instruction.right], registers[instruction.result])
            let share: Double
            switch instruction.rule {
            case .identity: share = g
            case .negated: share = -g
            case .timesRight: share = g * y
            case .timesLeft: share = g * x
            case .squareLeft: share = g * 2 * x
            case .unary(let operation): share = g * operation.derivative(x, value)
            case .left(let operation): share = operation.leftGradient(g, x, y, value)
            case .right(let operation): share = operation.rightGradient(g, x, y, value)
            }
            if instruction.accumulates {
                adjoints[instruction.target] = adjoints[instruction.target] + share
            } else {
                adjoints[instruction.target] = share
            }
        }
    }
}
