import DescentSyntax
import DescentTensor

/// One run of an optimizer's rule for one param: what `theta` has become, which names
/// are state, and, for `step`, the explanation being written.
final class RuleRun {
    /// The spellings of the param being updated.
    static let thetaNames: Set<String> = ["theta", "θ"]
    /// The spellings of its gradient.
    static let gradientNames: Set<String> = ["grad", "∇"]

    let parameter: String
    let stateNames: Set<String>
    /// Names the rule sees but a step does not change: hyper-parameters, `t`, `T`, `N`.
    let constantNames: Set<String>
    /// The param's value as the rule leaves it.
    private(set) var theta: Tensor
    var explanation: ParameterExplanation?

    init(parameter: String, theta: Tensor, definition: OptimizerDefinition) {
        self.parameter = parameter
        self.theta = theta
        self.stateNames = definition.stateNames
        self.constantNames = definition.constantNames
    }

    /// `theta = …`: the new value must keep the param's shape.
    func setTheta(_ value: Var, in scope: Scope, at range: SourceRange) throws {
        try Self.checkKeepsShape(value.value, of: parameter, shape: theta.shape, at: range)
        theta = value.value
        for name in Self.thetaNames { scope.bind(name, to: .tensor(Var(theta))) }
    }

    /// Refuses a new value for `parameter` whose shape is not its `shape`.
    static func checkKeepsShape(_ value: Tensor, of parameter: String, shape: [Int], at range: SourceRange) throws {
        guard value.shape == shape else {
            throw Diagnostic(
                "the rule changed the shape of '\(parameter)' from \(describeShape(shape)) to \(describeShape(value.shape))",
                at: range, notes: ["hint: an update must keep every weight; zero a weight instead of removing it"])
        }
    }

    /// The names a rule declares with `state`, anywhere in its body.
    static func stateNames(in body: [Stmt]) -> Set<String> {
        var names: Set<String> = []
        for statement in body {
            switch statement.kind {
            case .state(let name, _): names.insert(name.text)
            case .ifElse(_, let thenBranch, let elseBranch):
                names.formUnion(stateNames(in: thenBranch))
                names.formUnion(stateNames(in: elseBranch ?? []))
            case .forLoop(_, _, _, let body): names.formUnion(stateNames(in: body))
            default: break
            }
        }
        return names
    }
}
