import DescentSyntax
import DescentTensor

/// Everything a `train`, `step` or `compare` run needs, resolved from its clauses.
struct TrainingPlan {
    let loss: LossDefinition
    let instance: OptimizerInstance
    let parameters: [String]
    let rowCount: Int
    /// Where errors about the run point.
    let range: SourceRange
}

extension Interpreter {
    /// Resolves the loss, optimizer and batching of a run and readies its sampler.
    func trainingPlan(
        loss lossExpression: Expr, optimizer optimizerExpression: Expr, batch: BatchClause?, seed: Expr?,
        in scope: Scope, at range: SourceRange
    ) throws -> TrainingPlan {
        let loss = try lossDefinition(lossExpression, in: scope)
        let instance = try optimizerInstance(optimizerExpression, in: scope)
        let parameters = parameters(of: loss)
        guard !parameters.isEmpty else {
            throw Diagnostic(
                "loss '\(loss.name.text)' depends on no params, so there is nothing to train", at: lossExpression.range,
                notes: ["hint: declare what to train with 'param w = …'"])
        }
        let rowCount = try dataRowCount(at: range)
        let mode = try samplerMode(batch ?? instance.definition.declaration.batch, in: scope)
        if mode != .all, dataNames.isEmpty || rowCount == 0 {
            throw Diagnostic(
                dataNames.isEmpty ? "a batch of rows needs data" : "a batch of rows needs data with at least one row",
                at: (batch ?? instance.definition.declaration.batch)?.range ?? range,
                notes: ["hint: declare the samples with 'data X, y', or use 'batch all'"])
        }
        if let seed {
            let value = try evaluateTensor(seed, in: scope).value
            guard let number = value.scalarValue else {
                throw Diagnostic("a seed must be a single number", at: seed.range)
            }
            instance.sampler = BatchSampler(mode: mode, seed: try locating(seed.range) { try SeedValidation.seed(number) })
        } else if instance.sampler?.mode != mode {
            instance.sampler = BatchSampler(mode: mode, seed: UInt32(random.randint(low: 0, high: 1 << 32)))
        }
        return TrainingPlan(loss: loss, instance: instance, parameters: parameters, rowCount: rowCount, range: range)
    }

    /// An optimizer instance from `momentum(lr=0.05)`, a variable holding one, or a bare
    /// definition name (its defaults).
    func optimizerInstance(_ expression: Expr, in scope: Scope) throws -> OptimizerInstance {
        switch try evaluate(expression, in: scope) {
        case .optimizer(let instance):
            return instance
        case .optimizerDefinition(let definition):
            return try instantiate(definition, [], at: expression.range, in: scope)
        case let other:
            throw Diagnostic(
                "expected an optimizer, but this is \(other.kindDescription)", at: expression.range,
                notes: ["hint: write one like 'momentum(lr=0.05)'"])
        }
    }

    private func samplerMode(_ batch: BatchClause?, in scope: Scope) throws -> BatchSampler.Mode {
        guard let batch else { return .all }
        switch batch.size {
        case .all:
            return .all
        case .rows(let expression):
            let size = try integer(expression, in: scope, what: "a batch size")
            guard size >= 1 else {
                throw Diagnostic("a batch size must be at least 1, got \(size)", at: expression.range)
            }
            guard size <= limits.maxElements else {
                throw Diagnostic("a batch size must be at most \(limits.maxElements), got \(size)", at: expression.range)
            }
            switch batch.sampling {
            case .shuffled: return .shuffled(size: size)
            case .inOrder: return .inOrder(size: size)
            case .withReplacement: return .withReplacement(size: size)
            }
        }
    }
}
