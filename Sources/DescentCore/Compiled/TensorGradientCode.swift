import DescentTensor

/// The backward pass of tensor code, in the tape's order: instructions in reverse, each
/// input's share computed from the result's adjoint with the tape's formulas, summed back
/// to the input's shape where it was broadcast, and stored or added into its adjoint.
struct TensorGradientCode {
    var instructions: [TensorGradientInstruction] = []

    /// `registers` and `adjoints` hold each register's buffer and its adjoint's.
    ///
    /// - Throws: `TensorError` when a stop interrupts a long matrix product.
    func run(
        _ registers: UnsafePointer<UnsafeMutablePointer<Double>>, adjoints: UnsafePointer<UnsafeMutablePointer<Double>>,
        plans: TensorPlanTable
    ) throws {
        try instructions.withUnsafeBufferPointer { buffer in
            guard let first = buffer.baseAddress else { return }
            // Fields are read through a pointer: copying a whole instruction each time
            // costs more than the step's arithmetic on single numbers.
            for index in 0..<buffer.count {
                try run(first + index, registers, adjoints: adjoints, plans: plans)
            }
        }
    }

    /// One instruction of `run`.
    private func run(
        _ instruction: UnsafePointer<TensorGradientInstruction>, _ registers: UnsafePointer<UnsafeMutablePointer<Double>>,
        adjoints: UnsafePointer<UnsafeMutablePointer<Double>>, plans: TensorPlanTable
    ) throws {
        let g = UnsafePointer(adjoints[instruction.pointee.result])
        let target = adjoints[instruction.pointee.target]
        let share = instruction.pointee.share < 0 ? target : registers[instruction.pointee.share]
        var source = UnsafePointer(share)
        switch instruction.pointee.rule {
        case .identity:
            source = g
        case .left(let formula, let plan), .right(let formula, let plan):
            if instruction.pointee.shareCount == 1 {
                // Single numbers: the formula at one element, without the loops.
                let (x, y) = (registers[instruction.pointee.left][0], registers[instruction.pointee.right][0])
                share[0] = formula.apply(g[0], x, y, registers[instruction.pointee.result][0])
            } else {
                Self.elementwise(plans.broadcasts[plan], g, registers, instruction.pointee, into: share, formula)
            }
        case .unary(let operation):
            Self.unary(
                operation, g, x: registers[instruction.pointee.left], y: registers[instruction.pointee.result],
                count: instruction.pointee.shareCount, into: share)
        case .expandSum(let split):
            Self.expand(g, over: plans.splits[split], mean: false, into: share)
        case .expandMean(let split):
            Self.expand(g, over: plans.splits[split], mean: true, into: share)
        case .productLeft(let plan):
            try plans.products[plan].run(g, registers[instruction.pointee.right], into: share)
        case .productRight(let plan):
            try plans.products[plan].run(registers[instruction.pointee.left], g, into: share)
        case .transpose(let rows, let columns):
            TensorCode.transpose(g, rows: columns, columns: rows, into: share)
        }
        if instruction.pointee.sum >= 0 {
            let summed = instruction.pointee.summed < 0 ? target : registers[instruction.pointee.summed]
            plans.sums[instruction.pointee.sum].run(source, into: summed)
            source = UnsafePointer(summed)
        }
        if instruction.pointee.accumulates {
            for index in 0..<instruction.pointee.targetCount { target[index] = target[index] + source[index] }
        } else if source != UnsafePointer(target) {
            target.update(from: source, count: instruction.pointee.targetCount)
        }
    }

    /// A lane's gradient at every position of the lane (`g.expanded(over:)`), divided by
    /// the lane's length for a mean (`divided(by:)`).
    private static func expand(_ g: UnsafePointer<Double>, over split: Lanes, mean: Bool, into share: UnsafeMutablePointer<Double>) {
        let divisor = mean ? Double(split.length) : nil
        for block in 0..<split.outer {
            for k in 0..<split.length {
                let row = share + (block * split.length + k) * split.inner
                let lanes = g + block * split.inner
                if let divisor {
                    for lane in 0..<split.inner { row[lane] = lanes[lane] / divisor }
                } else {
                    for lane in 0..<split.inner { row[lane] = lanes[lane] }
                }
            }
        }
    }

