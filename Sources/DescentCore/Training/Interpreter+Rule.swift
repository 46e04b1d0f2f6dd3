import DescentSyntax
import DescentTensor

/// What one step hands to the rule.
struct StepContext {
    let stepsTaken: Int
    let totalSteps: Int
    let rowCount: Int
}

extension Interpreter {
    /// Runs `instance`'s rule for one param and returns its new value (mask applied).
    /// State is written back to the instance; scalar locals and states go to `history`.
    func applyRule(
        _ instance: OptimizerInstance, to parameter: String, value: Tensor, gradient: Tensor,
        step: StepContext, history: inout TrainingHistory, explanation: ParameterExplanation?
    ) throws -> Tensor {
        let body = instance.definition.declaration.body
        let run = RuleRun(parameter: parameter, theta: value, definition: instance.definition)
        run.explanation = explanation
        let scope = Scope(parent: globals, capacity: 16 + instance.hyperParameters.count + run.stateNames.count)
        for (name, hyper) in instance.hyperParameters { scope.bind(name, to: .tensor(hyper)) }
        scope.bind("t", to: .number(Double(step.stepsTaken)))
        scope.bind("T", to: .number(Double(step.totalSteps)))
        scope.bind("N", to: .number(Double(step.rowCount)))
        for name in RuleRun.thetaNames { scope.bind(name, to: .tensor(Var(value))) }
        for name in RuleRun.gradientNames { scope.bind(name, to: .tensor(Var(gradient))) }
        for (name, state) in instance.states[parameter] ?? [:] { scope.bind(name, to: state) }

        if case .returned = try execute(body, in: scope, context: .rule(run)) {
            throw Diagnostic("'return' inside an optimizer", at: instance.definition.declaration.name.range)
        }

        var states: [String: Value] = [:]
        for name in run.stateNames {
            if let state = scope.values[name] { states[name] = state }
        }
        instance.states[parameter] = states
        recordScalars(of: scope, named: instance.definition.recordedNames, history: &history)
        guard let mask = masks[parameter], mask.shape == run.theta.shape else { return run.theta }
        return try locating(instance.definition.declaration.name.range) { try run.theta.elementwise(.multiply, mask) }
    }

    /// Every rank-0 local and state the rule left in `scope`.
    private func recordScalars(of scope: Scope, named names: [String], history: inout TrainingHistory) {
        for name in names {
            if case .tensor(let tensor)? = scope.values[name], tensor.value.rank == 0 {
                history.record(name, tensor.value.scalars[0])
            }
        }
    }
}
