import DescentSyntax
import DescentTensor

/// What a name in a session holds, as `:vars`, completion and `:help` describe it.
public enum NameKind: String, Sendable {
    case tensor, param, data, loss, string
    case function, builtin
    case optimizerDefinition = "optimizer"
    case optimizerInstance = "optimizer instance"
    case nothing

    /// Whether calling the name makes sense, so completion can add `(`.
    public var isCallable: Bool {
        self == .function || self == .builtin || self == .optimizerDefinition
    }
}

/// One row of `:vars`: a name the user defined, what it is and its shape or signature.
public struct VariableSummary: Sendable, Equatable {
    public let name: String
    public let kind: NameKind
    /// `[64, 3]`, `3.5` (a scalar's value), `momentum(lr=0.05, beta=0.9), 12 steps taken`.
    public let detail: String
}

extension Session {
    /// What `name` holds, or `nil` if it is not bound.
    public func kind(of name: String) -> NameKind? {
        guard let value = interpreter.globals.lookup(name) else { return nil }
        switch value {
        case .tensor:
            if interpreter.isParameter(name) { return .param }
            return interpreter.dataNames.contains(name) ? .data : .tensor
        case .string: return .string
        case .function: return .function
        case .builtin: return .builtin
        case .optimizerDefinition: return .optimizerDefinition
        case .optimizer: return .optimizerInstance
        case .loss: return .loss
        case .none: return .nothing
        }
    }

    /// Whether the user made `name` (not the prelude or a builtin, unless redefined).
    public func isUserDefined(_ name: String) -> Bool {
        guard interpreter.globals.lookup(name) != nil else { return false }
        guard let preludeText = Self.preludeSources[name] else { return true }
        return source(of: name) != preludeText
    }

    /// The user's own names, sorted, with their kinds and shapes or signatures.
    public func variables() -> [VariableSummary] {
        names.filter(isUserDefined).compactMap { name in
            guard let kind = kind(of: name), let value = interpreter.globals.lookup(name) else { return nil }
            return VariableSummary(name: name, kind: kind, detail: detail(of: value))
        }
    }

    /// The names a call to `callee` accepts as `name=value`: an optimizer's
    /// hyper-parameters, a function's parameters, a builtin's optional parameters.
    public func argumentNames(of callee: String) -> [String] {
        switch interpreter.globals.lookup(callee) {
        case .optimizerDefinition(let definition)?: return definition.declaration.hyperParameters.map(\.name.text)
        case .optimizer(let instance)?: return instance.definition.declaration.hyperParameters.map(\.name.text)
        case .function(let function)?: return function.declaration.parameters.map(\.name.text)
        case .builtin(let builtin)?:
            return builtin.parameters.compactMap { parameter in
                if case .optional = parameter.kind { return parameter.name }
                return nil
            }
        default: return []
        }
    }

    /// The signature of a user or prelude definition: `optimizer momentum(lr = 0.01, beta = 0.9)`.
    public func signature(of name: String) -> String? {
        switch interpreter.globals.lookup(name) {
        case .optimizerDefinition(let definition)?:
            return "optimizer \(name)(" + parameterList(definition.declaration.hyperParameters) + ")"
        case .function(let function)?:
            return "def \(name)(" + parameterList(function.declaration.parameters) + ")"
        case .builtin(let builtin)?:
            return builtin.signature
        default:
            return nil
        }
    }

    /// The source of every definition, as a fresh session has it: what "not redefined" means.
    private static let preludeSources: [String: String] = {
        let fresh = Session { _ in }
        var sources: [String: String] = [:]
        for name in fresh.names {
            sources[name] = fresh.source(of: name)
        }
        return sources
    }()

    private func parameterList(_ parameters: [Parameter]) -> String {
        parameters.map { parameter in
            guard let defaultValue = parameter.defaultValue else { return parameter.name.text }
            return "\(parameter.name.text) = \(defaultValue.range.text)"
        }.joined(separator: ", ")
    }

    private func detail(of value: Value) -> String {
        switch value {
        case .tensor(let tensor):
            let shape = tensor.value.shape
            return shape.isEmpty ? TensorFormatter().format(tensor.value) : describeShape(shape)
        case .string(let text): return "\"\(text)\""
        case .function(let function): return signature(of: function.name) ?? ""
        case .optimizerDefinition(let definition): return signature(of: definition.name) ?? ""
        case .optimizer(let instance): return instance.description
        case .loss(let loss): return loss.expression.range.text
        case .builtin(let builtin): return builtin.signature
        case .none: return ""
        }
    }
}
