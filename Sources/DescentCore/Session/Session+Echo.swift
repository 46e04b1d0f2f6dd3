import DescentSyntax
import DescentTensor

extension Session {
    /// What the REPL shows after a statement: an expression's value, or a one-line
    /// confirmation of a definition (`optimizer momentum(lr, beta)`).
    func echoResult(_ statement: Stmt, _ value: Value?) throws {
        if let value {
            if case .none = value { return }
            emit(try interpreterDisplay(value, at: statement.range))
            return
        }
        switch statement.kind {
        case .function(let declaration):
            emit("def \(declaration.name.text)(" + declaration.parameters.map(\.name.text).joined(separator: ", ") + ")")
        case .optimizer(let declaration):
            emit("optimizer \(declaration.name.text)(" + declaration.hyperParameters.map(\.name.text).joined(separator: ", ") + ")")
        case .loss(let name, _):
            emit("loss \(name.text)")
        case .param(let name, _):
            emit("param \(name.text) \(shapeText(of: name.text))")
        case .data(let names):
            emit("data " + names.map { "\($0.text) \(shapeText(of: $0.text))" }.joined(separator: ", "))
        default:
            break
        }
    }
}
