import DescentCore
import DescentSyntax
import Foundation
import Testing

/// The limits a session is created with, end to end: each stops the program with its
/// own message, and raising or lowering it never breaks the session itself.
@Suite struct LimitTests {
    private func run(_ text: String, limits: RuntimeLimits = RuntimeLimits(), timeout: Double? = nil) -> (Session, [String]) {
        let session = Session(limits: limits) { _ in }
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [cancellation = session.cancellation] in
                cancellation.cancelForTimeout()
            }
        }
        let messages = session.run(SourceFile(name: "limits", text: text)).map(\.message)
        return (session, messages)
    }

    private func limits(elements: Int? = nil, calls: Int? = nil, nesting: Int? = nil) -> RuntimeLimits {
        var limits = RuntimeLimits()
        if let elements { limits.maxElements = elements }
        if let calls { limits.maxCallDepth = calls }
        if let nesting { limits.maxNestingDepth = nesting }
        return limits
    }

    /// The prelude is not the learner's code: a tiny nesting limit must not reject it.
    @Test func tinyNestingLimitStillLoadsThePrelude() {
        let (_, within) = run("x = ((1))\nprint x", limits: limits(nesting: 3))
        #expect(within.isEmpty)
        let (_, beyond) = run("x = ((((1))))", limits: limits(nesting: 3))
        #expect(beyond == ["nesting too deep (more than 3 levels)"])
    }

    /// A nesting limit raised far above the default parses on a stack deep enough for it.
    @Test func raisedNestingLimitParsesDeepInput() {
        let depth = 5_000
        let text = "x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let (session, messages) = run(text, limits: limits(nesting: 10_000))
        #expect(messages.isEmpty)
        #expect(session.tensor(named: "x")?.scalars == [1])
        #expect(run(text, limits: limits(nesting: 4_000)).1 == ["nesting too deep (more than 4000 levels)"])
    }

    @Test func elementLimitAppliesToBroadcasting() {
        #expect(run("x = zeros(5) + zeros(5, 1)", limits: limits(elements: 25)).1.isEmpty)
        #expect(
            run("x = zeros(5) + zeros(5, 1)", limits: limits(elements: 24)).1
                == ["cannot allocate a tensor of shape [5, 5]: 25 elements is more than the limit of 24"])
    }

    @Test func callDepthLimitCountsNestedCalls() {
        let program = "def f(n) {\n  if n == 0 { return 0 }\n  return f(n - 1)\n}\nx = f(DEPTH)"
        // f(4) makes five nested calls: f(4), f(3), …, f(0).
        #expect(run(program.replacingOccurrences(of: "DEPTH", with: "4"), limits: limits(calls: 5)).1.isEmpty)
        #expect(
            run(program.replacingOccurrences(of: "DEPTH", with: "5"), limits: limits(calls: 5)).1
                == ["recursion too deep: more than 5 nested calls"])
    }

    @Test func timeoutStopsAnEndlessLoop() {
        let started = Date()
        let (session, messages) = run("s = 0\nfor i in 0..1e12 { s = s + 1 }", timeout: 0.3)
        #expect(messages == ["stopped: the time limit was reached"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect((session.tensor(named: "s")?.scalars.first ?? 0) > 0)
    }

    @Test func timeoutStopsALongTrain() {
        let program = """
            X = randn(200, 3, seed=1)
            y = X @ [1, 2, 3]
            param w = zeros(3)
            data X, y
            loss J = mean((X @ w - y)^2)
            train J with sgd(lr=0.001) steps 100000000
            """
        let started = Date()
        let (_, messages) = run(program, timeout: 0.5)
        #expect(messages == ["stopped: the time limit was reached"])
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// A stopped run still says how far it got, with the loss where it stopped, and the
    /// error points at the `train` (the scalar steps and the tree walker alike).
    @Test(arguments: ["loss L = x^2 + y^2", "loss L = sum([x, y]^2)"])
    func aStoppedTrainSaysHowFarItGot(loss: String) {
        var output = ""
        let session = Session { output += $0 }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { [cancellation = session.cancellation] in
            cancellation.cancelForTimeout()
        }
        let program = "param x = 3\nparam y = 1\n\(loss)\ntrain L with momentum(lr=0.01) steps 100000000000"
        let diagnostics = session.run(SourceFile(name: "stop", text: program))
        #expect(diagnostics.map(\.message) == ["stopped: the time limit was reached"])
        #expect(diagnostics.first?.range.location.line == 4)
        #expect(output.contains("momentum: stopped after "))
    }

    /// One product of two 4000 × 4000 matrices is 128 billion flops in a single kernel
    /// call: it stops between panels of rows, and `B` is never assigned.
    @Test func timeoutStopsALongMatrixProduct() {
        let started = Date()
        let (session, messages) = run("A = ones(4000, 4000)\nB = A @ A", timeout: 0.5)
        #expect(messages == ["stopped: the time limit was reached"])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(session.tensor(named: "B") == nil)
    }

    /// Recursion that does ever more work per call as it unwinds: each return wraps the
    /// result in 60 more axes. The calls go down in moments, but unwinding makes no call
    /// to poll in, so building each list must poll; without that the run takes minutes.
    @Test func timeoutStopsSlowRecursion() {
        let nested = String(repeating: "[", count: 60) + "f(n - 1)" + String(repeating: "]", count: 60)
        let program = "def f(n) {\n  if n == 0 { return 0 }\n  return \(nested)\n}\nx = f(300)"
        let (_, messages) = run(program, timeout: 0.5)
        #expect(messages == ["stopped: the time limit was reached"])
    }

    /// Work that calls no function and runs no loop still stops: an operator, a list and
    /// a builtin each poll before they do their work (Ctrl-C pressed before they start).
    @Test(arguments: ["x = 1 + 2", "x = [1, 2]", "x = abs(-1)"])
    func operatorsListsAndBuiltinsStopForCtrlC(program: String) {
        let session = Session { _ in }
        session.cancellation.cancel()
        let messages = session.run(SourceFile(name: "interrupted", text: program)).map(\.message)
        #expect(messages == ["interrupted"])
        #expect(session.tensor(named: "x") == nil)
    }

    /// A dropped session frees everything at once: its work ran on a thread that has
    /// ended, not one still holding the session while it winds down (which made the
    /// fuzzers' leak checker report the prelude's optimizers and functions as leaked).
    @Test func droppedSessionIsFreedAtOnce() {
        for _ in 0..<20 {
            weak var dropped: Session?
            do {
                let (session, messages) = run("def f(x) = x^2\noptimizer o(lr = 0.1) {\n  theta = theta - lr*grad\n}\ny = f(3)")
                #expect(messages.isEmpty)
                dropped = session
            }
            #expect(dropped == nil)
        }
    }

    /// Each call may sit inside deeply nested expressions, so the stack can fill long before
    /// the call-depth limit: that must be an error, not a crash.
    @Test func deepExpressionsInDeepRecursionRunOutOfStackWithAnError() {
        let nested = String(repeating: "abs(", count: 95) + "f(n - 1)" + String(repeating: ")", count: 95)
        let program = "def f(n) {\n  if n == 0 { return 0 }\n  return \(nested)\n}\nx = f(999)"
        let (_, messages) = run(program)
        #expect(messages.isEmpty || messages == ["recursion too deep: out of stack space"])
    }
}
