import DescentSyntax
import DescentTensor

/// An optimizer's rule compiled for one param: the names its scope would bind are slots,
/// filled at each step in the order `Interpreter.applyRule` binds them.
///
/// Only straight-line rules compile (assignments, expressions, and `state` lines once the
/// state exists), so a name read before it is assigned is a global on every step, as it
/// is for the tree walker.
final class CompiledRule {
    private typealias Statement = (CompiledFrame) throws -> Void

    private let instance: OptimizerInstance
    private let parameter: String
    private let frame: CompiledFrame
    private let statements: [Statement]
    /// Hyper-parameters, `t`, `T` and `N`, theta and grad, then states.
    private let bindings: Bindings
    private let recorded: [(name: String, slot: Int)]

    private struct Bindings {
        var hyperParameters: [(slot: Int, value: Value)] = []
        var t = 0, totalSteps = 0, rowCount = 0, theta = 0, gradient = 0
        var states: [(name: String, slot: Int)] = []
    }

    /// `nil` when the rule is not straight-line, reads a param or data, or this param's
    /// state is not there yet (the first step runs in the tree walker and creates it).
    init?(_ instance: OptimizerInstance, parameter: String, shape: [Int], interpreter: Interpreter) {
        let definition = instance.definition
        guard Self.hasState(of: instance, for: parameter) else { return nil }
        let states = instance.states[parameter] ?? [:]
        let slots = SlotAllocator()
        var names: [String: Int] = [:]
        var bindings = Bindings()
        func bind(_ name: String) -> Int {
            let slot = slots.next()
            names[name] = slot
            return slot
        }
        for (name, value) in instance.hyperParameters { bindings.hyperParameters.append((bind(name), .tensor(value))) }
        bindings.t = bind("t")
        bindings.totalSteps = bind("T")
        bindings.rowCount = bind("N")
        bindings.theta = slots.next()
        for name in RuleRun.thetaNames { names[name] = bindings.theta }
        bindings.gradient = slots.next()
        for name in RuleRun.gradientNames { names[name] = bindings.gradient }
        for name in states.keys.sorted() { bindings.states.append((name, bind(name))) }

        var compiler = ExpressionCompiler(
            interpreter: interpreter, slots: slots, names: names,
            changingGlobals: Set(interpreter.parameterNames + interpreter.dataNames))
        var statements: [Statement] = []
        for statement in definition.declaration.body {
            guard let compiled = Self.compile(statement, with: &compiler, parameter: parameter, shape: shape) else { return nil }
            if let compiled { statements.append(compiled) }
        }
        self.instance = instance
        self.parameter = parameter
        self.statements = statements
        self.bindings = bindings
        self.recorded = definition.recordedNames.compactMap { name in compiler.names[name].map { (name, $0) } }
        self.frame = CompiledFrame(slotCount: slots.count)
    }

    /// Whether every state of `instance`'s rule has a value for `parameter`: from the
    /// param's second step on.
    static func hasState(of instance: OptimizerInstance, for parameter: String) -> Bool {
        let states = instance.states[parameter] ?? [:]
        return instance.definition.stateNames.allSatisfy { states[$0] != nil }
    }

    /// Runs the rule on `value` and returns the param's new value, mask applied; writes
    /// the state back to the instance and records scalars, as `applyRule` does.
    func apply(
        to value: Tensor, gradient: Tensor, step: StepContext, history: inout TrainingHistory, in interpreter: Interpreter
    ) throws -> Tensor {
        for (slot, hyper) in bindings.hyperParameters { frame.slots[slot] = hyper }
        frame.slots[bindings.t] = .number(Double(step.stepsTaken))
        frame.slots[bindings.totalSteps] = .number(Double(step.totalSteps))
        frame.slots[bindings.rowCount] = .number(Double(step.rowCount))
        frame.slots[bindings.theta] = .tensor(Var(value))
        frame.slots[bindings.gradient] = .tensor(Var(gradient))
        let saved = instance.states[parameter] ?? [:]
        for (name, slot) in bindings.states { frame.slots[slot] = saved[name] ?? .none }

        for statement in statements { try statement(frame) }

        var states: [String: Value] = Dictionary(minimumCapacity: bindings.states.count)
        for (name, slot) in bindings.states { states[name] = frame.slots[slot] }
        instance.states[parameter] = states
        for (name, slot) in recorded {
            if case .tensor(let tensor) = frame.slots[slot], tensor.value.rank == 0 {
                history.record(name, tensor.value.scalars[0])
            }
        }
        guard case .tensor(let theta) = frame.slots[bindings.theta] else { return value }
        guard let mask = interpreter.masks[parameter], mask.shape == theta.value.shape else { return theta.value }
        return try locating(instance.definition.declaration.name.range) { try theta.value.elementwise(.multiply, mask) }
    }

    /// One statement: `.some(nil)` when it does nothing once the state exists, `nil` when
    /// it cannot be compiled.
    private static func compile(
        _ statement: Stmt, with compiler: inout ExpressionCompiler, parameter: String, shape: [Int]
    ) -> Statement?? {
        switch statement.kind {
        case .state:
            return .some(nil)
        case .expression(let expression):
            guard let evaluate = compiler.compile(expression) else { return nil }
            return { frame in _ = try evaluate(frame) }
        case .assign(let target, let expression) where target.subscripts.isEmpty:
            guard let evaluate = compiler.compile(expression) else { return nil }
            let name = target.name.text
            let range = expression.range
            if RuleRun.thetaNames.contains(name), let slot = compiler.names[name] {
                return { frame in
                    let value = try Self.assignedValue(evaluate, in: frame, at: range)
                    guard case .tensor(let tensor) = value else {
                        throw Diagnostic("theta must be a tensor, got \(value.kindDescription)", at: range)
                    }
                    try RuleRun.checkKeepsShape(tensor.value, of: parameter, shape: shape, at: target.name.range)
                    frame.slots[slot] = .tensor(Var(tensor.value))
                }
            }
            let slot = compiler.names[name] ?? compiler.slots.next()
            compiler.names[name] = slot
            return { frame in frame.slots[slot] = try Self.assignedValue(evaluate, in: frame, at: range) }
        default:
            return nil
        }
    }

    private static func assignedValue(_ evaluate: CompiledExpression, in frame: CompiledFrame, at range: SourceRange) throws -> Value {
        let value = try evaluate(frame)
        if case .none = value {
            throw Diagnostic("the right side produced no value", at: range)
        }
        return value
    }
}
