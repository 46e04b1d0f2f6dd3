import DescentTensor

/// Plans the tape's backward pass for tensor code once: which instruction inputs get a
/// gradient, in which order, with which formula, whether it is summed back from a
/// broadcast, and whether it is the input's first gradient (stored) or a later one (added).
enum TensorBackward {
    /// The gradient code of `code` from `root`, and the registers that end with an adjoint.
    /// Scratch registers for the shares come from `builder`.
    static func code(for code: TensorCode, from root: Int, builder: TensorCodeBuilder) -> (TensorGradientCode, Set<Int>)? {
        var gradientCode = TensorGradientCode()
        guard builder.traced[root] else { return (gradientCode, []) }
        var hasAdjoint: Set<Int> = [root]
        for instruction in code.instructions.reversed() where builder.traced[instruction.result] && hasAdjoint.contains(instruction.result) {
            guard let rules = rules(of: instruction, builder: builder) else { return nil }
            for (target, rule, shareShape) in rules where builder.traced[target] {
                let accumulates = hasAdjoint.contains(target)
                let targetShape = builder.shapes[target]
                var sum = -1
                if shareShape != targetShape {
                    guard let plan = BroadcastSumPlan(from: shareShape, to: targetShape) else { return nil }
                    sum = builder.plans.add(plan)
                }
                // A first gradient is written straight into the adjoint where it can be;
                // the rest go through scratch registers.
                var share = -1
                if case .identity = rule {} else if accumulates || sum >= 0 { share = builder.register(shareShape) }
                gradientCode.instructions.append(TensorGradientInstruction(
                    rule: rule, result: instruction.result, left: instruction.left, right: instruction.right,
                    target: target, targetCount: builder.count(target), shareCount: shareShape.reduce(1, *), share: share,
                    sum: sum, summed: sum >= 0 && accumulates ? builder.register(targetShape) : -1, accumulates: accumulates))
                hasAdjoint.insert(target)
            }
        }
        return (gradientCode, hasAdjoint)
    }

    /// Each input's backward rule with the shape of the share it computes, inputs in the
    /// tape's order (left, then right).
    private static func rules(
        of instruction: TensorInstruction, builder: TensorCodeBuilder
    ) -> [(target: Int, rule: TensorGradientInstruction.Rule, shareShape: [Int])]? {
        let (left, right) = (instruction.left, instruction.right)
        let shapes = builder.shapes
        switch instruction.operation {
        case .binary(let operation, let plan):
            let passesLeft = operation == .add || operation == .subtract || operation == .modulo
            let shape = shapes[instruction.result]
            return [
                (left, passesLeft ? .identity : .left(.ofLeft(operation), broadcast: plan), shape),
                (right, operation == .add ? .identity : .right(.ofRight(operation), broadcast: plan), shape),
            ]
        case .unary(let operation):
            return [(left, .unary(operation), shapes[left])]
        case .matmul:
            return productRules(left: left, right: right, builder: builder)
        case .sum(let split):
            return [(left, .expandSum(split: split), shapes[left])]
        case .mean(let split):
            return [(left, .expandMean(split: split), shapes[left])]
        case .transpose(let rows, let columns):
            return [(left, .transpose(rows: rows, columns: columns), shapes[left])]
        case .copy:
            return [(left, .identity, shapes[left])]
        }
    }

    /// `dA = G @ Bᵀ` and `dB = Aᵀ @ G` as `Tape.matmul` runs them: a vector operand seen
    /// as a row (left) or a column (right), and `G` with the matching matrix shape.
    private static func productRules(
        left: Int, right: Int, builder: TensorCodeBuilder
    ) -> [(target: Int, rule: TensorGradientInstruction.Rule, shareShape: [Int])]? {
        let shapes = builder.shapes
        let leftMatrix = shapes[left].count == 1 ? [1, shapes[left][0]] : shapes[left]
        let rightMatrix = shapes[right].count == 1 ? [shapes[right][0], 1] : shapes[right]
        let gradientMatrix = [leftMatrix[0], rightMatrix[1]]
        guard let leftPlan = try? MatrixProductPlan(leftShape: gradientMatrix, rightShape: rightMatrix, transposingRight: true),
            let rightPlan = try? MatrixProductPlan(leftShape: leftMatrix, rightShape: gradientMatrix, transposingLeft: true)
        else { return nil }
        return [
            (left, .productLeft(product: builder.plans.add(leftPlan)), shapes[left]),
            (right, .productRight(product: builder.plans.add(rightPlan)), shapes[right]),
        ]
    }
}
