import DescentSyntax
import DescentTensor

/// Anything a Descent name can hold.
public enum Value {
    /// A tensor (all numbers are tensors), possibly traced on the tape.
    case tensor(Var)
    /// A string, as printed by `print` or passed to `load_csv`.
    case string(String)
    /// A user function (`def`).
    case function(FunctionDefinition)
    /// A builtin function.
    case builtin(Builtin)
    /// An optimizer definition (`optimizer momentum(…) { … }`); calling it makes an instance.
    case optimizerDefinition(OptimizerDefinition)
    /// An optimizer instance: hyper-parameters, state and step counter.
    case optimizer(OptimizerInstance)
    /// A loss (`loss J = …`); naming it evaluates it on the whole data set.
    case loss(LossDefinition)
    /// The result of a function that returned nothing.
    case none

    /// A rank-0 constant tensor.
    static func number(_ value: Double) -> Value {
        .tensor(Var(scalar: value))
    }

    /// What the value is, for messages (`a tensor`, `an optimizer`).
    var kindDescription: String {
        switch self {
        case .tensor: "a tensor"
        case .string: "a string"
        case .function: "a function"
        case .builtin: "a builtin function"
        case .optimizerDefinition: "an optimizer definition"
        case .optimizer: "an optimizer"
        case .loss: "a loss"
        case .none: "nothing"
        }
    }
}

/// A user function: its declaration, kept with its source for `:show`.
public struct FunctionDefinition {
    public let declaration: FunctionDecl
    public var name: String { declaration.name.text }
}

/// A named loss expression, re-evaluated on every step.
public struct LossDefinition {
    public let name: Name
    public let expression: Expr
}

/// An optimizer's declaration: hyper-parameters with defaults, default batch and rule.
public struct OptimizerDefinition {
    public let declaration: OptimizerDecl
    /// The names its rule declares with `state`.
    let stateNames: Set<String>
    /// Names the rule sees but a step does not change: hyper-parameters, `t`, `T`, `N`.
    let constantNames: Set<String>
    /// The locals and states the rule assigns, whose scalar values a run records.
    let recordedNames: [String]

    init(declaration: OptimizerDecl) {
        self.declaration = declaration
        self.stateNames = RuleRun.stateNames(in: declaration.body)
        self.constantNames = Set(declaration.hyperParameters.map(\.name.text)).union(["t", "T", "N"])
        let unrecorded = constantNames.union(RuleRun.thetaNames).union(RuleRun.gradientNames)
        self.recordedNames = Resolver.definedNames(in: declaration.body).subtracting(unrecorded).sorted()
    }

    public var name: String { declaration.name.text }
}
