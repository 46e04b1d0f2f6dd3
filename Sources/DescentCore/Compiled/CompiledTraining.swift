import DescentTensor

/// The compiled loss and rules of one run of steps, each falling back to the tree walker
/// where it does not compile. Rules compile on the first step that finds their param's
/// state, since `state v = …` lines run only on a param's first step.
final class CompiledTraining {
    let loss: CompiledLoss?
    private let plan: TrainingPlan
    private unowned let interpreter: Interpreter
    private var rules: [String: CompiledRule] = [:]
    /// Params whose rule will not compile.
    private var interpreted: Set<String> = []

    init(_ plan: TrainingPlan, interpreter: Interpreter) {
        self.plan = plan
        self.interpreter = interpreter
        self.loss = CompiledLoss(plan.loss, parameters: plan.parameters, interpreter: interpreter)
    }

    /// The compiled rule for `parameter`, or `nil` when the tree walker runs it this step.
    func rule(for parameter: String, shape: [Int]) -> CompiledRule? {
        if let rule = rules[parameter] { return rule }
        guard !interpreted.contains(parameter) else { return nil }
        guard CompiledRule.hasState(of: plan.instance, for: parameter) else { return nil }
        guard let rule = CompiledRule(plan.instance, parameter: parameter, shape: shape, interpreter: interpreter) else {
            interpreted.insert(parameter)
            return nil
        }
        rules[parameter] = rule
        return rule
    }
}
