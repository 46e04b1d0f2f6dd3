import DescentSyntax
import DescentTensor

extension Interpreter {
    /// Evaluates an expression to a value.
    func evaluate(_ expression: Expr, in scope: Scope) throws -> Value {
        switch expression.kind {
        case .number(let number):
            return .number(number)
        case .string(let text):
            return .string(text)
        case .identifier(let name):
            return try lookup(name, at: expression.range, in: scope)
        case .list(let elements):
            return .tensor(try evaluateList(elements, at: expression.range, in: scope))
        case .unary(let op, let operand):
            return .tensor(try evaluateUnary(op, operand, in: scope))
        case .binary(let op, let left, let right, let operatorRange):
            let lhs = try evaluateTensor(left, in: scope)
            let rhs = try evaluateTensor(right, in: scope)
            try checkCancellation(at: operatorRange)
            return .tensor(try locating(operatorRange) { try applyBinary(op, lhs, rhs) })
        case .call(let callee, let arguments):
            return try evaluateCall(callee, arguments, at: expression.range, in: scope)
        case .index(let base, let subscripts):
            let tensor = try evaluateTensor(base, in: scope)
            let indices = try tensorIndices(subscripts, in: scope)
            let range = subscripts.first.map { $0.range.union(subscripts[subscripts.count - 1].range) } ?? expression.range
            return .tensor(try locating(range) { try tape.subscripted(tensor, indices) })
        case .attribute(let base, let name, let nameRange):
            return .tensor(try evaluateAttribute(base, name, at: nameRange, in: scope))
        }
    }

    /// Evaluates an expression that must produce a tensor.
    func evaluateTensor(_ expression: Expr, in scope: Scope) throws -> Var {
        let value = try evaluate(expression, in: scope)
        guard case .tensor(let tensor) = value else {
            throw Diagnostic("expected a tensor, but this is \(value.kindDescription)", at: expression.range)
        }
        return tensor
    }

    /// A name's value; a loss evaluates to its value on the whole data set.
    func lookup(_ name: String, at range: SourceRange, in scope: Scope) throws -> Value {
        guard let value = scope.lookup(name) else {
            throw Diagnostic(unknownNameMessage(name), at: range)
        }
        if case .loss(let loss) = value {
            return .tensor(try evaluateLoss(loss, at: range))
        }
        return value
    }

    /// Why a name has no value at run time. The resolver has already checked that every
    /// name is defined somewhere the code can see, so a missing value means it is
    /// assigned later, or in a branch or loop that did not run.
    func unknownNameMessage(_ name: String) -> String {
        "'\(name)' has no value yet: it is assigned later, or in a branch that did not run"
    }

    func applyBinary(_ op: BinaryOperator, _ lhs: Var, _ rhs: Var) throws -> Var {
        if let operation = op.elementwiseOperation { return try tape.binary(operation, lhs, rhs) }
        return try tape.matmul(lhs, rhs)
    }

    private func evaluateUnary(_ op: UnaryOperator, _ operand: Expr, in scope: Scope) throws -> Var {
        let value = try evaluateTensor(operand, in: scope)
        switch op {
        case .negate: return tape.unary(.negate, value)
        case .plus: return value
        case .not: return tape.unary(.logicalNot, value)
        }
    }

    /// `[a, b, c]`: equal-shaped elements stacked along a new first axis.
    private func evaluateList(_ elements: [Expr], at range: SourceRange, in scope: Scope) throws -> Var {
        guard !elements.isEmpty else { return Var(Tensor(shape: [0], scalars: [])) }
        var values: [Var] = []
        for element in elements {
            let value = try evaluateTensor(element, in: scope)
            if let first = values.first, first.value.shape != value.value.shape {
                throw Diagnostic(
                    "ragged list: element \(values.count + 1) has shape \(describeShape(value.value.shape)) "
                        + "but element 1 has shape \(describeShape(first.value.shape))",
                    at: element.range)
            }
            values.append(value)
        }
        try checkCancellation(at: range)
        let count = values.count * values[0].value.count
        guard count <= limits.maxElements else {
            throw Diagnostic("list too large: \(count) elements is more than the limit of \(limits.maxElements)", at: range)
        }
        return try locating(range) { try tape.stack(values, axis: 0) }
    }

    private func evaluateAttribute(_ base: Expr, _ name: String, at range: SourceRange, in scope: Scope) throws -> Var {
        let tensor = try evaluateTensor(base, in: scope)
        switch name {
        case "T":
            return tape.transpose(tensor)
        case "shape":
            return Var(Tensor(vector: tensor.value.shape.map(Double.init)))
        default:
            throw Diagnostic("tensors have no attribute '\(name)'; they have .T and .shape", at: range)
        }
    }

    /// Converts subscripts to kernel indices: whole numbers, slices, or 1-D index tensors.
    func tensorIndices(_ subscripts: [Subscript], in scope: Scope) throws -> [TensorIndex] {
        try subscripts.map { item in
            switch item.kind {
            case .index(let expression):
                let value = try evaluateTensor(expression, in: scope).value
                if value.rank == 0 {
                    return .position(try locating(expression.range) { try ShapeValidation.integer(value.scalars[0], what: "an index") })
                }
                guard value.rank == 1 else {
                    throw Diagnostic("an index must be a number or a 1-D tensor, got shape \(describeShape(value.shape))", at: expression.range)
                }
                return .positions(try locating(expression.range) {
                    try value.scalars.map { try ShapeValidation.integer($0, what: "an index") }
                })
            case .slice(let start, let stop, let step):
                return .range(
                    start: try start.map { try integer($0, in: scope, what: "a slice bound") },
                    stop: try stop.map { try integer($0, in: scope, what: "a slice bound") },
                    step: try step.map { try integer($0, in: scope, what: "a slice step") })
            }
        }
    }
}

extension Scope {
    /// The names bound in this scope.
    var localNames: [String] { Array(values.keys) }

    /// The names bound here and in every enclosing scope.
    var allNames: [String] {
        localNames + (parent?.allNames ?? [])
    }
}

extension BinaryOperator {
    /// The elementwise operation the operator applies; `nil` for `@`, the matrix product.
    var elementwiseOperation: ElementwiseOperation? {
        switch self {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .modulo: .modulo
        case .power: .power
        case .matmul: nil
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        case .equal: .equal
        case .notEqual: .notEqual
        case .and: .and
        case .or: .or
        }
    }
}
