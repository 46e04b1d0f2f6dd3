import DescentTensor

/// The params and optimizer state at one moment, to roll back a diverged step.
struct TrainingSnapshot {
    let parameters: [(name: String, value: Value)]
    let states: [String: [String: Value]]
    let stepsTaken: Int
}

extension Interpreter {
    func snapshot(_ plan: TrainingPlan) -> TrainingSnapshot {
        let parameters = plan.parameters.compactMap { name in globals.values[name].map { (name, $0) } }
        return TrainingSnapshot(parameters: parameters, states: plan.instance.states, stepsTaken: plan.instance.stepsTaken)
    }

    func restore(_ snapshot: TrainingSnapshot, plan: TrainingPlan) {
        for (name, value) in snapshot.parameters { globals.bind(name, to: value) }
        plan.instance.states = snapshot.states
        plan.instance.stepsTaken = snapshot.stepsTaken
    }
}
