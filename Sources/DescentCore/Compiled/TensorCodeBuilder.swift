import DescentSyntax
import DescentTensor

/// Turns expressions into `TensorCode` over registers of fixed shapes, or answers `nil`
/// when one is outside the subset: indexing, lists, a builtin other than the one-tensor
/// math functions, `sum`/`mean` of everything, `zeros_like` and `ones_like`, a function
/// with a block body or recursion, or shapes that do not fit (the tree walker then
/// reports the error).
///
/// Evaluation order, kernels and backward rules are the tape's, so the bits are the same.
final class TensorCodeBuilder: CodeBuilding {
    let interpreter: Interpreter
    /// Each register's shape.
    private(set) var shapes: [[Int]] = []
    /// The values registers hold when a run starts: numbers in the source, globals and
    /// hyper-parameters (which nothing writes), params and saved states.
    private(set) var initialValues: [Int: [Double]] = [:]
    /// Whether each register depends on a param of the loss, so gradients flow into it.
    private(set) var traced: [Bool] = []
    /// Where instructions go; a rule swaps in one list per `state` line and one for its body.
    var code = TensorCode()
    /// The plans every instruction of the run names.
    var plans = TensorPlans()
    /// Names read from registers: a rule's names, an inlined function's parameters.
    var names: [String: Int] = [:]
    /// Globals read from registers because they change between steps (params, data).
    var globalNames: [String: Int] = [:]
    /// Globals that change during a run but have no register (params, in a rule).
    let changingGlobals: Set<String>
    /// The deepest nesting of inlined calls, which the call-depth limit must allow.
    var deepestInlining = 0
    var inlining: [String] = []

    init(interpreter: Interpreter, changingGlobals: Set<String>) {
        self.interpreter = interpreter
        self.changingGlobals = changingGlobals
    }

    /// A new register of `shape`, holding `initialValue` when the run starts if given.
    func register(_ shape: [Int], holding initialValue: [Double]? = nil, traced isTraced: Bool = false) -> Int {
        shapes.append(shape)
        traced.append(isTraced)
        if let initialValue { initialValues[shapes.count - 1] = initialValue }
        return shapes.count - 1
    }

    /// The number of elements of a register.
    func count(_ register: Int) -> Int { shapes[register].reduce(1, *) }

    /// Emits code computing `expression`; returns the register holding its value.
    func emit(_ expression: Expr) -> Int? {
        switch expression.kind {
        case .number(let number):
            return register([], holding: [number])
        case .identifier(let name):
            return emitName(name)
        case .unary(let op, let operand):
            guard let operand = emit(operand) else { return nil }
            switch op {
            case .negate: return emitUnary(.negate, operand)
            case .plus: return operand
            case .not: return emitUnary(.logicalNot, operand)
            }
        case .binary(let op, let left, let right, _):
            guard let left = emit(left), let right = emit(right) else { return nil }
            guard let operation = op.elementwiseOperation else { return emitProduct(left, right) }
            guard let plan = try? BroadcastPlan(operation, shapes[left], shapes[right]),
                let shape = Tensor.broadcastShape(shapes[left], shapes[right])
            else { return nil }
            return emit(.binary(operation, broadcast: plans.add(plan)), shape: shape, left, right, traces: operation.isDifferentiable)
        case .call(let callee, let arguments):
            return emitCall(callee, arguments)
        case .attribute(let base, let name, _) where name == "T":
            guard let base = emit(base) else { return nil }
            return emitTranspose(base)
        case .string, .list, .index, .attribute:
            return nil
        }
    }

    /// Appends an instruction writing a new register of `shape`, traced when `traces` and
    /// an operand is.
    func emit(_ operation: TensorInstruction.Operation, shape: [Int], _ left: Int, _ right: Int? = nil, traces: Bool = true) -> Int? {
        guard let count = ShapeValidation.elementCount(of: shape), count <= interpreter.limits.maxElements else { return nil }
        let isTraced = traces && (traced[left] || right.map { traced[$0] } ?? false)
        let result = register(shape, traced: isTraced)
        code.instructions.append(TensorInstruction(operation: operation, result: result, left: left, right: right ?? left, count: count))
        return result
    }

    private func emitUnary(_ operation: UnaryOperation, _ operand: Int) -> Int? {
        emit(.unary(operation), shape: shapes[operand], operand, traces: operation.isDifferentiable)
    }

    private func emitProduct(_ left: Int, _ right: Int) -> Int? {
        guard let plan = try? MatrixProductPlan(leftShape: shapes[left], rightShape: shapes[right]) else { return nil }
        return emit(.matmul(product: plans.add(plan)), shape: plan.resultShape, left, right)
    }

    private func emitTranspose(_ base: Int) -> Int? {
        let shape = shapes[base]
        guard shape.count <= 2 else { return nil }
        let rows = shape.count == 2 ? shape[0] : 1
        return emit(.transpose(rows: rows, columns: count(base) / max(rows, 1)), shape: shape.reversed(), base)
    }

    /// The builtins of one tensor argument the tensor code runs.
    func emitBuiltin(_ name: String, _ argument: Int) -> Int? {
        if let operation = MathBuiltins.unaryOperations[name] { return emitUnary(operation, argument) }
        let shape = shapes[argument]
        switch name {
        case "sum", "mean":
            guard let split = try? AxisSplit(shape: shape, axis: nil) else { return nil }
            let index = plans.add(split.lanes)
            return emit(name == "sum" ? .sum(split: index) : .mean(split: index), shape: [], argument)
        // The state initialisers of the prelude's optimizers.
        case "zeros_like": return register(shape, holding: [Double](repeating: 0, count: count(argument)))
        case "ones_like": return register(shape, holding: [Double](repeating: 1, count: count(argument)))
        default: return nil
        }
    }

    /// A tensor of any shape, held for the run.
    func register(constant value: Tensor) -> Int? {
        register(value.shape, holding: value.scalars)
    }

    func gradientRegister(for theta: Int) -> Int {
        register(shapes[theta])
    }
}
