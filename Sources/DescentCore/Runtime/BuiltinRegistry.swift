/// Every builtin function, in one registry that calls, `:help` and completion all read.
public enum BuiltinRegistry {
    /// All builtins, grouped as documented in the README.
    public static let all: [Builtin] =
        CreationBuiltins.all + RandomBuiltins.all + MathBuiltins.all + ReductionBuiltins.all
        + ShapeBuiltins.all + InputBuiltins.all + TextBuiltins.all + TrainingBuiltins.all

    /// The builtin called `name`.
    public static func named(_ name: String) -> Builtin? {
        all.first { $0.name == name }
    }
}
