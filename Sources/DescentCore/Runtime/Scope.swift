/// One level of name bindings: the session's globals, a function call, or one run of an
/// optimizer's rule. Lookups walk outward to the globals.
final class Scope {
    private(set) var values: [String: Value]
    let parent: Scope?

    init(parent: Scope?, values: [String: Value] = [:]) {
        self.parent = parent
        self.values = values
    }

    /// An empty scope with room for `capacity` names, so binding them never rehashes.
    init(parent: Scope?, capacity: Int) {
        self.parent = parent
        self.values = Dictionary(minimumCapacity: capacity)
    }

    /// The value bound to `name` here or in an enclosing scope.
    func lookup(_ name: String) -> Value? {
        if let value = values[name] { return value }
        return parent?.lookup(name)
    }

    /// Binds `name` in this scope (assignment creates locals, as in Python).
    func bind(_ name: String, to value: Value) {
        values[name] = value
    }

    /// Removes a binding from this scope.
    func unbind(_ name: String) {
        values[name] = nil
    }

    /// Whether `name` is bound in this very scope.
    func bindsLocally(_ name: String) -> Bool {
        values[name] != nil
    }
}
