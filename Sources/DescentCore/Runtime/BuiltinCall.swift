import DescentSyntax
import DescentTensor

/// The arguments of one builtin call, bound to parameter names, with accessors that
/// check types and turn bad values into diagnostics at the argument.
final class BuiltinCall {
    let interpreter: Interpreter
    let builtin: Builtin
    /// The whole call, for errors about the call itself.
    let range: SourceRange
    private let named: [String: (value: Value, range: SourceRange)]
    /// The arguments gathered by a variadic parameter.
    let rest: [(value: Value, range: SourceRange)]

    init(
        interpreter: Interpreter, builtin: Builtin, range: SourceRange,
        named: [String: (value: Value, range: SourceRange)], rest: [(value: Value, range: SourceRange)]
    ) {
        self.interpreter = interpreter
        self.builtin = builtin
        self.range = range
        self.named = named
        self.rest = rest
    }

    var tape: Tape { interpreter.tape }
    var limits: RuntimeLimits { interpreter.limits }

    /// Whether the argument was given.
    func has(_ name: String) -> Bool { named[name] != nil }

    /// Where an argument was written (the call when it was not).
    func location(of name: String) -> SourceRange { named[name]?.range ?? range }

    /// A required tensor argument.
    func tensor(_ name: String) throws -> Var {
        guard let argument = named[name] else {
            throw Diagnostic("\(builtin.name)() needs the argument '\(name)'", at: range)
        }
        return try Self.tensor(argument.value, at: argument.range, in: builtin.name)
    }

    /// An optional tensor argument.
    func optionalTensor(_ name: String) throws -> Var? {
        guard named[name] != nil else { return nil }
        return try tensor(name)
    }

    /// A number argument (a one-element tensor), or `nil` when not given.
    func optionalNumber(_ name: String) throws -> Double? {
        guard let value = try optionalTensor(name)?.value else { return nil }
        guard let scalar = value.scalarValue else {
            throw Diagnostic("'\(name)' must be a single number, got shape \(describeShape(value.shape))", at: location(of: name))
        }
        return scalar
    }

    /// A required number argument.
    func number(_ name: String) throws -> Double {
        guard let value = try optionalNumber(name) else {
            throw Diagnostic("\(builtin.name)() needs the argument '\(name)'", at: range)
        }
        return value
    }

    /// A whole-number argument, or `nil` when not given.
    func optionalInteger(_ name: String) throws -> Int? {
        guard let value = try optionalNumber(name) else { return nil }
        return try locating(location(of: name)) { try ShapeValidation.integer(value, what: "'\(name)'") }
    }

    /// `axis=` (nil means every element).
    func axis() throws -> Int? { try optionalInteger("axis") }

    /// `keepdims=`: 1 keeps the reduced axes, 0 (the default) drops them.
    func keepDims() throws -> Bool { try optionalFlag("keepdims") ?? false }

    /// A yes/no argument, or `nil` when not given. Descent has no booleans, so yes is 1
    /// and no is 0, as comparisons give them; any other number is a mistake, not "true".
    func optionalFlag(_ name: String) throws -> Bool? {
        guard let value = try optionalNumber(name) else { return nil }
        switch value {
        case 0: return false
        case 1: return true
        default:
            throw Diagnostic("'\(name)' must be 0 or 1, got \(TensorFormatter().format(number: value))", at: location(of: name))
        }
    }

    /// A string argument.
    func string(_ name: String) throws -> String {
        guard let argument = named[name] else {
            throw Diagnostic("\(builtin.name)() needs the argument '\(name)'", at: range)
        }
        guard case .string(let text) = argument.value else {
            throw Diagnostic("'\(name)' must be a string, got \(argument.value.kindDescription)", at: argument.range)
        }
        return text
    }

    /// The variadic arguments as tensors.
    func restTensors() throws -> [Var] {
        try rest.map { try Self.tensor($0.value, at: $0.range, in: builtin.name) }
    }

    /// A shape given as separate numbers (`zeros(64, 3)`) or one 1-D tensor (`zeros(x.shape)`).
    func shape() throws -> [Int] {
        var dimensions: [Double] = []
        for argument in rest {
            let value = try Self.tensor(argument.value, at: argument.range, in: builtin.name).value
            guard value.rank <= 1 else {
                throw Diagnostic("a shape must be numbers or a 1-D tensor, got shape \(describeShape(value.shape))", at: argument.range)
            }
            dimensions.append(contentsOf: value.scalars)
        }
        let where_ = rest.first.map { $0.range.union(rest[rest.count - 1].range) } ?? range
        return try locating(where_) { try ShapeValidation.shape(fromDimensions: dimensions, maxElements: limits.maxElements) }
    }

    /// The generator for this call: a fresh one from `seed=`, else the session's.
    func withRandom<T>(_ body: (inout RandomState) throws -> T) throws -> T {
        if let seed = try optionalNumber("seed") {
            let value = try locating(location(of: "seed")) { try SeedValidation.seed(seed) }
            var generator = RandomState(seed: value)
            return try body(&generator)
        }
        return try body(&interpreter.random)
    }

    static func tensor(_ value: Value, at range: SourceRange, in function: String) throws -> Var {
        guard case .tensor(let tensor) = value else {
            throw Diagnostic("\(function)() expects a tensor here, got \(value.kindDescription)", at: range)
        }
        return tensor
    }
}
