/// The statements of the optimizer workbench: `optimizer`, `train`, `step`, `prune`,
/// `gradcheck`, `plot`, `compare`, and their clauses.
extension Parser {
    /// `optimizer_declaration = "optimizer" IDENTIFIER [ parameter_list ] [ batch_clause ] block ;`
    mutating func optimizerDeclaration() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let name = try consumeName(expected: "an optimizer name after 'optimizer'")
        let hyperParameters = check(.leftParen) ? try parameterList(after: "'optimizer \(name.text)'") : []
        let batch = checkWord("batch") ? try batchClause() : nil
        let body = try block(expected: "'{' to start the body of optimizer '\(name.text)'")
        let declaration = OptimizerDecl(name: name, hyperParameters: hyperParameters, batch: batch, body: body)
        return Stmt(.optimizer(declaration), range: range(from: keyword.range))
    }

    /// `train_statement = "train" expression "with" expression { run_clause } ;`
    mutating func trainStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let loss = try expression(expected: "a loss after 'train'")
        try consume(.with, expected: "'with' after the loss in 'train'")
        let optimizer = try expression(expected: "an optimizer after 'with'")
        var clauses = RunClauses()
        while try runClause(into: &clauses) {}
        try clausesEnd(expected: "'steps', 'batch', 'seed' or a new line")
        let train = TrainClause(loss: loss, optimizer: optimizer, steps: clauses.steps, batch: clauses.batch, seed: clauses.seed)
        return Stmt(.train(train), range: range(from: keyword.range))
    }

    /// `compare_statement = "compare" expression "with" expression { "," expression } { run_clause | output_clause } ;`
    mutating func compareStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let loss = try expression(expected: "a loss after 'compare'")
        try consume(.with, expected: "'with' after the loss in 'compare'")
        var optimizers = [try expression(expected: "an optimizer after 'with'")]
        while match(.comma) {
            optimizers.append(try expression(expected: "an optimizer after ','"))
        }
        var clauses = RunClauses()
        while true {
            if try runClause(into: &clauses) { continue }
            if try outputClause(into: &clauses) { continue }
            break
        }
        try clausesEnd(expected: "'steps', 'batch', 'seed', 'log', 'to' or a new line")
        let compare = CompareClause(
            loss: loss, optimizers: optimizers, steps: clauses.steps, batch: clauses.batch,
            seed: clauses.seed, output: clauses.output)
        return Stmt(.compare(compare), range: range(from: keyword.range))
    }

    /// `step_statement = "step" expression "with" expression ;`
    mutating func stepStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let loss = try expression(expected: "a loss after 'step'")
        try consume(.with, expected: "'with' after the loss in 'step'")
        let optimizer = try expression(expected: "an optimizer after 'with'")
        return Stmt(.step(loss: loss, optimizer: optimizer), range: range(from: keyword.range))
    }

    /// `prune_statement = "prune" IDENTIFIER "keep" expression "by" expression ;`
    mutating func pruneStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let name = try consumeName(expected: "a param name after 'prune'")
        try consumeWord("keep", expected: "'keep' after 'prune \(name.text)'")
        let keep = try expression(expected: "the fraction to keep after 'keep'")
        try consumeWord("by", expected: "'by SCORES' after 'prune \(name.text) keep …'")
        let scores = try expression(expected: "the scores after 'by'")
        return Stmt(.prune(name, keep: keep, by: scores), range: range(from: keyword.range))
    }

    /// `gradcheck_statement = "gradcheck" expression ;`
    mutating func gradcheckStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let loss = try expression(expected: "a loss after 'gradcheck'")
        return Stmt(.gradcheck(loss), range: range(from: keyword.range))
    }

    /// `plot_statement = "plot" plot_subject { output_clause } ;`
    mutating func plotStatement() throws(ParseFailure) -> Stmt {
        let keyword = advance()
        let subject = try plotSubject()
        var clauses = RunClauses()
        while try outputClause(into: &clauses) {}
        try clausesEnd(expected: "'log', 'to' or a new line")
        return Stmt(.plot(PlotClause(subject: subject, output: clauses.output)), range: range(from: keyword.range))
    }

    /// `plot_subject = "loss" | "path" IDENTIFIER [ "," IDENTIFIER ] | expression [ "for" IDENTIFIER "in" range_expression ] ;`
    ///
    /// A lone name is a recorded series (`plot lr_t`); any other expression needs a range.
    mutating func plotSubject() throws(ParseFailure) -> PlotClause.Subject {
        if check(.loss) {
            let word = advance()
            return .history(Name(word.lexeme, range: word.range))
        }
        if checkWord("path"), peekNext.kind == .identifier, !["log", "to"].contains(peekNext.lexeme) {
            advance()
            var names = [try consumeName(expected: "a param name after 'path'")]
            if match(.comma) {
                names.append(try consumeName(expected: "a second param name after ','"))
            }
            return .path(names)
        }
        let plotted = try expression(expected: "something to plot after 'plot'")
        if match(.for) {
            let variable = try consumeName(expected: "a variable name after 'for'")
            try consume(.in, expected: "'in' after 'for \(variable.text)'")
            let (start, end) = try rangeExpression(in: "for \(variable.text) in A..B")
            return .expression(plotted, variable: variable, start: start, end: end)
        }
        if case .identifier(let name) = plotted.kind {
            return .history(Name(name, range: plotted.range))
        }
        throw errorAtPeek(expected: "'for NAME in A..B' after the plotted expression")
    }

    /// `run_clause = steps_clause | batch_clause | seed_clause ;` — false when none is next.
    mutating func runClause(into clauses: inout RunClauses) throws(ParseFailure) -> Bool {
        if checkWord("steps") {
            try rejectDuplicate(clauses.steps != nil)
            clauses.steps = try stepsClause()
        } else if checkWord("batch") {
            try rejectDuplicate(clauses.batch != nil)
            clauses.batch = try batchClause()
        } else if checkWord("seed") {
            try rejectDuplicate(clauses.seed != nil)
            clauses.seed = try seedClause()
        } else {
            return false
        }
        return true
    }

    /// `steps_clause = "steps" expression ;`
    mutating func stepsClause() throws(ParseFailure) -> Expr {
        advance()
        return try expression(expected: "a number of steps after 'steps'")
    }

    /// `seed_clause = "seed" expression ;`
    mutating func seedClause() throws(ParseFailure) -> Expr {
        advance()
        return try expression(expected: "a seed after 'seed'")
    }

    /// `batch_clause = "batch" ( "all" | expression [ "in" "order" | "with" "replacement" ] ) ;`
    mutating func batchClause() throws(ParseFailure) -> BatchClause {
        let word = advance()
        if checkWord("all") {
            advance()
            return BatchClause(size: .all, sampling: .shuffled, range: range(from: word.range))
        }
        let size = try expression(expected: "'all' or a batch size after 'batch'")
        var sampling = BatchClause.Sampling.shuffled
        if match(.in) {
            try consumeWord("order", expected: "'order' after 'batch … in'")
            sampling = .inOrder
        } else if match(.with) {
            try consumeWord("replacement", expected: "'replacement' after 'batch … with'")
            sampling = .withReplacement
        }
        return BatchClause(size: .rows(size), sampling: sampling, range: range(from: word.range))
    }

    /// `output_clause = "log" | "to" expression ;` — false when neither is next.
    mutating func outputClause(into clauses: inout RunClauses) throws(ParseFailure) -> Bool {
        if checkWord("log") {
            try rejectDuplicate(clauses.output.logScale)
            advance()
            clauses.output.logScale = true
        } else if checkWord("to") {
            try rejectDuplicate(clauses.output.file != nil)
            advance()
            clauses.output.file = try expression(expected: "a file name after 'to'")
        } else {
            return false
        }
        return true
    }

    /// Fails at a clause word that was already given.
    private mutating func rejectDuplicate(_ alreadyGiven: Bool) throws(ParseFailure) {
        guard alreadyGiven else { return }
        throw error("duplicate '\(peek.lexeme)' clause", at: peek.range)
    }

    /// After the clauses of `train`, `compare` or `plot`, only the statement may end.
    private mutating func clausesEnd(expected: String) throws(ParseFailure) {
        guard isStatementEnd(peek) else { throw errorAtPeek(expected: expected) }
    }

    /// Consumes the contextual word `word` or fails with "expected \(expected), found …".
    private mutating func consumeWord(_ word: String, expected: String) throws(ParseFailure) {
        guard checkWord(word) else { throw errorAtPeek(expected: expected) }
        advance()
    }
}

/// The clauses of `train`, `compare` and `plot` gathered so far, each given at most once.
struct RunClauses {
    var steps: Expr?
    var batch: BatchClause?
    var seed: Expr?
    var output = PlotOutput()
}
