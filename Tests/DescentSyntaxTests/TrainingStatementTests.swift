import Testing
import DescentSyntax

@Suite struct TrainingStatementTests {
    @Test(arguments: [
        ("optimizer momentum(lr = 0.01, beta = 0.9) {\n  state v = zeros_like(theta)\n  v = beta*v + (1 - beta)*grad\n  theta = theta - lr*v\n}",
         "(optimizer momentum ((lr 0.01) (beta 0.9)) {(state v (call zeros_like theta)); (= v (+ (* beta v) (* (- 1 beta) grad))); (= theta (- theta (* lr v)))})"),
        ("optimizer bgd(lr = 0.1) batch all { theta = theta - lr*grad }",
         "(optimizer bgd ((lr 0.1)) (batch all) {(= theta (- theta (* lr grad)))})"),
        ("optimizer sgd(lr = 0.01) batch 1 { θ = θ - lr*∇ }",
         "(optimizer sgd ((lr 0.01)) (batch 1) {(= θ (- θ (* lr ∇)))})"),
        ("optimizer plain { theta = theta }", "(optimizer plain () {(= theta theta)})"),
        ("optimizer f(lr, keep) batch 4 in order { prune theta keep keep by grad }",
         "(optimizer f (lr keep) (batch 4 in-order) {(prune theta keep grad)})"),
        ("train J with momentum(lr=0.05, beta=0.9) steps 200 batch 8 seed 3",
         "(train J (call momentum (lr= 0.05) (beta= 0.9)) (steps 200) (batch 8) (seed 3))"),
        ("train J with opt", "(train J opt)"),
        ("train J with opt seed 1 batch 4 in order steps 10", "(train J opt (steps 10) (batch 4 in-order) (seed 1))"),
        ("train J with opt batch 16 with replacement", "(train J opt (batch 16 with-replacement))"),
        ("train J with opt batch all steps n*2", "(train J opt (steps (* n 2)) (batch all))"),
        ("step J with opt", "(step J opt)"),
        ("step J with momentum(lr=0.1)", "(step J (call momentum (lr= 0.1)))"),
        ("prune w keep 0.5 by imp", "(prune w 0.5 imp)"),
        ("prune w keep 1 - f by importance(J, w)", "(prune w (- 1 f) (call importance J w))"),
        ("gradcheck J", "(gradcheck J)"),
        ("plot loss", "(plot (history loss))"),
        ("plot loss to \"sgd.svg\"", "(plot (history loss) (to \"sgd.svg\"))"),
        ("plot lr_t", "(plot (history lr_t))"),
        ("plot lr_t log", "(plot (history lr_t) log)"),
        ("plot loss to name log", "(plot (history loss) log (to name))"),
        ("plot path w", "(plot (path w))"),
        ("plot path w, b to \"p.svg\"", "(plot (path w b) (to \"p.svg\"))"),
        ("plot path", "(plot (history path))"),
        ("plot path log", "(plot (history path) log)"),
        ("plot (1 - t/100)^2 for t in 0..100", "(plot (over (^ (- 1 (/ t 100)) 2) t 0 100))"),
        ("plot t for t in 0..10 log", "(plot (over t t 0 10) log)"),
        ("plot log(x) for x in 1..10", "(plot (over (call log x) x 1 10))"),
        ("compare J with bgd(lr=0.1), sgd(lr=0.05), momentum(lr=0.05) steps 200",
         "(compare J ((call bgd (lr= 0.1)) (call sgd (lr= 0.05)) (call momentum (lr= 0.05))) (steps 200))"),
        ("compare J with a, b log steps 5 to \"c.svg\" seed 2 batch 3",
         "(compare J (a b) (steps 5) (batch 3) (seed 2) log (to \"c.svg\"))"),
    ])
    func parses(source: String, expected: String) {
        #expect(tree(source) == expected)
    }

    @Test func theBatchClauseRangeCoversIt() {
        let parsed = Parsed("train J with opt batch 8 in order seed 1")
        guard case .train(let clause)? = parsed.result.statements.first?.kind else {
            Issue.record("not a train statement")
            return
        }
        #expect(clause.batch?.range.text == "batch 8 in order")
    }

    @Test(arguments: [
        ("train J steps 5", "1:9: expected 'with' after the loss in 'train', found 'steps'"),
        ("train with opt", "1:7: expected a loss after 'train', found 'with'"),
        ("train J with opt steps 5 steps 6", "1:26: duplicate 'steps' clause"),
        ("train J with opt batch", "1:23: expected 'all' or a batch size after 'batch', found end of file"),
        ("train J with opt batch 4 in random", "1:29: expected 'order' after 'batch … in', found 'random'"),
        ("train J with opt batch 4 with luck", "1:31: expected 'replacement' after 'batch … with', found 'luck'"),
        ("train J with opt log", "1:18: expected 'steps', 'batch', 'seed' or a new line, found 'log'"),
        ("compare J with a, b steps 5 to", "1:31: expected a file name after 'to', found end of file"),
        ("compare J with a log log", "1:22: duplicate 'log' clause"),
        ("compare J with a, b colour", "1:21: expected 'steps', 'batch', 'seed', 'log', 'to' or a new line, found 'colour'"),
        ("step J", "1:7: expected 'with' after the loss in 'step', found end of file"),
        ("prune w 0.5 by imp", "1:9: expected 'keep' after 'prune w', found '0.5'"),
        ("prune w keep 0.5 imp", "1:18: expected 'by SCORES' after 'prune w keep …', found 'imp'"),
        ("gradcheck", "1:10: expected a loss after 'gradcheck', found end of file"),
        ("plot x^2", "1:9: expected 'for NAME in A..B' after the plotted expression, found end of file"),
        ("plot", "1:5: expected something to plot after 'plot', found end of file"),
        ("plot loss in", "1:11: expected 'log', 'to' or a new line, found 'in'"),
        ("optimizer { }", "1:11: expected an optimizer name after 'optimizer', found '{'"),
        ("optimizer o(lr = 1) theta", "1:21: expected '{' to start the body of optimizer 'o', found 'theta'"),
    ])
    func reportsWhatWasExpectedAndFound(source: String, expected: String) {
        #expect(errors(source) == [expected])
    }
}
