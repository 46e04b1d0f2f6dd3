import DescentTensor

/// A configured optimizer: `momentum(lr=0.05)`. It owns its hyper-parameters, its state
/// per param, its step counter and its batch sampler, so training it again continues
/// where it stopped.
public final class OptimizerInstance: CustomStringConvertible {
    let definition: OptimizerDefinition
    let hyperParameters: [(name: String, value: Var)]
    /// `t`: the number of steps already taken.
    var stepsTaken = 0
    /// State variables by param name, then by state name.
    var states: [String: [String: Value]] = [:]
    /// The sampler of the last run, continued by the next run with the same batching.
    var sampler: BatchSampler?

    init(definition: OptimizerDefinition, hyperParameters: [(name: String, value: Var)]) {
        self.definition = definition
        self.hyperParameters = hyperParameters
    }

    /// The optimizer's name (`momentum`).
    public var name: String { definition.name }

    /// `momentum(lr=0.05, beta=0.9), 12 steps taken`.
    public var description: String {
        let formatter = TensorFormatter()
        let arguments = hyperParameters.map { "\($0.name)=\(formatter.format($0.value.value))" }
        return "\(name)(\(arguments.joined(separator: ", "))), \(stepsTaken) step\(stepsTaken == 1 ? "" : "s") taken"
    }

    /// A hyper-parameter's value, for hints like "lr is 0.5".
    func hyperParameter(_ name: String) -> Tensor? {
        hyperParameters.first { $0.name == name }?.value.value
    }
}