    /// `g * f'(x)` per element, the tape's unary rule; tanh and sigmoid, a network's
    /// layers, in loops of their own.
    private static func unary(
        _ operation: UnaryOperation, _ g: UnsafePointer<Double>, x: UnsafePointer<Double>, y: UnsafePointer<Double>, count: Int,
        into share: UnsafeMutablePointer<Double>
    ) {
        switch operation {
        case .tanh: for index in 0..<count { share[index] = g[index] * (1 - y[index] * y[index]) }
        case .sigmoid: for index in 0..<count { share[index] = g[index] * (y[index] * (1 - y[index])) }
        default: for index in 0..<count { share[index] = g[index] * operation.derivative(x[index], y[index]) }
        }
    }

    /// An elementwise operation's backward formula over the result's shape, each operand
    /// read through the forward pass's broadcast plan.
    private static func elementwise(
        _ plan: BroadcastPlan, _ g: UnsafePointer<Double>, _ registers: UnsafePointer<UnsafeMutablePointer<Double>>,
        _ instruction: TensorGradientInstruction, into share: UnsafeMutablePointer<Double>, _ formula: GradientFormula
    ) {
        switch formula {
        case .negated: run(plan, g, registers, instruction, share, Negated())
        case .timesRight: run(plan, g, registers, instruction, share, TimesRight())
        case .timesLeft: run(plan, g, registers, instruction, share, TimesLeft())
        case .powerLeft: run(plan, g, registers, instruction, share, PowerLeft())
        case .left(let operation): run(plan, g, registers, instruction, share, OperationLeft(operation: operation))
        case .right(let operation): run(plan, g, registers, instruction, share, OperationRight(operation: operation))
        }
    }

    private static func run<Formula: ElementGradient>(
        _ plan: BroadcastPlan, _ g: UnsafePointer<Double>, _ registers: UnsafePointer<UnsafeMutablePointer<Double>>,
        _ instruction: TensorGradientInstruction, _ share: UnsafeMutablePointer<Double>, _ formula: Formula
    ) {
        let (left, right, value) = (registers[instruction.left], registers[instruction.right], registers[instruction.result])
        let (rowLength, leftStep, rightStep) = (plan.rowLength, plan.leftStep, plan.rightStep)
        for row in 0..<plan.rowCount {
            let start = row * rowLength
            let x = left + row * plan.leftRowStride
            let y = right + row * plan.rightRowStride
            for column in 0..<rowLength {
                let index = start + column
                share[index] = formula.apply(g[index], x[column * leftStep], y[column * rightStep], value[index])
            }
        }
    }
}

/// Which backward formula an elementwise operation's input takes.
enum GradientFormula {
    case negated, timesRight, timesLeft, powerLeft
    case left(ElementwiseOperation)
    case right(ElementwiseOperation)

    /// The formula at one element, as the loops apply it.
    func apply(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double {
        switch self {
        case .negated: Negated().apply(g, x, y, value)
        case .timesRight: TimesRight().apply(g, x, y, value)
        case .timesLeft: TimesLeft().apply(g, x, y, value)
        case .powerLeft: PowerLeft().apply(g, x, y, value)
        case .left(let operation): operation.leftGradient(g, x, y, value)
        case .right(let operation): operation.rightGradient(g, x, y, value)
        }
    }

    /// The formula of the left operand of `operation`.
    static func ofLeft(_ operation: ElementwiseOperation) -> GradientFormula {
        switch operation {
        case .multiply: .timesRight
        case .power: .powerLeft
        default: .left(operation)
        }
    }

    /// The formula of the right operand of `operation`.
    static func ofRight(_ operation: ElementwiseOperation) -> GradientFormula {
        switch operation {
        case .subtract: .negated
        case .multiply: .timesLeft
        default: .right(operation)
        }
    }
}

/// One input's share of an elementwise operation's gradient, from the output gradient
/// `g`, the operands `x` and `y` and the output `value`: `ElementwiseOperation`'s
/// formulas, with the common ones as types of their own so their loops are specialised.
private protocol ElementGradient {
    func apply(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double
}

private struct Negated: ElementGradient {
    func apply(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double { -g }
}

private struct TimesRight: ElementGradient {
    func apply(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double { g * y }
}

private struct TimesLeft: ElementGradient {
    func apply(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double { g * x }
}

private struct PowerLeft: ElementGradient {
    func apply(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double { g * y * powerBelow(x, y) }
}

private struct OperationLeft: ElementGradient {
    let operation: ElementwiseOperation
    func apply(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double { operation.leftGradient(g, x, y, value) }
}

private struct OperationRight: ElementGradient {
    let operation: ElementwiseOperation
    func apply(_ g: Double, _ x: Double, _ y: Double, _ value: Double) -> Double { operation.rightGradient(g, x, y, value) }
}
