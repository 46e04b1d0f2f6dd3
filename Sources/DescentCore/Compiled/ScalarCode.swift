import DescentTensor

/// One operation of scalar code: registers hold single numbers.
struct ScalarInstruction {
    enum Operation {
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
            switch instruction.operation {
            case .binary(let operation):
                registers[instruction.result] = operation.apply(left, registers[instruction.right])
            case .unary(let operation):
                registers[instruction.result] = operation.apply(left)
            case .copy:
                registers[instruction.result] = left
            }
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
