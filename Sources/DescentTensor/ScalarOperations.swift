/// The elementwise operations on single numbers, for code that keeps numbers out of
/// tensors (the scalar step program): each gives the bits `elementwise` and `applying`
/// give for one-element tensors.
extension ElementwiseOperation {
    /// `a <op> b`, as `Tensor(a).elementwise(self, Tensor(b))` computes it.
    public func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: AddFunction.apply(a, b)
        case .subtract: SubtractFunction.apply(a, b)
        case .multiply: MultiplyFunction.apply(a, b)
        case .divide: DivideFunction.apply(a, b)
        case .modulo: ModuloFunction.apply(a, b)
        case .power where b == 2: SquareLeftFunction.apply(a, b)
        case .power: PowerFunction.apply(a, b)
        case .less: LessFunction.apply(a, b)
        case .lessEqual: LessEqualFunction.apply(a, b)
        case .greater: GreaterFunction.apply(a, b)
        case .greaterEqual: GreaterEqualFunction.apply(a, b)
        case .equal: EqualFunction.apply(a, b)
        case .notEqual: NotEqualFunction.apply(a, b)
        case .and: AndFunction.apply(a, b)
        case .or: OrFunction.apply(a, b)
        case .maximum: MaximumFunction.apply(a, b)
        case .minimum: MinimumFunction.apply(a, b)
        }
    }
}

extension UnaryOperation {
    /// The function at `x`, as `Tensor(x).applying(self)` computes it.
    public func apply(_ x: Double) -> Double {
        switch self {
        case .negate: NegateFunction.apply(x)
        case .exp: ExpFunction.apply(x)
        case .log: LogFunction.apply(x)
        case .sqrt: SquareRootFunction.apply(x)
        case .abs: AbsoluteFunction.apply(x)
        case .sign: SignFunction.apply(x)
        case .tanh: TanhFunction.apply(x)
        case .sigmoid: SigmoidFunction.apply(x)
        case .relu: ReluFunction.apply(x)
        case .logicalNot: LogicalNotFunction.apply(x)
        case .softplus: SoftplusFunction.apply(x)
        case .square: SquareFunction.apply(x)
        case .sin: SineFunction.apply(x)
        case .cos: CosineFunction.apply(x)
        case .floor: FloorFunction.apply(x)
        }
    }
}
