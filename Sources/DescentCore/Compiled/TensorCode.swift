import DescentTensor

/// One operation of tensor code: registers are buffers of fixed shapes, planned once for
/// a run, and each operation runs the kernel the tensor operation runs, so the bits are
/// the tape's. Plans are named by their index in the run's `TensorPlans`.
struct TensorInstruction {
    enum Operation {
        case binary(ElementwiseOperation, broadcast: Int)
        case unary(UnaryOperation)
        case matmul(product: Int)
        case sum(split: Int)
        case mean(split: Int)
        /// A matrix's transpose (`rows × columns` in), or a copy of a vector or number.
        case transpose(rows: Int, columns: Int)
        /// `result = left`.
        case copy
    }

    let operation: Operation
    var result: Int
    let left: Int
    /// The right operand of a binary operation or product; unused by the others.
    var right = 0
    /// The number of elements of `result`.
    let count: Int

    /// Whether the instruction reads `register`.
    func reads(_ register: Int) -> Bool {
        switch operation {
        case .binary, .matmul: left == register || right == register
        case .unary, .sum, .mean, .transpose, .copy: left == register
        }
    }
}

/// One backward rule of tensor code: the gradient one input of an instruction gets from
/// the gradient of its result, stored or added into the input's adjoint, as the tape's
/// `gradients(of:at:)` does.
struct TensorGradientInstruction {
    enum Rule {
        /// The gradient passes unchanged (`a + b`, the left of `a - b`, a copy).
        case identity
        case left(GradientFormula, broadcast: Int)
        case right(GradientFormula, broadcast: Int)
        case unary(UnaryOperation)
        /// Each lane's gradient spread over the lane (`sum`), and divided by its length (`mean`).
        case expandSum(split: Int)
        case expandMean(split: Int)
        /// `G @ Bᵀ` and `Aᵀ @ G` of a product `A @ B`.
        case productLeft(product: Int)
        case productRight(product: Int)
        case transpose(rows: Int, columns: Int)
    }

    let rule: Rule
    /// The instruction's result, whose adjoint is the incoming gradient, and its operands.
    let result: Int
    let left: Int
    let right: Int
    /// The register receiving the gradient, and the number of its elements.
    let target: Int
    let targetCount: Int
    /// The elements of the rule's output: the instruction's result's (an elementwise rule)
    /// or the target's.
    let shareCount: Int
    /// Where the rule writes its output: a scratch register, or `-1` for the target's
    /// adjoint (its first gradient, needing no sum) and for `identity`, which writes nothing.
    let share: Int
    /// The broadcast sum taking a broadcast operand's gradient back to its shape (`-1`:
    /// none), into `summed` (`-1`: the target's adjoint, when this is its first gradient).
    let sum: Int
    let summed: Int
    /// Whether the target already has an adjoint to add to (the tape's `existing + new`).
    let accumulates: Bool
}

/// Straight-line code over tensor registers; `registers[r]` is register `r`'s buffer.
struct TensorCode {
    var instructions: [TensorInstruction] = []

    /// - Throws: `TensorError` when a stop interrupts a long matrix product.
    func run(_ registers: UnsafePointer<UnsafeMutablePointer<Double>>, plans: TensorPlanTable) throws {
        try instructions.withUnsafeBufferPointer { buffer in
            guard let first = buffer.baseAddress else { return }
            // Fields are read through a pointer: copying a whole instruction each time
            // costs more than the step's arithmetic on single numbers.
            for index in 0..<buffer.count { try Self.run(first + index, registers, plans: plans) }
        }
    }

    /// One instruction of `run`.
    private static func run(
        _ instruction: UnsafePointer<TensorInstruction>, _ registers: UnsafePointer<UnsafeMutablePointer<Double>>,
        plans: TensorPlanTable
    ) throws {
        let output = registers[instruction.pointee.result]
        let left = registers[instruction.pointee.left]
        let count = instruction.pointee.count
        switch instruction.pointee.operation {
        case .binary(let operation, _) where count == 1:
            // Two single numbers: the operation's scalar form gives the same bits.
            output[0] = operation.apply(left[0], registers[instruction.pointee.right][0])
        case .binary(let operation, let plan): plans.broadcasts[plan].apply(operation, left, registers[instruction.pointee.right], into: output)
        case .unary(let operation): operation.apply(left, count: count, into: output)
        case .matmul(let plan): try plans.products[plan].run(left, registers[instruction.pointee.right], into: output)
        case .sum(let split): plans.splits[split].sumLanes(left, into: output)
        case .mean(let split): plans.splits[split].meanLanes(left, into: output)
        case .transpose(let rows, let columns): transpose(left, rows: rows, columns: columns, into: output)
        case .copy: output.update(from: left, count: count)
        }
    }

    /// `output[c, r] = source[r, c]`, as `Tensor.transposed` copies a matrix.
    static func transpose(_ source: UnsafePointer<Double>, rows: Int, columns: Int, into output: UnsafeMutablePointer<Double>) {
        for row in 0..<rows {
            for column in 0..<columns { output[column * rows + row] = source[row * columns + column] }
        }
    }
}
