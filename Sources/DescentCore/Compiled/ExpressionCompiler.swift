import DescentSyntax
import DescentTensor

/// An expression turned into a closure once and evaluated on every step.
typealias CompiledExpression = (CompiledFrame) throws -> Value

/// A compiled expression that must give a tensor, as `Interpreter.evaluateTensor` checks.
typealias CompiledTensorExpression = (CompiledFrame) throws -> Var

/// The values compiled code reads by number: what the tree walker keeps in `Scope`
/// dictionaries and finds by hashing names.
final class CompiledFrame {
    var slots: [Value]

    init(slotCount: Int) {
        slots = Array(repeating: .none, count: slotCount)
    }
}

/// Hands out slot numbers; shared by an expression and the functions inlined into it.
final class SlotAllocator {
    private(set) var count = 0

    func next() -> Int {
        count += 1
        return count - 1
    }
}

/// Compiles the expressions a training step evaluates (a loss, an optimizer's rule) into
/// closures over slots, so a step does no name look-up, builds no scope and re-reads no
/// syntax tree.
///
/// The closures call the interpreter's own operations in the tree walker's order, with
/// the same source ranges, so values, gradients and error messages are the same bits and
/// words. Anything outside the compiled subset — indexing, lists, `grad(…)`, a loss named
/// inside a loss, a function with a block body or one that recurses — makes `compile`
/// return `nil`, and the caller keeps the tree walker.
struct ExpressionCompiler {
    let interpreter: Interpreter
    let slots: SlotAllocator
    /// Local names read from slots: a rule's names, an inlined function's parameters.
    var names: [String: Int]
    /// Globals read from slots because they change from step to step (a loss's params and
    /// data); the rest of the globals are read once, when compiling.
    let globalSlots: [String: Int]
    /// Globals that change during a run but have no slot (params and data, in a rule):
    /// compiling stops at them.
    let changingGlobals: Set<String>
    /// Functions being inlined, to stop at recursion.
    var inlining: Set<String> = []

    init(
        interpreter: Interpreter, slots: SlotAllocator, names: [String: Int] = [:], globalSlots: [String: Int] = [:],
        changingGlobals: Set<String> = []
    ) {
        self.interpreter = interpreter
        self.slots = slots
        self.names = names
        self.globalSlots = globalSlots
        self.changingGlobals = changingGlobals
    }

    /// The expression as a closure, or `nil` when it uses something outside the subset.
    func compile(_ expression: Expr) -> CompiledExpression? {
        switch expression.kind {
        case .number(let number):
            let value = Value.number(number)
            return { _ in value }
        case .string(let text):
            let value = Value.string(text)
            return { _ in value }
        case .identifier(let name):
            return compileName(name)
        case .unary(let op, let operand):
            return compileUnary(op, operand)
        case .binary(let op, let left, let right, let operatorRange):
            guard let left = compileTensor(left), let right = compileTensor(right) else { return nil }
            let interpreter = interpreter
            return { frame in
                let lhs = try left(frame)
                let rhs = try right(frame)
                return .tensor(try locating(operatorRange) { try interpreter.applyBinary(op, lhs, rhs) })
            }
        case .call(let callee, let arguments):
            return compileCall(callee, arguments, at: expression.range)
        case .attribute(let base, let name, _) where name == "T":
            guard let base = compileTensor(base) else { return nil }
            let tape = interpreter.tape
            return { frame in .tensor(tape.transpose(try base(frame))) }
        case .attribute, .index, .list:
            return nil
        }
    }

    /// The expression as a closure that checks it gives a tensor.
    func compileTensor(_ expression: Expr) -> CompiledTensorExpression? {
        guard let compiled = compile(expression) else { return nil }
        let range = expression.range
        return { frame in
            let value = try compiled(frame)
            guard case .tensor(let tensor) = value else {
                throw Diagnostic("expected a tensor, but this is \(value.kindDescription)", at: range)
            }
            return tensor
        }
    }

    private func compileName(_ name: String) -> CompiledExpression? {
        if let slot = names[name] ?? globalSlots[name] {
            return { frame in frame.slots[slot] }
        }
        guard !changingGlobals.contains(name), let value = interpreter.globals.lookup(name) else { return nil }
        if case .loss = value { return nil }
        return { _ in value }
    }

    private func compileUnary(_ op: UnaryOperator, _ operand: Expr) -> CompiledExpression? {
        guard let operand = compileTensor(operand) else { return nil }
        let tape = interpreter.tape
        switch op {
        case .negate: return { frame in .tensor(tape.unary(.negate, try operand(frame))) }
        case .plus: return { frame in .tensor(try operand(frame)) }
        case .not: return { frame in .tensor(tape.unary(.logicalNot, try operand(frame))) }
        }
    }
}
