extension HelpTopics {
    /// Words that start a statement.
    static let statements: [HelpTopic] = [
        statement("param", "param NAME = VALUE", "Declares a trainable tensor: train and step update it; assigning it later keeps it a param."),
        statement("data", "data NAME, NAME, …", "Declares data tensors whose rows are the samples; a loss sees them bound to the current batch."),
        statement("loss", "loss NAME = EXPRESSION", "Names an expression re-evaluated on each step; NAME alone evaluates it on the whole data set."),
        statement("optimizer", "optimizer NAME(HYPER = DEFAULT, …) [batch …] { RULE }", "Defines an update rule run once per param per step; calling NAME(lr=…) makes an instance."),
        statement("state", "state NAME = INITIAL", "Inside an optimizer: a variable kept per param between steps, initialised on the param's first step."),
        statement("train", "train LOSS with OPTIMIZER [steps K] [batch all | batch K [in order | with replacement]] [seed S]", "Runs K steps (default 100) and prints the loss before and after; Ctrl-C stops it and keeps the steps done."),
        statement("step", "step LOSS with OPTIMIZER", "Takes one step and explains it: every line of the rule with its numbers."),
        statement("prune", "prune PARAM keep FRACTION by SCORES", "Zeros the lowest-scoring weights and keeps a mask that later updates respect."),
        statement("gradcheck", "gradcheck LOSS", "Compares every param's gradient with central differences and prints the worst relative error."),
        statement("plot", "plot loss | plot NAME | plot path PARAM | plot EXPRESSION for V in A..B [log] [to \"FILE.svg\"]", "Draws the last run's loss or a recorded scalar, a 2-D trajectory, or any expression over a range."),
        statement("compare", "compare LOSS with OPT(…), OPT(…) [steps K] …", "Trains each optimizer from the same starting params and shows one table and one plot."),
        statement("def", "def NAME(PARAMS) = EXPRESSION  or  def NAME(PARAMS) { … return VALUE }", "Defines a function; assignment inside creates locals, globals can be read."),
        statement("return", "return [VALUE]", "Leaves the function, giving VALUE."),
        statement("if", "if CONDITION { … } [else { … }]", "Runs a block when CONDITION (a single number) is non-zero; use all(…) or any(…) for tensors."),
        statement("for", "for NAME in A..B { … }", "Runs the block for NAME = A, A+1, …, B-1 (half-open, like Python's range)."),
        statement("print", "print ITEM, ITEM, …", "Prints strings and values joined by spaces."),
        statement("expect", "expect CONDITION  or  expect A ≈ B within TOLERANCE", "Checks every element is non-zero, or that A and B agree within TOLERANCE (ASCII ~=); a failure is an error."),
    ]

    /// Words inside statements and expressions.
    static let keywords: [HelpTopic] = [
        keyword("with", "train LOSS with OPTIMIZER", "Names the optimizer of a train, step or compare."),
        keyword("steps", "… steps K", "How many steps a train or compare takes (default 100)."),
        keyword("batch", "batch all | batch K [in order | with replacement]", "Which rows each step sees: all of them, K shuffled per epoch, K in order, or K drawn with replacement."),
        keyword("seed", "… seed S", "Seeds the batch sampler of a train, so its batches can be reproduced in NumPy."),
        keyword("all", "batch all", "Every row on every step."),
        keyword("in", "for NAME in A..B  or  batch K in order", "Introduces a loop's range, or batches taken in row order."),
        keyword("order", "batch K in order", "Rows (t*K + j) % N for j in 0..K: deterministic batches."),
        keyword("replacement", "batch K with replacement", "K rows drawn independently each step."),
        keyword("keep", "prune PARAM keep FRACTION by SCORES", "The fraction of weights prune keeps."),
        keyword("by", "prune PARAM keep FRACTION by SCORES", "The scores prune ranks the weights by."),
        keyword("to", "plot … to \"FILE.svg\"", "Writes the plot to an SVG file instead of the terminal."),
        keyword("log", "plot … log  or  compare … log", "Draws the plot with a logarithmic vertical axis."),
        keyword("path", "plot path PARAM", "Contours of the loss around a 2-parameter problem with the trajectory of the last run."),
        keyword("else", "if CONDITION { … } else { … }", "The block run when the condition is zero."),
        keyword("within", "expect A ≈ B within TOLERANCE", "The largest absolute difference expect accepts."),
        keyword("and", "A and B", "Elementwise logical and of 0/1 tensors."),
        keyword("or", "A or B", "Elementwise logical or of 0/1 tensors."),
        keyword("not", "not A", "Elementwise logical not."),
    ]

    /// Names an optimizer's rule reads.
    static let ruleVariables: [HelpTopic] = [
        rule("theta", "theta (also θ)", "Inside an optimizer: the param being updated; assigning it updates the param."),
        rule("θ", "θ (also theta)", "Inside an optimizer: the param being updated; assigning it updates the param."),
        rule("grad", "grad (also ∇)", "Inside an optimizer: the gradient of the loss on this step's batch."),
        rule("∇", "∇ (also grad)", "Inside an optimizer: the gradient of the loss on this step's batch."),
        rule("t", "t", "Inside an optimizer: the steps this instance has taken (0 on the first step)."),
        rule("T", "T", "Inside an optimizer: the value t has when the current train ends (t + 1 for step)."),
        rule("N", "N", "Inside an optimizer: the number of data rows (1 without data)."),
    ]

    /// The REPL's commands.
    static let metaCommands: [HelpTopic] = [
        command(":help", ":help [NAME]", "This overview, or the documentation of a statement, keyword, builtin or definition."),
        command(":vars", ":vars", "Your names with their kinds and shapes (not the prelude's or the builtins)."),
        command(":show", ":show NAME", "The source of a definition, the prelude's included."),
        command(":load", ":load FILE", "Runs a script into this session."),
        command(":save", ":save FILE", "Writes this session's successful inputs as a script that reproduces it."),
        command(":reset", ":reset", "Forgets everything but the prelude."),
        command(":history", ":history", "The inputs remembered across sessions, numbered."),
        command(":quit", ":quit", "Leaves the REPL (so does Ctrl-D on an empty line)."),
    ]

    private static func statement(_ name: String, _ usage: String, _ summary: String) -> HelpTopic {
        HelpTopic(name: name, kind: .statement, usage: usage, summary: summary)
    }

    private static func keyword(_ name: String, _ usage: String, _ summary: String) -> HelpTopic {
        HelpTopic(name: name, kind: .keyword, usage: usage, summary: summary)
    }

    private static func rule(_ name: String, _ usage: String, _ summary: String) -> HelpTopic {
        HelpTopic(name: name, kind: .ruleVariable, usage: usage, summary: summary)
    }

    private static func command(_ name: String, _ usage: String, _ summary: String) -> HelpTopic {
        HelpTopic(name: name, kind: .metaCommand, usage: usage, summary: summary)
    }
}
