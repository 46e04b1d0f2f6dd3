import DescentSyntax
import DescentTensor

/// Turns expressions whose every value is a single number into `ScalarCode`, or answers
/// `nil` when one is not: a tensor with an axis, a matrix product, indexing, a builtin
/// other than the one-number functions, a function with a block body or recursion.
///
/// Registers hold what the tree walker would hold in rank-0 tensors; evaluation order,
/// operations and backward rules are the tape's, so the bits are the same.
final class ScalarCodeBuilder: CodeBuilding {
    let interpreter: Interpreter
    /// Each register's value before the code runs: constants keep it, the rest are written.
    private(set) var initialValues: [Double] = []
    /// Whether each register depends on a param of the loss, so gradients flow into it.
    private(set) var traced: [Bool] = []
    /// Where instructions go; a rule swaps in one list per `state` line and one for its body.
    var code = ScalarCode()
    /// Names read from registers: a rule's names, an inlined function's parameters.
    var names: [String: Int] = [:]
    /// Globals read from registers because they change between steps (a loss's params).
    var globalNames: [String: Int] = [:]
    /// Globals that change during a run but have no register (params, in a rule).
    let changingGlobals: Set<String>
    /// Registers holding a number written in the source, by value; nothing writes them.
    private(set) var literals: [Int: Double] = [:]
    /// The deepest nesting of inlined calls, which the call-depth limit must allow.
    var deepestInlining = 0
    var inlining: [String] = []

    init(interpreter: Interpreter, changingGlobals: Set<String>) {
        self.interpreter = interpreter
        self.changingGlobals = changingGlobals
    }

    /// A new register.
    func register(_ initialValue: Double = 0, traced isTraced: Bool = false) -> Int {
        initialValues.append(initialValue)
        traced.append(isTraced)
        return initialValues.count - 1
    }

    /// Emits code computing `expression`; returns the register holding its value.
    func emit(_ expression: Expr) -> Int? {
        switch expression.kind {
        case .number(let number):
            let literal = register(number)
            literals[literal] = number
            return literal
        case .identifier(let name):
            return emitName(name)
        case .unary(let op, let operand):
            guard let operand = emit(operand) else { return nil }
            switch op {
            case .negate: return emit(.unary(.negate), operand)
            case .plus: return operand
            case .not: return emit(.unary(.logicalNot), operand)
            }
        case .binary(let op, let left, let right, _):
            guard let operation = op.elementwiseOperation, let left = emit(left), let right = emit(right) else {
                return nil
            }
            return emit(Self.instruction(for: operation, right: literals[right]), left, right)
        case .call(let callee, let arguments):
            return emitCall(callee, arguments)
        case .string, .list, .index, .attribute:
            return nil
        }
    }

    private func emit(_ operation: ScalarInstruction.Operation, _ left: Int, _ right: Int = 0) -> Int {
        let isTraced: Bool
        switch operation {
        case .add, .subtract, .multiply, .divide, .square: isTraced = traced[left] || traced[right]
        case .binary(let elementwise): isTraced = elementwise.isDifferentiable && (traced[left] || traced[right])
        case .unary(let unary): isTraced = unary.isDifferentiable && traced[left]
        case .copy: isTraced = traced[left]
        }
        let result = register(traced: isTraced)
        code.instructions.append(ScalarInstruction(operation: operation, result: result, left: left, right: right))
        return result
    }

    /// The one-number functions, and the state initialisers of the prelude's optimizers
    /// (a number's shape has no axes).
    func emitBuiltin(_ name: String, _ argument: Int) -> Int? {
        if let operation = MathBuiltins.unaryOperations[name] { return emit(.unary(operation), argument) }
        switch name {
        case "zeros_like": return register(0)
        case "ones_like": return register(1)
        default: return nil
        }
    }

    /// The instruction for `operation`, a dedicated one for the common arithmetic;
    /// `right` is the right operand's value when it is a literal.
    private static func instruction(for operation: ElementwiseOperation, right: Double?) -> ScalarInstruction.Operation {
        switch operation {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .power where right == 2: .square
        default: .binary(operation)
        }
    }

    /// A tensor that is a single number; `nil` for any other.
    func register(constant value: Tensor) -> Int? {
        value.rank == 0 ? register(value.scalars[0]) : nil
    }

    func gradientRegister(for theta: Int) -> Int {
        register()
    }
}
