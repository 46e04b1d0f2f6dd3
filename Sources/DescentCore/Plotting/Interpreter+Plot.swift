import DescentSyntax

extension Interpreter {
    func plot(_ clause: PlotClause, in scope: Scope, at range: SourceRange) throws {
        throw Diagnostic("plot is not available yet", at: range)
    }

    func compare(_ clause: CompareClause, in scope: Scope, at range: SourceRange) throws {
        throw Diagnostic("compare is not available yet", at: range)
    }
}
